import "server-only";
import { db } from "../db";
import type { Actor } from "../actor";
import { openedApplication } from "./case-access";
import { stepsMissing } from "./propose";

const reviewInclude = {
  organisation: {
    include: {
      boardMembers: {
        orderBy: { position: "asc" as const },
        select: { name: true, role: true, signatory: true },
      },
    },
  },
  round: true,
  assignedTo: { select: { id: true, name: true } },
  versions: { orderBy: { number: "asc" as const } },
  partners: {
    orderBy: { position: "asc" as const },
    include: {
      letter: { include: { file: { select: { id: true, fileName: true, size: true } } } },
    },
  },
  reviews: { include: { scores: true, reviewer: { select: { id: true, name: true } } } },
  comments: {
    orderBy: { createdAt: "asc" as const },
    include: { author: { select: { name: true } } },
  },
  complementRequests: {
    orderBy: { createdAt: "desc" as const },
    include: { requestedBy: { select: { name: true } } },
  },
  proposals: {
    orderBy: { createdAt: "desc" as const },
    include: { proposedBy: { select: { id: true, name: true } } },
  },
  decisions: {
    orderBy: { createdAt: "desc" as const },
    include: { decider: { select: { name: true } } },
  },
  conflicts: true,
} as const;

/** The whole case for an officer who has declared no conflict, with the steps still missing before a proposal. */
export async function getForReview(actor: Actor, id: string) {
  await openedApplication(actor, id, "application.review");
  const app = await db.application.findUniqueOrThrow({ where: { id }, include: reviewInclude });
  const myDeclaration = app.conflicts.find((c) => c.userId === actor.id) ?? null;
  const [missing, approved] = await Promise.all([
    stepsMissing(id),
    db.decision.aggregate({
      where: { roundId: app.roundId, outcome: "APPROVED", correctedBy: null },
      _sum: { amountSek: true },
    }),
  ]);
  // What the round's budget frame has left before this case is decided (for the confirmation).
  const budgetLeftSek = app.round.budgetSek - (approved._sum.amountSek ?? 0);
  return { ...app, myDeclaration, missing, budgetLeftSek };
}
export type ReviewCase = Awaited<ReturnType<typeof getForReview>>;

import "server-only";
import { db } from "../db";
import type { Actor } from "../actor";
import { openedApplication } from "./case-access";
import { missingSteps } from "@/lib/domain/review";

// The organisation and its board come from the access check's read (case-access.ts), which has
// them already: every Prisma call is compiled to a query plan on the request's core, and the cost
// grows with the relations it names.
const reviewInclude = {
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
  const { organisation } = await openedApplication(actor, id, "application.review");
  const app = await db.application.findUniqueOrThrow({ where: { id }, include: reviewInclude });
  const myDeclaration = app.conflicts.find((c) => c.userId === actor.id) ?? null;
  // The steps still missing, from what is loaded (propose.ts reads the same in its transaction).
  const missing = missingSteps({
    formalCheckPassed: app.formalCheckPassed,
    reviewsRequired: app.round.reviewsRequired,
    reviews: app.reviews.map((r) => ({
      completedAt: r.completedAt,
      declaration: app.conflicts.find((c) => c.userId === r.reviewerId) ?? null,
    })),
  });
  // What the round's budget frame has left before this case is decided (for the confirmation):
  // the approvals not replaced by a correction.
  const [approved] = await db.$queryRaw<{ sum: bigint | null }[]>`
    SELECT sum(d."amountSek") AS sum FROM "Decision" d
    WHERE d."roundId" = ${app.roundId} AND d.outcome = 'APPROVED'
      AND NOT EXISTS (SELECT 1 FROM "Decision" c WHERE c."correctsId" = d.id)`;
  const budgetLeftSek = app.round.budgetSek - Number(approved?.sum ?? 0);
  return { ...app, organisation, myDeclaration, missing, budgetLeftSek };
}
export type ReviewCase = Awaited<ReturnType<typeof getForReview>>;

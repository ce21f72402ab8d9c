import "server-only";
import { db } from "../db";
import type { Actor } from "../actor";
import { openedApplication } from "./case-access";

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

/** The whole case for an officer who has declared no conflict. */
export async function getForReview(actor: Actor, id: string) {
  await openedApplication(actor, id, "application.review");
  const app = await db.application.findUniqueOrThrow({ where: { id }, include: reviewInclude });
  const myDeclaration = app.conflicts.find((c) => c.userId === actor.id) ?? null;
  return { ...app, myDeclaration };
}
export type ReviewCase = Awaited<ReturnType<typeof getForReview>>;

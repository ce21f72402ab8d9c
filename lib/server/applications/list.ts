import "server-only";
import { db } from "../db";
import type { Actor } from "../actor";
import { withoutConflictOf } from "../case-access";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The applicant's organisations and their applications. */
export async function listForApplicant(actor: Actor) {
  return db.organisation.findMany({
    where: { memberships: { some: { userId: actor.id } } },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      orgNumber: true,
      applications: {
        orderBy: { updatedAt: "desc" },
        select: {
          id: true,
          title: true,
          status: true,
          referenceNumber: true,
          requestedSek: true,
          updatedAt: true,
          round: { select: { title: true } },
        },
      },
    },
  });
}

const officerRow = {
  id: true,
  title: true,
  status: true,
  referenceNumber: true,
  requestedSek: true,
  track: true,
  submittedAt: true,
  organisation: { select: { name: true } },
  proposals: { where: { status: "OPEN" }, select: { outcome: true, amountSek: true }, take: 1 },
} satisfies Prisma.ApplicationSelect;

/**
 * The proposed cases this decider may decide (four eyes, lib/domain/review.ts deciderRefusal):
 * not proposed or reviewed by them, and no declared conflict of theirs. Caller checks the role.
 */
export async function listDecidable(actor: Actor, take = 100) {
  return db.application.findMany({
    where: {
      status: "PROPOSED",
      proposals: { some: { status: "OPEN", proposedById: { not: actor.id } } },
      reviews: { none: { reviewerId: actor.id } },
      ...withoutConflictOf(actor),
    },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take,
    select: officerRow,
  });
}

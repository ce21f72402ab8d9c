import "server-only";
import { db } from "./db";
import { deny, type Actor } from "./actor";
import { BLOCKING_CONFLICT, mayHandleCase } from "@/lib/domain/review";
import { STAFF_ROLES, hasAnyRole, type Role } from "@/lib/domain/roles";

// The one case-access check (docs/domain.md §5, conflict of interest covers the whole case): every
// service that touches a case or its grant (review, follow-up, payments, files, reports) asks here.
// Anyone who may not handle the case gets "not found", and the attempt is audited.

/** Officers who handle follow-up: release, claim back, change or judge reports. */
export const FOLLOW_UP_OFFICERS: readonly Role[] = ["REVIEWER", "ADMIN"];

/** Who may attest a released instalment: any staff member but the one who released it. */
export const ATTESTERS: readonly Role[] = STAFF_ROLES;

/** Who decides a proposed repayment claim (a decision of the authority): deciders, never the proposer. */
export const CLAIM_DECIDERS: readonly Role[] = ["DECIDER"];

/** Who handles the money itself: payment files, bank confirmations, repayments received. */
export const FINANCE: readonly Role[] = ["ADMIN"];

type Access = { roles?: readonly Role[]; stage: "review" | "follow-up" };

/**
 * Precondition for touching case `applicationId`: the actor holds one of `roles` (staff by
 * default) and has no declared conflict in it (mayHandleCase). An unknown case is denied the same way.
 */
export async function requireCaseAccess(
  actor: Actor,
  applicationId: string | null | undefined,
  what: string,
  { roles = STAFF_ROLES, stage }: Access,
): Promise<void> {
  if (!hasAnyRole(actor.roles, roles))
    await deny(actor, what, "Application", applicationId ?? undefined);
  if (!applicationId) return deny(actor, what, "Application");
  const declaration = await db.conflictDeclaration.findUnique({
    where: { applicationId_userId: { applicationId, userId: actor.id } },
    select: { status: true },
  });
  if (!mayHandleCase(actor, declaration, { roles, stage }))
    await deny(actor, what, "Application", applicationId, declaration ? "conflict" : "undeclared");
}

/** A Prisma filter on Application: only cases the actor has not declared a conflict in (for lists and files). */
export const withoutConflictOf = (actor: Actor) => ({
  conflicts: { none: { userId: actor.id, status: { in: [...BLOCKING_CONFLICT] } } },
});

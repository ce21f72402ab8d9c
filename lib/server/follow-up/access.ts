import "server-only";
import { db } from "../db";
import { deny, type Actor } from "../actor";
import { FOLLOW_UP_OFFICERS, requireCaseAccess } from "../case-access";

/** A report of one of the actor's organisations; anyone else gets "not found". */
export async function reportForMember(actor: Actor, reportId: string) {
  const report = await db.followUpReport.findFirst({
    where: {
      id: reportId,
      application: { organisation: { memberships: { some: { userId: actor.id } } } },
    },
    include: {
      application: {
        include: {
          budgetLines: true,
          decisions: { where: { outcome: "APPROVED", correctedBy: null }, take: 1 },
        },
      },
    },
  });
  if (!report) await deny(actor, "report.read", "FollowUpReport", reportId);
  return report!;
}

/** Precondition: a follow-up officer without a declared conflict in the report's case. */
export async function officerReport(actor: Actor, reportId: string, what: string) {
  const report = await db.followUpReport.findUnique({
    where: { id: reportId },
    include: { application: true },
  });
  await requireCaseAccess(actor, report?.applicationId, what, {
    roles: FOLLOW_UP_OFFICERS,
    stage: "follow-up",
  });
  return report!;
}

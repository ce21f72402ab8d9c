import "server-only";
import { db } from "../db";
import { deny, type Actor } from "../actor";
import { FOLLOW_UP_OFFICERS, requireCaseAccess } from "../case-access";

/**
 * The final report of one of the actor's organisations, with its summary if one is begun; anyone
 * else, and any other kind of report, gets "not found".
 */
export async function finalReportForMember(actor: Actor, reportId: string) {
  const report = await db.followUpReport.findFirst({
    where: {
      id: reportId,
      kind: "FINAL",
      application: { organisation: { memberships: { some: { userId: actor.id } } } },
    },
    include: {
      learningExample: true,
      application: { select: { id: true, referenceNumber: true, assignedToId: true } },
    },
  });
  if (!report) await deny(actor, "learning_example.write", "FollowUpReport", reportId);
  return report!;
}

/** Precondition: a follow-up officer without a declared conflict in the example's case. */
export async function officerExample(actor: Actor, exampleId: string, what: string) {
  const example = await db.learningExample.findUnique({
    where: { id: exampleId },
    include: {
      report: {
        select: {
          applicationId: true,
          application: { select: { referenceNumber: true, organisationId: true } },
        },
      },
    },
  });
  await requireCaseAccess(actor, example?.report.applicationId, what, {
    roles: FOLLOW_UP_OFFICERS,
    stage: "follow-up",
  });
  return example!;
}

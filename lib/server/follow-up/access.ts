import "server-only";
import { db } from "../db";
import { deny, type Actor } from "../actor";
import { NotFound } from "../errors";

export async function requireOfficer(actor: Actor, what: string) {
  if (!actor.roles.includes("REVIEWER") && !actor.roles.includes("ADMIN")) await deny(actor, what);
}

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

export async function officerReport(actor: Actor, reportId: string, what: string) {
  await requireOfficer(actor, what);
  const report = await db.followUpReport.findUnique({
    where: { id: reportId },
    include: { application: true },
  });
  if (!report) throw new NotFound();
  return report;
}

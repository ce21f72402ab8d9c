import "server-only";
import { db } from "../db";
import type { Actor } from "../actor";
import { audit } from "../audit";
import { Forbidden } from "../errors";
import { notifyMembers } from "../notifications";
import { officerReport } from "./access";

/** The officer accepts a submitted report; an accepted final report closes the grant. */
export async function acceptReport(actor: Actor, reportId: string) {
  const report = await officerReport(actor, reportId, "report.accept");
  if (report.status !== "SUBMITTED")
    throw new Forbidden("Bara en inskickad rapport kan godkännas.");
  await db.$transaction(async (tx) => {
    await tx.followUpReport.update({
      where: { id: reportId },
      data: { status: "ACCEPTED", acceptedAt: new Date(), version: { increment: 1 } },
    });
    if (report.kind === "FINAL")
      await tx.application.updateMany({
        where: { id: report.applicationId, status: "REPORT_SUBMITTED" },
        data: { status: "CLOSED" },
      });
    await notifyMembers(tx, report.applicationId, {
      kind: "report_accepted",
      title: `${report.kind === "FINAL" ? "Slutredovisningen" : "Lägesrapporten"} för ${report.application.referenceNumber} är godkänd`,
      href: `/ansokningar/${report.applicationId}`,
    });
    await audit(
      {
        actorId: actor.id,
        action: "report.accepted",
        entityType: "FollowUpReport",
        entityId: reportId,
        before: { status: "SUBMITTED" },
        after: { status: "ACCEPTED" },
      },
      tx,
    );
  });
}

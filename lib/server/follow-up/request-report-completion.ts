import "server-only";
import { db } from "../db";
import type { Actor } from "../actor";
import { audit } from "../audit";
import { Forbidden } from "../errors";
import { appUrl, queueMail } from "../mail";
import { enqueueMail } from "../job-queue";
import { notifyMembers } from "../notifications";
import { officerReport } from "./access";

/** The officer asks for more in a report; the grantee edits and resubmits. */
export async function requestReportCompletion(actor: Actor, reportId: string, message: string) {
  const report = await officerReport(actor, reportId, "report.request_completion");
  if (report.status !== "SUBMITTED")
    throw new Forbidden("Komplettering kan bara begäras för en inskickad rapport.");
  const mails = await db.$transaction(async (tx) => {
    await tx.followUpReport.update({
      where: { id: reportId },
      data: {
        status: "COMPLEMENT_REQUESTED",
        completionMessage: message,
        version: { increment: 1 },
      },
    });
    if (report.kind === "FINAL")
      await tx.application.updateMany({
        where: { id: report.applicationId, status: "REPORT_SUBMITTED" },
        data: { status: "APPROVED" },
      });
    await notifyMembers(tx, report.applicationId, {
      kind: "report_completion",
      title: `Komplettering begärd av rapporten för ${report.application.referenceNumber}`,
      body: message,
      href: `/ansokningar/${report.applicationId}/rapport/${reportId}`,
    });
    await audit(
      {
        actorId: actor.id,
        action: "report.complement_requested",
        entityType: "FollowUpReport",
        entityId: reportId,
        after: { message },
      },
      tx,
    );
    const members = await tx.membership.findMany({
      where: { organisationId: report.application.organisationId },
      include: { user: true },
    });
    const ids = [];
    for (const m of members)
      ids.push(
        await queueMail(tx, {
          to: m.user.email,
          dedupeKey: `report-completion:${reportId}:${report.version}:${m.userId}`,
          applicationId: report.applicationId,
          subject: `Komplettera rapporten för ${report.application.referenceNumber}`,
          text: `Hej ${m.user.name}!\n\nHandläggaren behöver mer i rapporten:\n\n${message}\n\n${appUrl(`/ansokningar/${report.applicationId}/rapport/${reportId}`)}\n\nSamverka`,
        }),
      );
    return ids;
  });
  await enqueueMail(mails);
}

import "server-only";
import { db } from "../db";
import type { Actor } from "../actor";
import { audit } from "../audit";
import { dateOnly } from "../application-contract";
import { isoDate } from "@/lib/domain/format";
import { officerReport } from "./access";

export async function setReportDueDate(actor: Actor, reportId: string, dueDate: string) {
  const report = await officerReport(actor, reportId, "report.due_date");
  await db.$transaction(async (tx) => {
    await tx.followUpReport.update({
      where: { id: reportId },
      data: { dueDate: dateOnly(dueDate) },
    });
    await audit(
      {
        actorId: actor.id,
        action: "report.due_date_changed",
        entityType: "FollowUpReport",
        entityId: reportId,
        before: { dueDate: isoDate(report.dueDate) },
        after: { dueDate },
      },
      tx,
    );
  });
}

import "server-only";
import type { z } from "zod";
import { db } from "../db";
import type { Actor } from "../actor";
import { audit } from "../audit";
import { Conflict, Forbidden, RuleViolation } from "../errors";
import { appUrl, queueMail } from "../mail";
import { enqueueMail } from "../job-queue";
import { spendingProblems, type Spending } from "@/lib/domain/follow-up";
import type { ReportInput } from "@/lib/validation/follow-up";
import { reportForMember } from "./access";

function budgetByCategory(lines: { category: string; amountSek: number }[]): Spending {
  const out: Spending = {};
  for (const l of lines)
    out[l.category as keyof Spending] = (out[l.category as keyof Spending] ?? 0) + l.amountSek;
  return out;
}

/** Saves the grantee's draft of a report (optimistic version), or submits it. */
export async function saveReport(
  actor: Actor,
  reportId: string,
  expectedVersion: number,
  input: z.infer<typeof ReportInput>,
  submit: boolean,
) {
  const report = await reportForMember(actor, reportId);
  if (!["NOT_STARTED", "DRAFT", "COMPLEMENT_REQUESTED"].includes(report.status))
    throw new Forbidden("Rapporten är inskickad och kan inte ändras.");
  const granted = report.application.decisions[0]?.amountSek ?? 0;
  const problems = spendingProblems(
    input.spending,
    granted,
    budgetByCategory(report.application.budgetLines),
  ).filter((p) => p.path === "spending" || /hela kronor/.test(p.message));
  if (submit && problems.length)
    throw new RuleViolation(
      problems.map((p) => ({ code: "SPENDING_INVALID", ...p })),
      "Rapporten kan inte skickas in förrän beloppen stämmer.",
    );
  const status = submit
    ? "SUBMITTED"
    : report.status === "COMPLEMENT_REQUESTED"
      ? "COMPLEMENT_REQUESTED"
      : "DRAFT";
  const mails = await db.$transaction(async (tx) => {
    const { count } = await tx.followUpReport.updateMany({
      where: { id: reportId, version: expectedVersion },
      data: {
        ...input,
        spending: input.spending,
        status,
        version: { increment: 1 },
        ...(submit ? { submittedAt: new Date() } : {}),
      },
    });
    if (count !== 1)
      throw new Conflict(
        "Rapporten har ändrats någon annanstans sedan du öppnade den. Ladda om sidan – kopiera gärna det du skrev först.",
      );
    if (!submit) return [];
    await audit(
      {
        actorId: actor.id,
        action: "report.submitted",
        entityType: "FollowUpReport",
        entityId: reportId,
        before: { status: report.status },
        after: { status: "SUBMITTED" },
      },
      tx,
    );
    if (report.kind === "FINAL")
      await tx.application.updateMany({
        where: { id: report.applicationId, status: "APPROVED" },
        data: { status: "REPORT_SUBMITTED" },
      });
    const officer = report.application.assignedToId
      ? await tx.user.findUnique({ where: { id: report.application.assignedToId } })
      : null;
    return officer
      ? [
          await queueMail(tx, {
            to: officer.email,
            dedupeKey: `report-submitted:${reportId}:${expectedVersion}`,
            applicationId: report.applicationId,
            subject: `Rapport inskickad för ${report.application.referenceNumber}`,
            text: `${report.kind === "FINAL" ? "Slutredovisningen" : "Lägesrapporten"} för ${report.application.referenceNumber} är inskickad.\n${appUrl(`/uppfoljning/${report.applicationId}`)}`,
          }),
        ]
      : [];
  });
  await enqueueMail(mails);
  return expectedVersion + 1;
}

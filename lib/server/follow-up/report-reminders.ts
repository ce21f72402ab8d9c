import "server-only";
import { db } from "../db";
import { appUrl, queueMail } from "../mail";
import { enqueueMail } from "../job-queue";
import { notifyMembers } from "../notifications";
import { dateOnly } from "../application-contract";
import { formatDate, isoDate } from "@/lib/domain/format";
import { todayInStockholm } from "@/lib/domain/dates";

const REMIND_DAYS_BEFORE = 14;

/**
 * E-mails grantees about reports due within two weeks and reports overdue, once each (the dedupe
 * key makes a repeated or retried run send nothing new), and notifies them in the app.
 */
export async function sendReportReminders(now = new Date()): Promise<number> {
  const today = todayInStockholm(now);
  const horizon = new Date(dateOnly(today).getTime() + REMIND_DAYS_BEFORE * 86_400_000);
  const reports = await db.followUpReport.findMany({
    where: {
      status: { in: ["NOT_STARTED", "DRAFT", "COMPLEMENT_REQUESTED"] },
      dueDate: { lte: horizon },
    },
    include: {
      application: {
        include: { organisation: { include: { memberships: { include: { user: true } } } } },
      },
    },
  });
  const mailIds: (string | null)[] = [];
  for (const report of reports) {
    const overdue = isoDate(report.dueDate) < today;
    const key = `report-reminder:${report.id}:${overdue ? "overdue" : "due-soon"}`;
    await db.$transaction(async (tx) => {
      const before = mailIds.length;
      for (const m of report.application.organisation.memberships) {
        mailIds.push(
          await queueMail(tx, {
            to: m.user.email,
            dedupeKey: `${key}:${m.userId}`,
            applicationId: report.applicationId,
            subject: overdue
              ? `Rapporten för ${report.application.referenceNumber} är försenad`
              : `Påminnelse: rapport för ${report.application.referenceNumber} senast ${formatDate(report.dueDate)}`,
            text: `Hej ${m.user.name}!\n\n${report.kind === "FINAL" ? "Slutredovisningen" : "Lägesrapporten"} för "${report.application.title}" ska lämnas senast ${formatDate(report.dueDate)}.${overdue ? " Den är nu försenad – lämna den så snart du kan." : ""}\n\n${appUrl(`/ansokningar/${report.applicationId}/rapport/${report.id}`)}\n\nVänliga hälsningar\nSamverka`,
          }),
        );
      }
      if (mailIds.slice(before).some(Boolean)) {
        await notifyMembers(tx, report.applicationId, {
          kind: "report_due",
          title: overdue
            ? `Rapporten för ${report.application.referenceNumber} är försenad`
            : `Rapport för ${report.application.referenceNumber} ska lämnas senast ${formatDate(report.dueDate)}`,
          href: `/ansokningar/${report.applicationId}/rapport/${report.id}`,
        });
      }
    });
  }
  await enqueueMail(mailIds);
  return mailIds.filter(Boolean).length;
}

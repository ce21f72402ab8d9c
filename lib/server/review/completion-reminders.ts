import "server-only";
import { db } from "../db";
import { appUrl, queueMail } from "../mail";
import { enqueueMail } from "../job-queue";
import { notifyMembers } from "../notifications";
import { dateOnly } from "../application-contract";
import { addDays, todayInStockholm } from "@/lib/domain/dates";
import { COMPLETION_REMIND_DAYS_BEFORE, completionOverdue } from "@/lib/domain/case-time";
import { formatDate, isoDate } from "@/lib/domain/format";

/**
 * Reminds the applicant of each open completion request due within a few days (or already late):
 * one reminder per request. `remindedAt` is set in the same transaction that queues the mails,
 * with a guard on it, so a repeated, retried or concurrent run sends nothing new (and the mails'
 * dedupe keys say the same once more). Answers how many mails were queued.
 */
export async function sendCompletionReminders(now = new Date()): Promise<number> {
  const today = todayInStockholm(now);
  const horizon = dateOnly(addDays(today, COMPLETION_REMIND_DAYS_BEFORE));
  const requests = await db.complementRequest.findMany({
    where: {
      answeredAt: null,
      remindedAt: null,
      dueDate: { lte: horizon },
      application: { status: "COMPLEMENT_REQUESTED" },
    },
    include: {
      application: {
        select: {
          id: true,
          title: true,
          referenceNumber: true,
          organisation: { select: { memberships: { select: { userId: true, user: true } } } },
        },
      },
    },
    orderBy: { dueDate: "asc" },
    take: 500,
  });
  const mailIds: (string | null)[] = [];
  for (const request of requests) {
    const app = request.application;
    const due = isoDate(request.dueDate!);
    const late = completionOverdue({ dueDate: due, answered: false }, today);
    const subject = late
      ? `Kompletteringen av ansökan ${app.referenceNumber} är försenad`
      : `Påminnelse: komplettera ansökan ${app.referenceNumber} senast ${formatDate(due)}`;
    await db.$transaction(async (tx) => {
      const { count } = await tx.complementRequest.updateMany({
        where: { id: request.id, remindedAt: null },
        data: { remindedAt: now },
      });
      if (count !== 1) return; // another run took it
      for (const m of app.organisation.memberships)
        mailIds.push(
          await queueMail(tx, {
            to: m.user.email,
            dedupeKey: `complement-reminder:${request.id}:${m.userId}`,
            subject,
            text: `Hej ${m.user.name}!\n\nVi väntar på din komplettering av ansökan "${app.title}" (${app.referenceNumber}). Den ska komma in senast ${formatDate(due)}.${late ? " Datumet har passerat – komplettera så snart du kan, eller kontakta handläggaren om du behöver mer tid." : ""}\n\nDet här behöver vi:\n${request.message}\n\nLogga in, ändra ansökan och skicka in den igen:\n${appUrl(`/ansokningar/${app.id}`)}\n\nVänliga hälsningar\nSamverka`,
          }),
        );
      await notifyMembers(tx, app.id, {
        kind: "complement_reminder",
        title: subject,
        href: `/ansokningar/${app.id}`,
      });
    });
  }
  await enqueueMail(mailIds);
  return mailIds.filter(Boolean).length;
}

import "server-only";
import { db } from "./db";
import { deliverMail } from "./mail";
import { logger } from "./logger";
import { boss, QUEUES } from "./job-queue";
import { sendReportReminders } from "./follow-up";
import { sendCompletionReminders } from "./review";
import { pruneRateLimits } from "./rate-limit";
import { pruneSessions } from "./sessions";

// The background workers, started once by the app process (instrumentation.ts). The queue itself,
// and the enqueueing the services do, is in lib/server/job-queue.ts.

export async function startWorkers() {
  const queue = await boss();
  await queue.work<{ id: string }>(QUEUES.mail, async (jobs) => {
    for (const job of jobs) await deliverMail(job.data.id);
  });
  // Every minute: mails that were queued but never handed to the queue (a crash between commit and send).
  await queue.schedule(QUEUES.sweep, "* * * * *");
  await queue.work(QUEUES.sweep, async () => {
    const stale = await db.mailMessage.findMany({
      where: { status: "QUEUED", createdAt: { lt: new Date(Date.now() - 60_000) } },
      select: { id: true },
      take: 100,
    });
    for (const { id } of stale)
      await queue.send(
        QUEUES.mail,
        { id },
        { retryLimit: 8, retryDelay: 30, retryBackoff: true, singletonKey: id },
      );
  });
  // Every morning: reminders about reports due soon or overdue (each sent once, see
  // sendReportReminders) and about completions due soon (once per request, see
  // sendCompletionReminders), and abuse-limit windows older than a day and ended sessions cleared.
  // SAMVERKA_REMINDER_CRON replaces the time (the system tests run it every minute).
  await queue.schedule(
    QUEUES.reminders,
    process.env.SAMVERKA_REMINDER_CRON || "0 7 * * *",
    {},
    { tz: "Europe/Stockholm" },
  );
  await queue.work(QUEUES.reminders, async () => {
    await sendReportReminders();
    await sendCompletionReminders();
    await pruneRateLimits();
    await pruneSessions();
  });
  logger.info("background workers started");
}

import "server-only";
import PgBoss from "pg-boss";
import { db } from "./db";
import { deliverMail } from "./mail";
import { logger } from "./logger";

// Background work on a PostgreSQL-backed queue (pg-boss): it survives restarts, retries failures,
// and runs once even with several app instances. The app process starts the workers
// (instrumentation.ts); requests only enqueue.

const QUEUES = { mail: "mail.send", sweep: "mail.sweep", reminders: "reports.remind" } as const;
const globalForBoss = globalThis as unknown as { samverkaBoss?: Promise<PgBoss> };

function boss(): Promise<PgBoss> {
  globalForBoss.samverkaBoss ??= (async () => {
    const instance = new PgBoss({
      connectionString: process.env.DATABASE_URL!,
      schema: "pgboss",
      max: 3,
    });
    instance.on("error", (error) => logger.error({ err: error }, "job queue error"));
    await instance.start();
    for (const name of Object.values(QUEUES)) await instance.createQueue(name);
    return instance;
  })();
  return globalForBoss.samverkaBoss;
}

/** Asks for a queued mail to be delivered now; the sweep picks it up later if this is lost. */
export async function enqueueMail(ids: (string | null)[]) {
  const wanted = ids.filter((id): id is string => Boolean(id));
  if (!wanted.length || process.env.SAMVERKA_JOBS === "off") return;
  try {
    const queue = await boss();
    for (const id of wanted)
      await queue.send(
        QUEUES.mail,
        { id },
        { retryLimit: 8, retryDelay: 30, retryBackoff: true, singletonKey: id },
      );
  } catch (error) {
    logger.warn({ err: error }, "could not enqueue mail; the sweep will send it");
  }
}

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
  // Every morning: reminders about reports due soon or overdue (each sent once, see sendReportReminders).
  // SAMVERKA_REMINDER_CRON replaces the time (the system tests run it every minute).
  await queue.schedule(
    QUEUES.reminders,
    process.env.SAMVERKA_REMINDER_CRON || "0 7 * * *",
    {},
    { tz: "Europe/Stockholm" },
  );
  await queue.work(QUEUES.reminders, async () => {
    const { sendReportReminders } = await import("./follow-up");
    await sendReportReminders();
  });
  logger.info("background workers started");
}

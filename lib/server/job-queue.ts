import "server-only";
import PgBoss from "pg-boss";
import { logger } from "./logger";

// Background work on a PostgreSQL-backed queue (pg-boss): it survives restarts, retries failures,
// and runs once even with several app instances. Requests (the services) only enqueue, here; the
// app process starts the workers (lib/server/jobs.ts, from instrumentation.ts).

export const QUEUES = {
  mail: "mail.send",
  sweep: "mail.sweep",
  reminders: "reports.remind",
} as const;
const globalForBoss = globalThis as unknown as { samverkaBoss?: Promise<PgBoss> };

export function boss(): Promise<PgBoss> {
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

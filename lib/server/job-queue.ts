import "server-only";
import pg from "pg";
import { PgBoss } from "pg-boss";
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

export const QUEUE_SCHEMA = "pgboss";
/** Where a queue schema of pg-boss 10 is moved aside (see retireOldQueueSchema). */
export const RETIRED_QUEUE_SCHEMA = "pgboss_v10";
/** The oldest pg-boss schema version that pg-boss 12 migrates from (pg-boss 11.0's). */
const OLDEST_MIGRATABLE = 25;

/**
 * pg-boss 12 migrates its schema only from pg-boss 11's (version 25 and later); pg-boss 10 left
 * version 24, and upstream offers no migration from it. Nothing in that schema is needed: queued
 * mail is in the outbox (`MailMessage`, re-sent by the sweep), the cron schedules are registered
 * again by every start (jobs.ts), and the reminders are sent once each whatever runs them. So a
 * v10 schema is renamed to `pgboss_v10`, kept for inspection (drop it when you like), and pg-boss
 * installs its own schema anew. Under an advisory lock, so that two instances starting at once
 * do it once. Returns true if it moved a schema.
 */
export async function retireOldQueueSchema(connectionString: string): Promise<boolean> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(hashtext('samverka.pgboss-retire'))");
    const [{ installed }] = (
      await client.query<{ installed: boolean }>(
        `SELECT to_regclass('${QUEUE_SCHEMA}.version') IS NOT NULL AS installed`,
      )
    ).rows;
    const version = installed
      ? (await client.query<{ version: number }>(`SELECT version FROM ${QUEUE_SCHEMA}.version`))
          .rows[0]?.version
      : undefined;
    const old = version !== undefined && version < OLDEST_MIGRATABLE;
    if (old) await client.query(`ALTER SCHEMA ${QUEUE_SCHEMA} RENAME TO ${RETIRED_QUEUE_SCHEMA}`);
    await client.query("COMMIT");
    if (old)
      logger.warn(
        { event: "jobs.schema-retired", from: version, to: RETIRED_QUEUE_SCHEMA },
        "pg-boss 10 queue schema moved aside; pg-boss 12 installs its own",
      );
    return old;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

export function boss(): Promise<PgBoss> {
  globalForBoss.samverkaBoss ??= (async () => {
    await retireOldQueueSchema(process.env.DATABASE_URL!);
    const instance = new PgBoss({
      connectionString: process.env.DATABASE_URL!,
      schema: QUEUE_SCHEMA,
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

import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import {
  QUEUES,
  QUEUE_SCHEMA,
  RETIRED_QUEUE_SCHEMA,
  boss,
  retireOldQueueSchema,
} from "@/lib/server/job-queue";

// pg-boss 12 refuses to migrate the schema pg-boss 10 left (version 24): the app moves it aside
// once and pg-boss installs its own (lib/server/job-queue.ts, docs/dependencies.md).

async function sql<T extends pg.QueryResultRow>(text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

const schemas = async () =>
  (
    await sql<{ nspname: string }>(
      "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'pgboss%' ORDER BY nspname",
    )
  ).map((r) => r.nspname);

afterAll(async () => {
  const g = globalThis as unknown as { samverkaBoss?: ReturnType<typeof boss> };
  await (await g.samverkaBoss)?.stop({ graceful: false });
});

describe("the job queue's schema", () => {
  it("moves a pg-boss 10 schema aside, installs pg-boss 12's, and leaves that one alone", async () => {
    // What pg-boss 10.4 leaves, as far as the check reads it: a version table at 24, and its jobs.
    await sql(`CREATE SCHEMA ${QUEUE_SCHEMA};
      CREATE TABLE ${QUEUE_SCHEMA}.version (version int PRIMARY KEY, maintained_on timestamptz, cron_on timestamptz);
      INSERT INTO ${QUEUE_SCHEMA}.version (version) VALUES (24);
      CREATE TABLE ${QUEUE_SCHEMA}.job (id uuid PRIMARY KEY, name text);
      INSERT INTO ${QUEUE_SCHEMA}.job VALUES (gen_random_uuid(), 'mail.send');`);

    expect(await retireOldQueueSchema(process.env.DATABASE_URL!)).toBe(true);
    expect(await schemas()).toEqual([RETIRED_QUEUE_SCHEMA]);
    expect(await sql(`SELECT name FROM ${RETIRED_QUEUE_SCHEMA}.job`)).toEqual([
      { name: "mail.send" },
    ]);

    const queue = await boss();
    expect(await schemas()).toEqual([QUEUE_SCHEMA, RETIRED_QUEUE_SCHEMA]);
    const [{ version }] = await sql<{ version: number }>(
      `SELECT version FROM ${QUEUE_SCHEMA}.version`,
    );
    expect(version).toBeGreaterThanOrEqual(25);
    expect(await queue.send(QUEUES.mail, { id: "x" }, { singletonKey: "x" })).toEqual(
      expect.any(String),
    );

    // A start against pg-boss 12's own schema changes nothing.
    expect(await retireOldQueueSchema(process.env.DATABASE_URL!)).toBe(false);
    expect(await schemas()).toEqual([QUEUE_SCHEMA, RETIRED_QUEUE_SCHEMA]);
  });
});

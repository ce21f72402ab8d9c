// Shared by the test runners: one embedded PostgreSQL for the run, a migrated template database,
// and a fresh copy of it for each test file (CREATE DATABASE … TEMPLATE …).
import { randomBytes } from "node:crypto";
import pg from "pg";

export const TEMPLATE_DB = "samverka_template";

export async function createDatabaseFromTemplate(adminUrl: string, prefix = "t"): Promise<string> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString("hex")}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DB}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

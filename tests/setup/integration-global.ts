// Vitest global setup for integration tests. Under `npm test` the run's PostgreSQL and migrated
// template already exist (scripts/test.ts); run alone (`npx vitest --project integration`) it
// starts its own embedded server and template.
import path from "node:path";
import { startEmbeddedPostgres, ensureDatabase, dropDatabase } from "../../scripts/lib/postgres";
import { TEST_PG } from "../../scripts/lib/config";
import { prisma } from "../../scripts/lib/run";
import { TEMPLATE_DB } from "./test-database";

export default async function setup() {
  if (process.env.TEST_DATABASE_ADMIN_URL) return;
  const server = await startEmbeddedPostgres({
    dataDir: path.resolve(TEST_PG.dataDir + "-vitest"),
    port: TEST_PG.port + 1,
    fresh: true,
  });
  await dropDatabase(server.adminUrl, TEMPLATE_DB);
  await ensureDatabase(server.adminUrl, TEMPLATE_DB);
  await prisma(["migrate", "deploy"], server.urlFor(TEMPLATE_DB));
  process.env.TEST_DATABASE_ADMIN_URL = server.adminUrl;
  return async () => {
    await server.stop();
  };
}

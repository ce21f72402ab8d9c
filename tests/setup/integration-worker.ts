// Each integration test file gets its own database, copied from the migrated template.
import { afterAll } from "vitest";
import { createDatabaseFromTemplate } from "./test-database";

const adminUrl = process.env.TEST_DATABASE_ADMIN_URL;
if (!adminUrl) throw new Error("TEST_DATABASE_ADMIN_URL saknas: kör testerna med npm test.");
process.env.DATABASE_URL = await createDatabaseFromTemplate(adminUrl);
// Requests only enqueue background work; tests deliver mail themselves when they need to.
process.env.SAMVERKA_JOBS = "off";
// Two-factor secrets are sealed with a key derived from AUTH_SECRET.
process.env.AUTH_SECRET ??= "integration-tests-only-secret-a6f0c3";

afterAll(async () => {
  const g = globalThis as unknown as { samverkaDb?: { $disconnect(): Promise<void> } };
  await g.samverkaDb?.$disconnect();
});

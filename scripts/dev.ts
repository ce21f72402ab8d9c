// `npm run dev`: next dev on the embedded PostgreSQL (migrated and seeded like `npm start`).
import { APP_PG } from "./lib/config";
import { ensureDatabase, startEmbeddedPostgres } from "./lib/postgres";
import { prisma, run } from "./lib/run";

const pg = process.env.DATABASE_URL
  ? null
  : await startEmbeddedPostgres({ dataDir: APP_PG.dataDir, port: APP_PG.port });
if (pg) await ensureDatabase(pg.adminUrl, APP_PG.database);
const url = process.env.DATABASE_URL ?? pg!.urlFor(APP_PG.database);
await prisma(["generate"], url);
await prisma(["migrate", "deploy"], url);
if (pg) await run("tsx", ["prisma/seed.ts"], { DATABASE_URL: url });
try {
  await run("next", ["dev", "-p", process.env.PORT ?? "3000"], {
    DATABASE_URL: url,
    AUTH_SECRET: process.env.AUTH_SECRET ?? "development-only-secret",
  });
} finally {
  await pg?.stop();
}

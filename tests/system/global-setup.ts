// Once per run of the system suite: a fresh embedded PostgreSQL of its own (port 54359, or
// SAMVERKA_SYSTEM_PG_PORT), the migrations and the demo data. The server is stopped again; each spec file starts it itself,
// because the fault tests stop and start it.
import { randomBytes } from "node:crypto";
import { ensureDatabase, startEmbeddedPostgres } from "../../scripts/lib/postgres";
import { prisma, run } from "../../scripts/lib/run";
import { SYSTEM_DB, SYSTEM_PG, portInUse } from "./support";

export default async function globalSetup() {
  if (await portInUse(SYSTEM_PG.port))
    throw new Error(
      `Port ${SYSTEM_PG.port} används redan; systemtesternas PostgreSQL behöver den.`,
    );
  const server = await startEmbeddedPostgres({
    dataDir: SYSTEM_PG.dataDir,
    port: SYSTEM_PG.port,
    fresh: true,
  });
  try {
    await ensureDatabase(server.adminUrl, SYSTEM_DB);
    const databaseUrl = server.urlFor(SYSTEM_DB);
    await prisma(["migrate", "deploy"], databaseUrl);
    await run("tsx", ["prisma/seed.ts"], { DATABASE_URL: databaseUrl });
    process.env.SYSTEM_DATABASE_URL = databaseUrl;
    process.env.SYSTEM_AUTH_SECRET = randomBytes(32).toString("base64url");
  } finally {
    await server.stop();
  }
}

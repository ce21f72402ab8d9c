// `npm start`: one command from a fresh clone to a running Samverka on http://localhost:3000.
// Embedded PostgreSQL under .data/ (unless DATABASE_URL is set), migrations, demo data once,
// a production build (rebuilt only when the sources changed), then the production server
// (server.ts: Next.js behind the client-address and Origin handling of docs/decisions/008).
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { spawn } from "node:child_process";
import path from "node:path";
import { APP_PG } from "./lib/config";
import { ensureDatabase, startEmbeddedPostgres, type RunningPostgres } from "./lib/postgres";
import { prisma, run } from "./lib/run";
import { sourceFingerprint } from "./lib/fingerprint";
import { checkRuntime } from "./lib/runtime";

const log = (message: string) => console.log(`[samverka] ${message}`);

async function authSecret(): Promise<string> {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.resolve(".data", "auth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const secret = randomBytes(32).toString("base64url");
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

async function main() {
  checkRuntime("[samverka]");
  const port = process.env.PORT ?? "3000";
  let pg: RunningPostgres | null = null;
  let databaseUrl = process.env.DATABASE_URL;
  const embedded = !databaseUrl;
  if (embedded) {
    log(`startar inbyggd PostgreSQL (${APP_PG.dataDir}, port ${APP_PG.port})`);
    pg = await startEmbeddedPostgres({ dataDir: APP_PG.dataDir, port: APP_PG.port });
    await ensureDatabase(pg.adminUrl, APP_PG.database);
    databaseUrl = pg.urlFor(APP_PG.database);
  }
  const env = {
    DATABASE_URL: databaseUrl!,
    AUTH_SECRET: await authSecret(),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  };

  await prisma(["generate"], env.DATABASE_URL);
  await prisma(["migrate", "deploy"], env.DATABASE_URL);
  // Demo data only on the embedded database (or when asked); the seed itself skips if already loaded.
  if (embedded || process.env.SAMVERKA_SEED_DEMO === "1") await run("tsx", ["prisma/seed.ts"], env);

  const fingerprint = await sourceFingerprint();
  const stamp = path.resolve(".next", "samverka-build-fingerprint");
  const built = existsSync(stamp) && (await readFile(stamp, "utf8")) === fingerprint;
  if (built) log("bygget är aktuellt – hoppar över next build");
  else {
    log("bygger produktionsversionen (next build)");
    await run("next", ["build"], env);
    await writeFile(stamp, fingerprint);
  }

  log(`Samverka startar på http://localhost:${port}`);
  const server = spawn(path.resolve("node_modules/.bin/tsx"), ["server.ts"], {
    stdio: "inherit",
    // SAMVERKA_DEMO: the sign-in page shows how to reach the demo accounts (never with DATABASE_URL alone).
    env: {
      ...process.env,
      ...env,
      SAMVERKA_DEMO: embedded || process.env.SAMVERKA_SEED_DEMO === "1" ? "1" : "0",
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
      PORT: port,
    },
  });
  const stop = async (code: number) => {
    server.kill("SIGTERM");
    await pg?.stop().catch(() => {});
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  server.on("exit", (code) => void stop(code ?? 0));
}

main().catch((error) => {
  console.error(`[samverka] kunde inte starta: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});

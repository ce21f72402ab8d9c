// `npm run db:<command>`: migrate, seed, new-migration, check — against DATABASE_URL, or the
// embedded PostgreSQL under .data/ when it is not set.
import { mkdir, writeFile, readdir } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { APP_PG } from "./lib/config";
import { ensureDatabase, startEmbeddedPostgres } from "./lib/postgres";
import { prisma, run } from "./lib/run";

async function withDatabase(fn: (url: string) => Promise<void>) {
  if (process.env.DATABASE_URL) return fn(process.env.DATABASE_URL);
  const pg = await startEmbeddedPostgres({ dataDir: APP_PG.dataDir, port: APP_PG.port });
  try {
    await ensureDatabase(pg.adminUrl, APP_PG.database);
    await fn(pg.urlFor(APP_PG.database));
  } finally {
    await pg.stop();
  }
}

function migrationDiff(url: string, exitCode: boolean) {
  const args = [
    "migrate",
    "diff",
    "--from-migrations",
    "prisma/migrations",
    "--to-schema-datamodel",
    "prisma/schema.prisma",
    "--script",
  ];
  if (exitCode) args.push("--exit-code");
  return execFileSync(path.resolve("node_modules/.bin/prisma"), args, {
    env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
}

const commands: Record<string, (url: string) => Promise<void>> = {
  async migrate(url) {
    await prisma(["migrate", "deploy"], url);
  },
  async seed(url) {
    await prisma(["migrate", "deploy"], url);
    await run("tsx", ["prisma/seed.ts"], { DATABASE_URL: url });
  },
  async "new-migration"(url) {
    const name = process.argv[3];
    if (!name || !/^[a-z0-9_]+$/.test(name))
      throw new Error("Ange ett namn: npm run db:new-migration -- lagg_till_x");
    const sql = migrationDiff(url, false);
    if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim()))
      return console.log("Schemat och migreringarna stämmer redan överens.");
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "migration.sql"), sql);
    console.log(`Skrev ${dir}/migration.sql`);
  },
  async check(url) {
    try {
      migrationDiff(url, true);
      console.log(
        `Migreringarna (${(await readdir("prisma/migrations")).length - 1}) stämmer med schemat.`,
      );
    } catch {
      throw new Error(
        "Migreringarna stämmer inte med prisma/schema.prisma: kör npm run db:new-migration -- <namn>.",
      );
    }
  },
};

// The generator needs no database, but Prisma 6.19 silently generates nothing when the
// datasource's env("DATABASE_URL") is unset, so give it a placeholder.
if (process.argv[2] === "generate") {
  await prisma(
    ["generate"],
    process.env.DATABASE_URL ?? "postgresql://placeholder@localhost/placeholder",
  );
  process.exit(0);
}

const command = commands[process.argv[2] ?? ""];
if (!command) {
  console.error(`Okänt kommando. Välj ett av: ${Object.keys(commands).join(", ")}`);
  process.exit(2);
}
await withDatabase(command);

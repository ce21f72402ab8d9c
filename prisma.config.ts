// Prisma CLI configuration (generate, migrate deploy/diff/status). Only the CLI reads this file;
// the app builds its own client in lib/server/db.ts. See docs/decisions/001-data-layer.md for why
// Prisma 6.19 with the WebAssembly schema engine over @prisma/adapter-pg, and for each workaround.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { defineConfig } from "prisma/config";

// Workaround 4: the wasm schema engine leaves long timers that keep the CLI alive for up to a
// minute after it has finished. Timers of a few seconds or more must not hold the process open.
const originalSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = ((
  handler: (...args: unknown[]) => void,
  delay?: number,
  ...args: unknown[]
) => {
  const timer = originalSetTimeout(handler, delay, ...args);
  if ((delay ?? 0) >= 2000) timer.unref?.();
  return timer;
}) as typeof setTimeout;

// Workaround 1: adapter-pg 6.19 cannot map the catalog types `name` (19) and `"char"` (18), nor
// their arrays, which the schema engine reads while introspecting (prisma/prisma#27403).
const TEXT = 25;
const TEXT_ARRAY = 1009;
const CATALOG_TYPES: Record<number, number> = {
  18: TEXT,
  19: TEXT,
  1002: TEXT_ARRAY,
  1003: TEXT_ARRAY,
};

function catalogAsText(result: pg.QueryResult | undefined) {
  for (const [i, field] of (result?.fields ?? []).entries()) {
    const mapped = CATALOG_TYPES[field.dataTypeID];
    if (!mapped) continue;
    field.dataTypeID = mapped;
    if (mapped !== TEXT_ARRAY) continue;
    for (const row of result!.rows as Record<string | number, unknown>[]) {
      const key = Array.isArray(row) ? i : field.name;
      const value = row[key];
      if (typeof value === "string")
        row[key] = value
          .replace(/^\{|\}$/g, "")
          .split(",")
          .filter(Boolean);
    }
  }
  return result;
}

// pg.Pool#query calls client.query with a callback; the adapter's transactions use promises.
class CatalogAsTextClient extends pg.Client {
  // @ts-expect-error -- pg's many overloads; both forms are forwarded as given.
  override query(...args: unknown[]) {
    const last = args.length - 1;
    if (typeof args[last] === "function") {
      const callback = args[last] as (error: unknown, result?: pg.QueryResult) => void;
      args[last] = (error: unknown, result?: pg.QueryResult) =>
        callback(error, catalogAsText(result));
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    // @ts-expect-error -- forwarded as given
    const promise = super.query(...args) as Promise<pg.QueryResult> | undefined;
    return promise?.then ? promise.then(catalogAsText) : promise;
  }
}

// Workaround 2: a connection string would override the shadow database's name, so the "shadow"
// would silently be the main database. Pass the parts separately.
function connectionParts(url: string) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)),
    Client: CatalogAsTextClient as unknown as typeof pg.Client,
    // Idle pooled connections (10 s by default) would also hold the CLI open.
    allowExitOnIdle: true,
  };
}

class MigrationPg extends PrismaPg {
  constructor(private readonly parts: ReturnType<typeof connectionParts>) {
    super(parts);
  }

  override async connect() {
    const adapter = await super.connect();
    // adapter-pg splits scripts on ";", which breaks function bodies in migrations: send whole.
    adapter.executeScript = async (script: string) => {
      const driver = adapter.underlyingDriver();
      try {
        await driver.query(script);
      } catch (error) {
        (adapter as unknown as { onError(e: unknown): never }).onError(error);
      }
    };
    return adapter;
  }

  // Workaround 3: drop the shadow database only after its pool is closed.
  override async connectToShadowDb() {
    const main = await this.connect();
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await main.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = await new MigrationPg({ ...this.parts, database }).connect();
    const closeShadow = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await closeShadow();
      await main.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
      await main.dispose();
    };
    return shadow;
  }
}

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  experimental: { adapter: true },
  engine: "js",
  adapter() {
    const url = process.env.DATABASE_URL;
    if (!url)
      return Promise.reject(
        new Error(
          "DATABASE_URL is not set (the scripts in scripts/ set it for the embedded PostgreSQL).",
        ),
      );
    return Promise.resolve(new MigrationPg(connectionParts(url)));
  },
});

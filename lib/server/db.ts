import "server-only";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { logger } from "./logger";

// One pool of connections and one client per process (and per hot reload in development), created
// on first use so that `next build` and module imports never need a database. Prisma and the rate
// limiter (lib/server/rate-limit.ts) share the pool.
const globalForDb = globalThis as unknown as { samverkaDb?: PrismaClient; samverkaPool?: pg.Pool };

/** The process's pool of PostgreSQL connections. */
export function pgPool(): pg.Pool {
  if (globalForDb.samverkaPool) return globalForDb.samverkaPool;
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL är inte satt.");
  globalForDb.samverkaPool = new pg.Pool({
    connectionString,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    connectionTimeoutMillis: 10_000,
  });
  // An idle connection that breaks (the database restarted) is dropped by the pool; the next query
  // opens a new one or fails with its own error. Without a listener the process would end.
  globalForDb.samverkaPool.on("error", (error) =>
    logger.warn({ event: "db.idle_connection_lost", err: error }, "idle database connection lost"),
  );
  return globalForDb.samverkaPool;
}

function client(): PrismaClient {
  if (globalForDb.samverkaDb) return globalForDb.samverkaDb;
  globalForDb.samverkaDb = new PrismaClient({
    adapter: new PrismaPg(pgPool(), { disposeExternalPool: true }),
    // At a peak (a round's last hour) more transactions start than the pool has connections: they
    // wait their turn for up to 10 s instead of failing after Prisma's default 2 s (P2028).
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });
  return globalForDb.samverkaDb;
}

export const db = new Proxy({} as PrismaClient, {
  get(_, property) {
    const target = client();
    const value: unknown = Reflect.get(target, property, target);
    return typeof value === "function"
      ? (value as (...args: unknown[]) => unknown).bind(target)
      : value;
  },
});

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

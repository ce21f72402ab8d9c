import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// One client per process (and per hot reload in development), created on first use so that
// `next build` and module imports never need a database.
const globalForDb = globalThis as unknown as { samverkaDb?: PrismaClient };

function client(): PrismaClient {
  if (globalForDb.samverkaDb) return globalForDb.samverkaDb;
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL är inte satt.");
  globalForDb.samverkaDb = new PrismaClient({
    adapter: new PrismaPg({
      connectionString,
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      connectionTimeoutMillis: 5_000,
    }),
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

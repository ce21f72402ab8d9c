import "server-only";
import { headers } from "next/headers";
import { db } from "./db";
import { DomainError } from "./errors";

/** Too many requests: answered 429, in Swedish. */
class TooManyRequests extends DomainError {
  constructor(message = "För många försök. Vänta en stund och försök igen.") {
    super(message);
  }
}

/**
 * Counts a hit for `key` in the current fixed window, in PostgreSQL, so that the limit holds across
 * every app instance. Returns whether the hit is within `limit`.
 */
export async function hit(
  key: string,
  limit: number,
  windowSeconds: number,
  now = Date.now(),
): Promise<boolean> {
  const windowStart = new Date(Math.floor(now / (windowSeconds * 1000)) * windowSeconds * 1000);
  const [row] = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimit"."count" + 1
    RETURNING "count"`;
  return row.count <= limit;
}

export async function enforce(key: string, limit: number, windowSeconds: number) {
  if (!(await hit(key, limit, windowSeconds))) throw new TooManyRequests();
}

/**
 * The caller's address for abuse limits. X-Forwarded-For is a list that each proxy appends to, and
 * its left end is whatever the client sent, so the address is read from the right: the entry added
 * by the outermost of SAMVERKA_TRUSTED_PROXIES proxies of our own (default 1: one load balancer;
 * `next start` alone also fills the header with the peer's address when the client sent none).
 */
export async function clientAddress(
  source?: Headers | Record<string, string | string[] | undefined>,
): Promise<string> {
  const h = source ?? (await headers());
  const get = (name: string) =>
    (h instanceof Headers ? h.get(name) : ([] as string[]).concat(h[name] ?? []).join(",")) ||
    undefined;
  const trusted = Math.max(1, Number(process.env.SAMVERKA_TRUSTED_PROXIES ?? 1) || 1);
  const chain = (get("x-forwarded-for") ?? "")
    .split(",")
    .map((a) => a.trim())
    .filter(Boolean);
  return chain[Math.max(chain.length - trusted, 0)] ?? get("x-real-ip")?.trim() ?? "local";
}

/** Old windows are of no use: cleared by the scheduled maintenance. */
export const pruneRateLimits = () =>
  db.rateLimit.deleteMany({ where: { windowStart: { lt: new Date(Date.now() - 86_400_000) } } });

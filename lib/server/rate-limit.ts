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
 * The caller's address for abuse limits. server.ts resolves it for every request — the connection's
 * own address, or from X-Forwarded-For only when the connection comes from one of
 * SAMVERKA_TRUSTED_PROXIES (lib/domain/client-address.ts) — and hands it on as the only entry of
 * X-Forwarded-For. Should several entries arrive anyway (the app started without server.ts), the
 * rightmost, nearest hop is used, never the left end a client writes.
 */
export async function clientAddress(
  source?: Headers | Record<string, string | string[] | undefined>,
): Promise<string> {
  const h = source ?? (await headers());
  const value =
    h instanceof Headers
      ? h.get("x-forwarded-for")
      : ([] as string[]).concat(h["x-forwarded-for"] ?? []).join(",");
  const chain = (value ?? "")
    .split(",")
    .map((a) => a.trim())
    .filter(Boolean);
  return chain.at(-1) ?? "local";
}

/** Old windows are of no use: cleared by the scheduled maintenance. */
export const pruneRateLimits = () =>
  db.rateLimit.deleteMany({ where: { windowStart: { lt: new Date(Date.now() - 86_400_000) } } });

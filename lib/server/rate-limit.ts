import "server-only";
import { createHash } from "node:crypto";
import { headers } from "next/headers";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { db, pgPool } from "./db";
import { DomainError } from "./errors";

/** Too many requests: answered 429, in Swedish. */
class TooManyRequests extends DomainError {
  constructor(message = "För många försök. Vänta en stund och försök igen.") {
    super(message);
  }
}

// Every abuse limit is a rate-limiter-flexible limiter on one table in PostgreSQL (RateLimit, made
// by a migration), so that a limit holds across every app instance. A limiter counts points per
// key (`prefix:who`) in a window that starts at the key's first point and lasts `duration` seconds;
// past `points` in the window the caller is refused until it ends (docs/security-throttling.md).
// Sign-in throttling uses the same store (lib/server/sign-in-throttle.ts).

/** The per-address and per-person limits: points per window of `duration` seconds. */
const LIMITS = {
  /** The public validation API, per address. */
  validate: { points: 300, duration: 60 },
  /** Creating an account, per address. */
  register: { points: 10, duration: 3600 },
  /** Answering a partner's letter of intent by its link, per address. */
  letter: { points: 30, duration: 600 },
  /** Registration mails to an address that already has an account, per account. */
  "register-mail": { points: 3, duration: 3600 },
  /** "Skicka länken igen": new confirmation links, per person. */
  "verify-resend": { points: 3, duration: 3600 },
  /** Confirming an address with a password through one link, per link. */
  "verify-confirm": { points: 10, duration: 3600 },
  /** Looking up an organisation to join by its number, per person. */
  "org-lookup": { points: 20, duration: 3600 },
} as const;

type Limit = keyof typeof LIMITS;

const limiters = new Map<string, RateLimiterPostgres>();

/**
 * The limiter whose keys start with `keyPrefix`, made on first use (a build needs no database).
 * Expired rows are cleared by the daily job (pruneRateLimits), not by a timer in each limiter.
 */
export function postgresLimiter(keyPrefix: string, points: number, duration: number) {
  let limiter = limiters.get(keyPrefix);
  if (!limiter) {
    limiter = new RateLimiterPostgres({
      storeClient: pgPool(),
      storeType: "pool",
      tableName: "RateLimit",
      tableCreated: true,
      clearExpiredByTimeout: false,
      keyPrefix,
      points,
      duration,
    });
    limiters.set(keyPrefix, limiter);
  }
  return limiter;
}

/** A key fit for the table (at most 255 characters): a long one, e.g. a forged address, by its SHA-256. */
export const storeKey = (who: string) =>
  who.length <= 100 ? who : `sha256-${createHash("sha256").update(who).digest("hex")}`;

export type Verdict = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Takes one point from `key`: within the limit, or refused with the whole seconds until the window
 * ends. A failing database is thrown, not mistaken for a refusal.
 */
export async function take(
  limiter: RateLimiterPostgres,
  key: string,
  options?: { customDuration?: number },
): Promise<Verdict> {
  try {
    await limiter.consume(storeKey(key), 1, options);
    return { ok: true };
  } catch (refusal) {
    if (!(refusal instanceof RateLimiterRes)) throw refusal;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) };
  }
}

/** Counts one hit of `who` (an address or a person's id) against `limit`. */
export async function hit(limit: Limit, who: string): Promise<Verdict> {
  const { points, duration } = LIMITS[limit];
  return take(postgresLimiter(limit, points, duration), who);
}

/** As hit, but refuses with "too many requests" (a 429 in Swedish) past the limit. */
export async function enforce(limit: Limit, who: string) {
  if (!(await hit(limit, who)).ok) throw new TooManyRequests();
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

/** Windows that have ended are of no use: cleared by the scheduled maintenance. */
export const pruneRateLimits = () =>
  db.rateLimit.deleteMany({ where: { expire: { lt: BigInt(Date.now()) } } });

import "server-only";
import { createHash } from "node:crypto";
import { signInDelaySeconds } from "@/lib/domain/sign-in-throttle";
import { postgresLimiter, storeKey, take } from "./rate-limit";

// Sign-in throttling (docs/security-throttling.md). No account is ever locked: after a few failed
// sign-ins in a row, each further attempt on that account waits a growing delay (1 s, 2 s, 4 s …
// at most 15 minutes, lib/domain/sign-in-throttle.ts), and a right password after the wait signs
// in and forgets the failures. Accounts are keyed by the SHA-256 of the normalised e-mail address,
// whether an account has it or not, so an unknown address is answered exactly like a known one.
// Per address, failures across all accounts are limited too, to slow password spraying. All counts
// live in PostgreSQL (table RateLimit), so they hold across app instances.

/** Failed sign-ins per client address per hour, across accounts. */
const FAILURES_PER_ADDRESS = Number(process.env.SAMVERKA_SIGNIN_FAILURES_PER_ADDRESS ?? 100);
/** Failures in a row are forgotten a day after the first of them. */
const FAILURE_MEMORY_SECONDS = 86_400;
/** The longest an attempt holds its account's turn (a finished attempt hands it on at once). */
const TURN_SECONDS = 10;

const byAddress = () => postgresLimiter("signin-address", FAILURES_PER_ADDRESS, 3600);
// Only counted (penalty never refuses): the count sets the delay.
const failures = () =>
  postgresLimiter("signin-failures", Number.MAX_SAFE_INTEGER, FAILURE_MEMORY_SECONDS);
// One point: one attempt at a time per account, and none before the delay has passed.
const turns = () => postgresLimiter("signin-turn", 1, TURN_SECONDS);

/** An attempt on an account that may check its password now. */
export type SignInTurn = { account: string; address: string };

export type SignInStart =
  { ok: true; turn: SignInTurn } | { ok: false; by: "address" | "account"; waitSeconds: number };

/**
 * Before any password is checked: the address must be within its failures and the account's
 * delay over. Takes the account's turn, so two attempts on one account never run at once on any
 * instance; the turn ends with signInFailed, signInPaused or signInSucceeded.
 */
export async function startSignIn(email: string, address: string): Promise<SignInStart> {
  const account = createHash("sha256").update(email).digest("hex");
  const from = storeKey(address);
  const fromAddress = await take(byAddress(), from);
  if (!fromAddress.ok)
    return { ok: false, by: "address", waitSeconds: fromAddress.retryAfterSeconds };
  const turn = await take(turns(), account);
  if (!turn.ok) {
    // Refused before any password was checked: not a failure of this address.
    await byAddress().reward(from, 1);
    return { ok: false, by: "account", waitSeconds: turn.retryAfterSeconds };
  }
  return { ok: true, turn: { account, address: from } };
}

/**
 * A wrong password or code (or an unknown address): counted against the account and the address.
 * From the fifth failure in a row the account's next turn waits; returns the failures and the wait.
 */
export async function signInFailed({ account }: SignInTurn) {
  const { consumedPoints } = await failures().penalty(account, 1);
  const waitSeconds = signInDelaySeconds(consumedPoints);
  if (waitSeconds > 0) await turns().block(account, waitSeconds);
  else await turns().delete(account);
  return { failures: consumedPoints, waitSeconds };
}

/**
 * The right password, the second factor still to come: the turn ends without a wait, and the
 * failures stay, so guessing codes is throttled like guessing passwords.
 */
export async function signInPaused({ account, address }: SignInTurn) {
  await Promise.all([turns().delete(account), byAddress().reward(address, 1)]);
}

/** Signed in: the account's failures are forgotten, and the attempt is no failure of the address. */
export async function signInSucceeded({ account, address }: SignInTurn) {
  await Promise.all([
    failures().delete(account),
    turns().delete(account),
    byAddress().reward(address, 1),
  ]);
}

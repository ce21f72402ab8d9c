// Sign-in throttling (docs/security-throttling.md): no account is ever locked, but after a few
// failed sign-ins in a row each further attempt waits longer than the one before. The owner, who
// knows the password, is held up for at most the current delay; a guesser gets a few dozen tries
// a day instead of thousands.

/** Failed sign-ins in a row that cost nothing: a person mistyping or trying an older password. */
export const FREE_SIGN_IN_FAILURES = 5;

/** The longest wait between two attempts on one account. */
export const MAX_SIGN_IN_DELAY_SECONDS = 15 * 60;

/**
 * Seconds to wait before the next attempt after `failures` failed sign-ins in a row: none for the
 * first FREE_SIGN_IN_FAILURES − 1, then 1, 2, 4, 8 … doubling, capped at MAX_SIGN_IN_DELAY_SECONDS.
 */
export function signInDelaySeconds(failures: number): number {
  if (!Number.isFinite(failures) || failures < FREE_SIGN_IN_FAILURES) return 0;
  const doublings = Math.min(Math.floor(failures) - FREE_SIGN_IN_FAILURES, 30);
  return Math.min(2 ** doublings, MAX_SIGN_IN_DELAY_SECONDS);
}

/** How a wait is said: whole seconds below two minutes, otherwise whole minutes (both rounded up). */
export function waitInWords(seconds: number): { unit: "seconds" | "minutes"; count: number } {
  const whole = Math.max(1, Math.ceil(seconds));
  return whole < 120
    ? { unit: "seconds", count: whole }
    : { unit: "minutes", count: Math.ceil(whole / 60) };
}

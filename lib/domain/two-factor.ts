// Staff two-factor sign-in: who must use it and what a code looks like. Pure: no I/O.
import { STAFF_ROLES, hasAnyRole, type Role } from "./roles";

/** Reviewers, deciders and administrators sign in with a second factor; applicants may not need one. */
export const requiresTwoFactor = (roles: readonly Role[]) => hasAnyRole(roles, STAFF_ROLES);

/** The roles a session may use before its second factor is proven: none of the staff roles. */
export const rolesBeforeSecondFactor = (roles: readonly Role[]): Role[] =>
  roles.filter((role) => !STAFF_ROLES.includes(role));

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
export const RECOVERY_CODE_COUNT = 10;
/** Crockford-like alphabet without 0/O, 1/I/L: easy to read from paper. */
export const RECOVERY_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const RECOVERY_LENGTH = 10;

export type SecondFactor =
  { kind: "totp"; code: string } | { kind: "recovery"; code: string } | { kind: "invalid" };

/** Reads what a person typed: six digits (spaces allowed) are an authenticator code; ten letters/digits (a dash allowed) a recovery code. */
export function parseSecondFactor(input: string): SecondFactor {
  const compact = input.replace(/[\s-]/g, "").toUpperCase();
  if (new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(compact)) return { kind: "totp", code: compact };
  if (
    compact.length === RECOVERY_LENGTH &&
    [...compact].every((c) => RECOVERY_ALPHABET.includes(c))
  )
    return { kind: "recovery", code: compact };
  return { kind: "invalid" };
}

/** A recovery code as shown to people: ABCDE-FGHJK. */
export const formatRecoveryCode = (code: string) => `${code.slice(0, 5)}-${code.slice(5)}`;

/** Turns random bytes into a recovery code (rejection sampling keeps every character equally likely). */
export function recoveryCodeFrom(randomBytes: Uint8Array): string | null {
  const limit = 256 - (256 % RECOVERY_ALPHABET.length);
  let code = "";
  for (const byte of randomBytes) {
    if (byte >= limit) continue;
    code += RECOVERY_ALPHABET[byte % RECOVERY_ALPHABET.length];
    if (code.length === RECOVERY_LENGTH) return code;
  }
  return null;
}

// Swedish organisation numbers and payout accounts. Pure.
// Accepted: NNNNNN-NNNN, ten digits, or with the century-like prefix 16 (16NNNNNNNNNN, 16NNNNNN-NNNN).
// Stored as NNNNNN-NNNN. The last digit is a Luhn (mod 10) check digit and the third digit is ≥ 2
// (which is what tells an organisation number from a personal identity number).

/** Luhn check over a string of digits whose last digit is the check digit. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The digit that makes `body` + digit pass the Luhn check. */
export function luhnCheckDigit(body: string): number {
  for (let d = 0; d <= 9; d++) if (luhnValid(`${body}${d}`)) return d;
  throw new Error("unreachable");
}

export type OrgNumberResult = { ok: true; value: string } | { ok: false; reason: "FORMAT" | "THIRD_DIGIT" | "CHECK_DIGIT" };

export function parseOrgNumber(input: string): OrgNumberResult {
  const trimmed = input.trim();
  const match = /^(?:16)?(\d{6})-?(\d{4})$/.exec(trimmed);
  if (!match) return { ok: false, reason: "FORMAT" };
  const digits = match[1] + match[2];
  if (Number(digits[2]) < 2) return { ok: false, reason: "THIRD_DIGIT" };
  if (!luhnValid(digits)) return { ok: false, reason: "CHECK_DIGIT" };
  return { ok: true, value: `${match[1]}-${match[2]}` };
}

export const isValidOrgNumber = (input: string) => parseOrgNumber(input).ok;

/** NNNNNN-NNNN, or the input unchanged when it is not a valid organisation number. */
export function normaliseOrgNumber(input: string): string {
  const result = parseOrgNumber(input);
  return result.ok ? result.value : input;
}

export type PayoutAccountType = "BANKGIRO" | "PLUSGIRO";
export type PayoutResult = { ok: true; value: string } | { ok: false; reason: "FORMAT" | "CHECK_DIGIT" };

/**
 * Bankgiro: 7–8 digits written NNN-NNNN or NNNN-NNNN. Plusgiro: 2–8 digits written with a dash
 * before the check digit (e.g. 4774-6). Both end in a Luhn check digit over all digits.
 */
export function parsePayoutAccount(type: PayoutAccountType, input: string): PayoutResult {
  const digits = input.replace(/[\s-]/g, "");
  if (!/^\d+$/.test(digits)) return { ok: false, reason: "FORMAT" };
  if (type === "BANKGIRO" && (digits.length < 7 || digits.length > 8)) return { ok: false, reason: "FORMAT" };
  if (type === "PLUSGIRO" && (digits.length < 2 || digits.length > 8)) return { ok: false, reason: "FORMAT" };
  if (!luhnValid(digits)) return { ok: false, reason: "CHECK_DIGIT" };
  const value = type === "BANKGIRO" ? `${digits.slice(0, -4)}-${digits.slice(-4)}` : `${digits.slice(0, -1)}-${digits.slice(-1)}`;
  return { ok: true, value };
}

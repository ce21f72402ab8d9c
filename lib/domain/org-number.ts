// Swedish organisation numbers and payout accounts (bankgiro, plusgiro). Pure.
// Organisation numbers are accepted as NNNNNN-NNNN, ten digits, or with the prefix 16
// (16NNNNNNNNNN, 16NNNNNN-NNNN, the twelve-digit form used by the Tax Agency), and stored as
// NNNNNN-NNNN. The last digit is a Luhn (mod 10) check digit; the third digit is 2 or more, which
// is what tells an organisation number from a personal identity number (month 01–12).

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
  throw new Error(`Not a string of digits: ${body}`);
}

export type OrgNumberProblem = "FORMAT" | "THIRD_DIGIT" | "CHECK_DIGIT";
export type OrgNumberResult = { ok: true; value: string } | { ok: false; reason: OrgNumberProblem };

export function parseOrgNumber(input: string): OrgNumberResult {
  const match = /^(?:16)?(\d{6})-?(\d{4})$/.exec(input.trim());
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
export type PayoutResult =
  { ok: true; value: string } | { ok: false; reason: "FORMAT" | "CHECK_DIGIT" };

// Digits only, or written the usual way: bankgiro NNN-NNNN / NNNN-NNNN, plusgiro with a dash
// before the check digit (4774-6, 1234567-8). A space where the dash goes is forgiven.
const PAYOUT_FORMAT: Record<PayoutAccountType, RegExp> = {
  BANKGIRO: /^(\d{3,4})[- ]?(\d{4})$/,
  PLUSGIRO: /^(\d{1,7})[- ]?(\d)$/,
};

/** Both kinds end in a Luhn check digit over all their digits. Answers the account as usually written. */
export function parsePayoutAccount(type: PayoutAccountType, input: string): PayoutResult {
  const match = PAYOUT_FORMAT[type].exec(input.trim());
  if (!match) return { ok: false, reason: "FORMAT" };
  if (!luhnValid(match[1] + match[2])) return { ok: false, reason: "CHECK_DIGIT" };
  return { ok: true, value: `${match[1]}-${match[2]}` };
}

// People are identified by name and e-mail, never by personal identity number (docs/domain.md §5,
// personal data). Checks for the fields where people write about people. Pure.

// Six or eight digits of a birth date (day 61–91 for a coordination number), an optional
// separator, four digits: 850709-1234, 19850709 1234, 8507091234.
const IDENTITY_NUMBER = /(?<!\d)(?:\d{2})?(\d{2})(\d{2})(\d{2})[-+\s]?\d{4}(?!\d)/g;

/** Whether a text holds something that looks like a Swedish personal identity number. */
export function looksLikePersonalIdentityNumber(text: string): boolean {
  for (const [, , month, day] of text.matchAll(IDENTITY_NUMBER)) {
    const m = Number(month);
    const d = Number(day);
    if (m >= 1 && m <= 12 && ((d >= 1 && d <= 31) || (d >= 61 && d <= 91))) return true;
  }
  return false;
}

/**
 * A telephone number as people write it: starts with 0 (an area code, perhaps in brackets) or + (a country code),
 * then digits with spaces, hyphens or brackets; 8 to 15 digits in all.
 */
export function isPhoneNumber(text: string): boolean {
  const value = text.trim();
  if (!/^(\+|\(?0)[\d\s\-()]+$/.test(value)) return false;
  const digits = value.replace(/\D/g, "").length;
  return digits >= 8 && digits <= 15;
}

// An e-mail address anywhere in a text: something@domain.tld.
const EMAIL_IN_TEXT = /[^\s@<>()[\]{}"',;:]+@[^\s@<>()[\]{}"',;:]+\.[a-z]{2,}/i;

/** Whether a text holds something that looks like an e-mail address. */
export function containsEmailAddress(text: string): boolean {
  return EMAIL_IN_TEXT.test(text);
}

// A run that starts like a telephone number (+ and a country code, or 0 and an area code, perhaps
// in brackets) and goes on with digits, spaces, hyphens, slashes or brackets.
const PHONE_IN_TEXT = /(?<![\p{L}\p{N}])(?:\+\d|\(?0\d)[\d\s\-/()]*\d/gu;

/**
 * Whether a text holds something that looks like a telephone number: a run starting with + or 0
 * of 8 to 15 digits (08-123 456 78, 070-123 45 67, +46 70 123 45 67). Amounts and years do not
 * start with 0, and counts are shorter.
 */
export function containsPhoneNumber(text: string): boolean {
  for (const [run] of text.matchAll(PHONE_IN_TEXT)) {
    const digits = run.replace(/\D/g, "").length;
    if (digits >= 8 && digits <= 15) return true;
  }
  return false;
}

export type PersonalDataKind = "email" | "phone" | "identityNumber";

/**
 * What personal data a text meant for the public holds, the first found: an e-mail address, a
 * personal identity number or a telephone number (in that order: a personal identity number
 * written without separator could also pass for a number run).
 */
export function personalDataIn(text: string): PersonalDataKind | null {
  if (containsEmailAddress(text)) return "email";
  if (looksLikePersonalIdentityNumber(text)) return "identityNumber";
  if (containsPhoneNumber(text)) return "phone";
  return null;
}

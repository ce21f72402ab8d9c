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

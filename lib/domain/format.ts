// Amounts in whole kronor ("1 200 000 kr") and dates as "1 januari 2027". Pure.
export type UiLocale = "sv" | "en";

export function formatSek(amount: number | bigint, locale: UiLocale = "sv"): string {
  const n = new Intl.NumberFormat(locale === "sv" ? "sv-SE" : "en-GB", { maximumFractionDigits: 0 }).format(amount);
  return locale === "sv" ? `${n} kr` : `SEK ${n}`;
}

/** An ISO date (YYYY-MM-DD) or a Date, shown as a long date in Swedish time. */
export function formatDate(value: string | Date, locale: UiLocale = "sv"): string {
  const date = typeof value === "string" ? new Date(`${value}T12:00:00Z`) : value;
  return new Intl.DateTimeFormat(locale === "sv" ? "sv-SE" : "en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Stockholm" }).format(date);
}

export function formatDateTime(value: Date, locale: UiLocale = "sv"): string {
  return new Intl.DateTimeFormat(locale === "sv" ? "sv-SE" : "en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Stockholm" }).format(value);
}

/** A Date from a @db.Date column as ISO YYYY-MM-DD. */
export const isoDate = (value: Date) => value.toISOString().slice(0, 10);

// Amounts in whole kronor ("1 200 000 kr") and dates as "1 januari 2027". Pure.
// Intl formatters are costly to create, so each is made once per locale and reused.
export type UiLocale = "sv" | "en";

const tag = (locale: UiLocale) => (locale === "sv" ? "sv-SE" : "en-GB");
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function formatter<T extends Intl.NumberFormat | Intl.DateTimeFormat>(
  key: string,
  make: () => T,
): T {
  let f = cache.get(key) as T | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
}

export function formatSek(amount: number | bigint, locale: UiLocale = "sv"): string {
  const n = formatter(
    `sek-${locale}`,
    () => new Intl.NumberFormat(tag(locale), { maximumFractionDigits: 0 }),
  ).format(amount);
  return locale === "sv" ? `${n} kr` : `SEK ${n}`;
}

/** A whole number with the language's grouping: "10 000" in Swedish (a no-break space), "10,000" in English. */
export function formatNumber(value: number, locale: UiLocale = "sv"): string {
  return formatter(
    `number-${locale}`,
    () => new Intl.NumberFormat(tag(locale), { maximumFractionDigits: 0 }),
  ).format(value);
}

/** A number with up to `digits` decimals and the language's decimal sign: "3,3" in Swedish. */
export function formatDecimal(value: number, locale: UiLocale = "sv", digits = 1): string {
  return formatter(
    `decimal-${locale}-${digits}`,
    () => new Intl.NumberFormat(tag(locale), { maximumFractionDigits: digits }),
  ).format(value);
}

/** A share (0.093) as a percentage with one decimal: "9,3 %" in Swedish, "9.3%" in English. */
export function formatPercent(share: number, locale: UiLocale = "sv"): string {
  return formatter(
    `percent-${locale}`,
    () => new Intl.NumberFormat(tag(locale), { style: "percent", maximumFractionDigits: 1 }),
  ).format(share);
}

/** An amount in kronor for a chart axis: "950 kr", "250 tkr", "12,5 mnkr" ("SEK 12.5m" in English). */
export function formatSekShort(amount: number, locale: UiLocale = "sv"): string {
  const abs = Math.abs(amount);
  const [value, sv, en] =
    abs >= 1_000_000
      ? [amount / 1_000_000, "mnkr", "m"]
      : abs >= 1_000
        ? [amount / 1_000, "tkr", "k"]
        : [amount, "kr", ""];
  const n = formatDecimal(value, locale, 1);
  return locale === "sv" ? `${n} ${sv}` : `SEK ${n}${en}`;
}

/**
 * A whole number as typed in a field (kronor, a count), spaces allowed: `empty` when nothing is
 * typed, NaN when what is typed is not a number (so that its check can say so). Decimals and a
 * minus sign are read, for the check to refuse with the right message.
 */
export function parseWholeNumber<E>(text: string, empty: E): number | E {
  const digits = text.replace(/[\s\u00a0\u202f]/g, "");
  if (digits === "") return empty;
  return /^-?\d+(\.\d+)?$/.test(digits) ? Number(digits) : Number.NaN;
}

/** A number as the text of its field: 0 stays "0"; nothing (null) and NaN are an empty field. */
export const showWholeNumber = (value: number | null | undefined): string =>
  value === null || value === undefined || Number.isNaN(value) ? "" : String(value);

/** An ISO date (YYYY-MM-DD) or a Date, shown as a long date in Swedish time. */
export function formatDate(value: string | Date, locale: UiLocale = "sv"): string {
  const date = typeof value === "string" ? new Date(`${value}T12:00:00Z`) : value;
  return formatter(
    `date-${locale}`,
    () =>
      new Intl.DateTimeFormat(tag(locale), {
        day: "numeric",
        month: "long",
        year: "numeric",
        timeZone: "Europe/Stockholm",
      }),
  ).format(date);
}

export function formatDateTime(value: Date, locale: UiLocale = "sv"): string {
  return formatter(
    `datetime-${locale}`,
    () =>
      new Intl.DateTimeFormat(tag(locale), {
        dateStyle: "long",
        timeStyle: "short",
        timeZone: "Europe/Stockholm",
      }),
  ).format(value);
}

/** A Date from a @db.Date column as ISO YYYY-MM-DD. */
export const isoDate = (value: Date) => value.toISOString().slice(0, 10);

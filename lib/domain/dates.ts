// ISO calendar dates (YYYY-MM-DD) and the few conversions to and from Europe/Stockholm wall-clock
// time the product needs, on the Temporal polyfill (docs/decisions/006-dates-and-time-zones.md).
// Pure. Months are calendar months: 2027-01-01 + 12 months = 2028-01-01; a day past the end of
// the target month is clamped (2027-01-31 + 1 month = 2027-02-28).
import { Temporal } from "temporal-polyfill";

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const STOCKHOLM = "Europe/Stockholm";

/** An ISO date as a calendar date; throws on anything else (2027-02-30 included). */
const calendarDay = (iso: string) => {
  if (!ISO.test(iso)) throw new RangeError(`Not an ISO date: ${iso}`);
  return Temporal.PlainDate.from(iso, { overflow: "reject" });
};

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string") return false;
  try {
    calendarDay(value);
    return true;
  } catch {
    return false;
  }
}

/** Days in a month, the month counted 1–12. */
export function daysInMonth(year: number, month: number): number {
  return Temporal.PlainYearMonth.from({ year, month }).daysInMonth;
}

export const addMonths = (iso: string, months: number): string =>
  calendarDay(iso).add({ months }).toString();

export const addDays = (iso: string, days: number): string =>
  calendarDay(iso).add({ days }).toString();

/** ISO dates compare correctly as strings: negative, zero or positive like a sort comparator. */
export const compareIso = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
export const isBefore = (a: string, b: string) => compareIso(a, b) < 0;
export const isOnOrAfter = (a: string, b: string) => compareIso(a, b) >= 0;

export const yearOf = (iso: string) => Number(iso.slice(0, 4));

/** The calendar years a period touches, in order (a budget has one set of lines per year). */
export function yearsBetween(start: string, end: string): number[] {
  const years: number[] = [];
  for (let y = yearOf(start); y <= yearOf(end); y++) years.push(y);
  return years;
}

/**
 * Whole years from `from` to `to`, counted back from `to` in calendar months: 2015-03-01 →
 * 2017-02-28 is 1 year, and 2024-02-29 → 2026-02-28 is 1 too (2026-02-28 − 24 months = 2024-02-28).
 */
export function fullYearsBetween(from: string, to: string): number {
  const years = yearOf(to) - yearOf(from);
  return compareIso(addMonths(to, -12 * years), from) < 0 ? years - 1 : years;
}

const inStockholm = (instant: Date) =>
  Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(STOCKHOLM);

/** Today's date in Europe/Stockholm as YYYY-MM-DD (a date in UTC would be wrong around midnight). */
export function todayInStockholm(now: Date = new Date()): string {
  return inStockholm(now).toPlainDate().toString();
}

/**
 * A wall-clock time in Europe/Stockholm ("2027-01-15T23:59", or a date for its midnight) as the
 * instant it denotes. Temporal's "compatible" rule settles the two hours a year that are not one
 * instant: in the hour repeated when summer time ends, the earlier (summer-time) instant; in the
 * hour skipped when it begins, the time one hour later.
 */
export function stockholmToUtc(local: string): Date {
  const wallClock = Temporal.PlainDateTime.from(local.includes("T") ? local : `${local}T00:00`);
  const instant = wallClock.toZonedDateTime(STOCKHOLM, { disambiguation: "compatible" });
  return new Date(instant.epochMilliseconds);
}

/** An instant as wall-clock time in Europe/Stockholm, for datetime-local inputs. */
export function utcToStockholmLocal(instant: Date): string {
  return inStockholm(instant).toPlainDateTime().toString({ smallestUnit: "minute" });
}

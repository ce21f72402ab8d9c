// ISO calendar dates (YYYY-MM-DD) without time zones, plus the few conversions to and from
// Europe/Stockholm wall-clock time the product needs. Pure; Intl is the only date library.
// Months are calendar months: 2027-01-01 + 12 months = 2028-01-01; a day past the end of the
// target month is clamped (2027-01-31 + 1 month = 2027-02-28).

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const STOCKHOLM = "Europe/Stockholm";

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const m = ISO.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** Days in a month, the month counted 1–12. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function parts(iso: string): [year: number, month: number, day: number] {
  const m = ISO.exec(iso);
  if (!m) throw new Error(`Not an ISO date: ${iso}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

export function addMonths(iso: string, months: number): string {
  const [y, m, d] = parts(iso);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`;
}

export function addDays(iso: string, days: number): string {
  const [y, m, d] = parts(iso);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

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

// Read the wall clock of Stockholm from Intl, piece by piece, rather than relying on how a
// locale happens to print a date.
const stockholmClock = new Intl.DateTimeFormat("en-GB", {
  timeZone: STOCKHOLM,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function stockholmWallClock(instant: Date): { date: string; time: string } {
  const p = Object.fromEntries(
    stockholmClock.formatToParts(instant).map(({ type, value }) => [type, value]),
  );
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** Today's date in Europe/Stockholm as YYYY-MM-DD (a date in UTC would be wrong around midnight). */
export function todayInStockholm(now: Date = new Date()): string {
  return stockholmWallClock(now).date;
}

/** A wall-clock time in Europe/Stockholm ("2027-01-15T23:59") as the instant it denotes. */
export function stockholmToUtc(local: string): Date {
  const [date, time = "00:00"] = local.split("T");
  const naive = new Date(`${date}T${time.slice(0, 5)}:00Z`);
  // The offset of Stockholm (CET +1, CEST +2) is read from Intl rather than assumed, and read twice:
  // first at the naive instant, then at the instant that gives. Near the autumn change the two
  // differ (01:00 local on the last Sunday of October is still summer time).
  const offsetAt = (instant: Date) => {
    const shown = stockholmWallClock(instant);
    return new Date(`${shown.date}T${shown.time}:00Z`).getTime() - instant.getTime();
  };
  const guess = new Date(naive.getTime() - offsetAt(naive));
  return new Date(naive.getTime() - offsetAt(guess));
}

/** An instant as wall-clock time in Europe/Stockholm, for datetime-local inputs. */
export function utcToStockholmLocal(instant: Date): string {
  const { date, time } = stockholmWallClock(instant);
  return `${date}T${time}`;
}

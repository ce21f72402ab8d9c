// ISO calendar dates (YYYY-MM-DD) without time zones. Pure.
// Months are calendar months: 2027-01-01 + 12 months = 2028-01-01; a day past the end of the
// target month is clamped (2027-01-31 + 1 month = 2027-02-28).

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const m = ISO.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

export function addMonths(iso: string, months: number): string {
  const m = ISO.exec(iso);
  if (!m) throw new Error(`Not an ISO date: ${iso}`);
  const total = Number(m[1]) * 12 + (Number(m[2]) - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = Math.min(Number(m[3]), daysInMonth(year, month));
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** ISO dates compare correctly as strings. */
export const compareIso = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export const yearOf = (iso: string) => Number(iso.slice(0, 4));

/** The calendar years a period touches, in order. */
export function yearsBetween(start: string, end: string): number[] {
  const years: number[] = [];
  for (let y = yearOf(start); y <= yearOf(end); y++) years.push(y);
  return years;
}

/** Today's date in Europe/Stockholm as YYYY-MM-DD. */
export function todayInStockholm(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** A wall-clock time in Europe/Stockholm ("2027-01-15T23:59") as the instant it denotes. */
export function stockholmToUtc(local: string): Date {
  const [date, time = "00:00"] = local.split("T");
  const naive = new Date(`${date}T${time.slice(0, 5)}:00Z`);
  // The offset of Stockholm at that moment (CET +1, CEST +2), read from Intl rather than assumed.
  const shown = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", hour: "2-digit", minute: "2-digit", hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit" }).format(naive);
  const asIfUtc = new Date(`${shown.replace(" ", "T")}:00Z`);
  return new Date(naive.getTime() - (asIfUtc.getTime() - naive.getTime()));
}

/** An instant as wall-clock time in Europe/Stockholm, for datetime-local inputs. */
export function utcToStockholmLocal(instant: Date): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", hour: "2-digit", minute: "2-digit", hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit" }).format(instant).replace(" ", "T");
}

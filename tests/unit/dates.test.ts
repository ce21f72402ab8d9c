import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  addDays,
  addMonths,
  compareIso,
  daysInMonth,
  fullYearsBetween,
  isBefore,
  isIsoDate,
  isOnOrAfter,
  stockholmToUtc,
  todayInStockholm,
  utcToStockholmLocal,
  yearsBetween,
} from "@/lib/domain/dates";

const anyDate = fc.integer({ min: 0, max: 40_000 }).map((n) => addDays("1950-01-01", n));

describe("calendar months", () => {
  it.each([
    ["2027-01-01", 12, "2028-01-01"],
    ["2027-01-01", 36, "2030-01-01"],
    ["2027-01-31", 1, "2027-02-28"],
    ["2028-01-31", 1, "2028-02-29"],
    ["2027-03-31", 1, "2027-04-30"],
    ["2027-12-15", 1, "2028-01-15"],
    ["2026-11-24", -24, "2024-11-24"],
    ["2027-01-15", -1, "2026-12-15"],
    ["2026-02-28", -24, "2024-02-28"],
    ["2028-02-29", 12, "2029-02-28"],
    ["2027-05-05", 0, "2027-05-05"],
  ] as const)("%s + %i months = %s", (start, months, end) =>
    expect(addMonths(start, months)).toBe(end),
  );

  it("refuses what is not an ISO date", () => expect(() => addMonths("2027-1-1", 1)).toThrow());

  it("adds months in steps as in one go when no day is clamped", () => {
    const early = fc
      .tuple(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
      )
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
    fc.assert(
      fc.property(
        early,
        fc.integer({ min: -600, max: 600 }),
        fc.integer({ min: -600, max: 600 }),
        (date, a, b) => {
          expect(addMonths(addMonths(date, a), b)).toBe(addMonths(date, a + b));
        },
      ),
    );
  });

  it("always gives a real date, never later in the month than the start", () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -100, max: 100 }), (date, months) => {
        const result = addMonths(date, months);
        expect(isIsoDate(result)).toBe(true);
        expect(Number(result.slice(8))).toBeLessThanOrEqual(Number(date.slice(8)));
      }),
    );
  });
});

describe("days", () => {
  it.each([
    ["2027-12-31", 1, "2028-01-01"],
    ["2028-03-01", -1, "2028-02-29"],
    ["2027-01-01", 365, "2028-01-01"],
  ] as const)("%s + %i days = %s", (date, days, result) =>
    expect(addDays(date, days)).toBe(result),
  );

  it("adding and taking away the same number of days gives the date back", () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -3000, max: 3000 }), (date, days) => {
        expect(addDays(addDays(date, days), -days)).toBe(date);
      }),
    );
  });

  it("knows the length of months", () => {
    expect([
      daysInMonth(2027, 2),
      daysInMonth(2028, 2),
      daysInMonth(2100, 2),
      daysInMonth(2000, 2),
      daysInMonth(2027, 4),
      daysInMonth(2027, 12),
    ]).toEqual([28, 29, 28, 29, 30, 31]);
  });
});

describe("ISO dates", () => {
  it.each([
    ["2028-02-29", true],
    ["2027-02-29", false],
    ["2027-13-01", false],
    ["2027-00-10", false],
    ["2027-04-31", false],
    ["27-01-01", false],
    ["2027-1-1", false],
    ["2027-01-01T00:00", false],
    ["", false],
    [20270101, false],
    [null, false],
  ])("%j is a date: %s", (value, expected) => expect(isIsoDate(value)).toBe(expected));

  it("compares as strings compare", () => {
    expect(compareIso("2027-01-01", "2027-12-31")).toBe(-1);
    expect(compareIso("2027-12-31", "2027-12-31")).toBe(0);
    expect(compareIso("2028-01-01", "2027-12-31")).toBe(1);
    expect(isBefore("2027-12-31", "2028-01-01")).toBe(true);
    expect(isBefore("2028-01-01", "2028-01-01")).toBe(false);
    expect(isOnOrAfter("2028-01-01", "2028-01-01")).toBe(true);
    expect(isOnOrAfter("2027-12-31", "2028-01-01")).toBe(false);
  });

  it("lists the calendar years of a period", () => {
    expect(yearsBetween("2027-03-01", "2029-02-28")).toEqual([2027, 2028, 2029]);
    expect(yearsBetween("2027-01-01", "2027-12-31")).toEqual([2027]);
  });

  it.each([
    ["2015-03-01", "2017-02-28", 1],
    ["2015-03-01", "2017-03-01", 2],
    ["2024-02-29", "2026-02-28", 1],
    ["2024-02-29", "2026-03-01", 2],
    ["2027-01-01", "2027-01-01", 0],
  ] as const)("from %s to %s is %i whole years", (from, to, years) =>
    expect(fullYearsBetween(from, to)).toBe(years),
  );
});

describe("Europe/Stockholm", () => {
  it("gives today's date in Stockholm, not in UTC", () => {
    expect(todayInStockholm(new Date("2026-12-31T22:59:00Z"))).toBe("2026-12-31");
    expect(todayInStockholm(new Date("2026-12-31T23:00:00Z"))).toBe("2027-01-01");
    expect(todayInStockholm(new Date("2026-06-30T21:59:00Z"))).toBe("2026-06-30");
    expect(todayInStockholm(new Date("2026-06-30T22:00:00Z"))).toBe("2026-07-01");
    expect(isIsoDate(todayInStockholm())).toBe(true);
  });

  it("converts wall-clock times in winter (CET) and summer (CEST)", () => {
    expect(stockholmToUtc("2027-01-15T23:59").toISOString()).toBe("2027-01-15T22:59:00.000Z");
    expect(stockholmToUtc("2026-06-30T12:00").toISOString()).toBe("2026-06-30T10:00:00.000Z");
    expect(stockholmToUtc("2027-03-01").toISOString()).toBe("2027-02-28T23:00:00.000Z");
    expect(utcToStockholmLocal(new Date("2027-01-15T22:59:00Z"))).toBe("2027-01-15T23:59");
    expect(utcToStockholmLocal(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01T00:30");
  });

  it("gets the hours around the autumn change right (found by the property below)", () => {
    expect(stockholmToUtc("2024-10-27T01:00").toISOString()).toBe("2024-10-26T23:00:00.000Z");
    expect(stockholmToUtc("2024-10-27T01:59").toISOString()).toBe("2024-10-26T23:59:00.000Z");
    expect(stockholmToUtc("2024-10-27T03:00").toISOString()).toBe("2024-10-27T02:00:00.000Z");
    expect(utcToStockholmLocal(stockholmToUtc("2024-10-27T02:30"))).toBe("2024-10-27T02:30");
  });

  it("settles the repeated and the skipped hour the same way on every machine", () => {
    // 02:30 happens twice on the autumn change day: the earlier, summer-time instant is meant.
    expect(stockholmToUtc("2024-10-27T02:30").toISOString()).toBe("2024-10-27T00:30:00.000Z");
    // 02:30 never happens on the spring change day: it is read as 03:30 summer time.
    expect(stockholmToUtc("2025-03-30T02:30").toISOString()).toBe("2025-03-30T01:30:00.000Z");
    expect(utcToStockholmLocal(stockholmToUtc("2025-03-30T02:30"))).toBe("2025-03-30T03:30");
  });

  it("turns a wall-clock time into an instant and back", () => {
    const local = fc
      .tuple(anyDate, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .filter(([date]) => date >= "1980-01-01") // before 1980 Sweden had no summer time to test
      .map(([date, h, m]) => `${date}T${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`)
      // The hour skipped when summer time begins (02:00–02:59 on the last Sunday of March) does not exist.
      .filter((t) => !/-03-(2[5-9]|3[01])T02:/.test(t));
    fc.assert(
      fc.property(local, (t) => {
        expect(utcToStockholmLocal(stockholmToUtc(t))).toBe(t);
      }),
    );
  });
});

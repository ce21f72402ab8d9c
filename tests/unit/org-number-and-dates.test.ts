import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { luhnCheckDigit, parseOrgNumber, parsePayoutAccount } from "@/lib/domain/org-number";
import { addMonths, isIsoDate, todayInStockholm, yearsBetween } from "@/lib/domain/dates";
import { countyNameOf, isMunicipalityCode, MUNICIPALITIES, municipalityName } from "@/lib/reference/municipalities";
import { COUNTIES } from "@/lib/reference/counties";

describe("organisation numbers", () => {
  it.each([
    ["802456-1238", "802456-1238"],
    ["8024561238", "802456-1238"],
    ["168024561238", "802456-1238"],
    ["16802456-1238", "802456-1238"],
    [" 212000-0142 ", "212000-0142"],
  ])("accepts %s as %s", (input, value) => expect(parseOrgNumber(input)).toEqual({ ok: true, value }));

  it.each([
    ["802456-1239", "CHECK_DIGIT"],
    ["801456-1238", "THIRD_DIGIT"],
    ["19850101-1234", "FORMAT"],
    ["80245-61238", "FORMAT"],
    ["abcdef-ghij", "FORMAT"],
    ["", "FORMAT"],
    ["178024561238", "FORMAT"],
  ])("refuses %s (%s)", (input, reason) => expect(parseOrgNumber(input)).toEqual({ ok: false, reason }));

  const validNumber = fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 2, max: 9 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 6, maxLength: 6 }))
    .map(([a, b, c, rest]) => { const body = `${a}${b}${c}${rest.join("")}`; return `${body}${luhnCheckDigit(body)}`; });

  it("accepts every generated valid number, in every accepted format", () => {
    fc.assert(fc.property(validNumber, (digits) => {
      const dashed = `${digits.slice(0, 6)}-${digits.slice(6)}`;
      for (const input of [digits, dashed, `16${digits}`, `16${dashed}`]) expect(parseOrgNumber(input)).toEqual({ ok: true, value: dashed });
    }));
  });

  it("refuses any single changed digit", () => {
    fc.assert(fc.property(validNumber, fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (digits, position, delta) => {
      const changed = digits.slice(0, position) + ((Number(digits[position]) + delta) % 10) + digits.slice(position + 1);
      expect(parseOrgNumber(changed).ok).toBe(false);
    }));
  });
});

describe("payout accounts", () => {
  it.each([
    ["BANKGIRO", "5402-9681", "5402-9681"], ["BANKGIRO", "54029681", "5402-9681"], ["BANKGIRO", "5050-1055", "5050-1055"], ["PLUSGIRO", "4774-6", "4774-6"], ["PLUSGIRO", "47746", "4774-6"],
  ] as const)("%s %s is valid", (type, input, value) => expect(parsePayoutAccount(type, input)).toEqual({ ok: true, value }));
  it.each([
    ["BANKGIRO", "5402-9682", "CHECK_DIGIT"], ["BANKGIRO", "123", "FORMAT"], ["PLUSGIRO", "4774-5", "CHECK_DIGIT"], ["BANKGIRO", "54O2-9681", "FORMAT"],
  ] as const)("%s %s is refused (%s)", (type, input, reason) => expect(parsePayoutAccount(type, input)).toEqual({ ok: false, reason }));
});

describe("calendar months", () => {
  it.each([
    ["2027-01-01", 12, "2028-01-01"], ["2027-01-01", 36, "2030-01-01"], ["2027-01-31", 1, "2027-02-28"], ["2028-01-31", 1, "2028-02-29"],
    ["2026-11-24", -24, "2024-11-24"], ["2027-12-15", 1, "2028-01-15"],
  ] as const)("%s + %i months = %s", (start, months, end) => expect(addMonths(start, months)).toBe(end));

  it("knows real dates", () => {
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2027-02-29")).toBe(false);
    expect(isIsoDate("2027-13-01")).toBe(false);
    expect(isIsoDate("27-01-01")).toBe(false);
  });

  it("lists the years of a period", () => expect(yearsBetween("2027-03-01", "2029-02-28")).toEqual([2027, 2028, 2029]));

  it("gives today's date in Stockholm, not in UTC", () => {
    expect(todayInStockholm(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
    expect(todayInStockholm(new Date("2026-06-30T21:59:00Z"))).toBe("2026-06-30");
  });
});

describe("reference data", () => {
  it("has the 290 municipalities and 21 counties of SCB", () => {
    expect(MUNICIPALITIES).toHaveLength(290);
    expect(new Set(MUNICIPALITIES.map((m) => m.code)).size).toBe(290);
    expect(COUNTIES).toHaveLength(21);
    for (const m of MUNICIPALITIES) expect(m.code.slice(0, 2)).toBe(m.countyCode);
  });
  it("looks up codes", () => {
    expect(municipalityName("0180")).toBe("Stockholm");
    expect(municipalityName("1280")).toBe("Malmö");
    expect(countyNameOf("1480")).toBe("Västra Götalands län");
    expect(isMunicipalityCode("0100")).toBe(false);
    expect(isMunicipalityCode(180)).toBe(false);
  });
});

describe("Stockholm wall-clock times", () => {
  it("converts in winter (CET) and summer (CEST)", async () => {
    const { stockholmToUtc, utcToStockholmLocal } = await import("@/lib/domain/dates");
    expect(stockholmToUtc("2027-01-15T23:59").toISOString()).toBe("2027-01-15T22:59:00.000Z");
    expect(stockholmToUtc("2026-06-30T12:00").toISOString()).toBe("2026-06-30T10:00:00.000Z");
    expect(utcToStockholmLocal(new Date("2027-01-15T22:59:00Z"))).toBe("2027-01-15T23:59");
  });
});

import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  isValidOrgNumber,
  luhnCheckDigit,
  luhnValid,
  normaliseOrgNumber,
  parseOrgNumber,
  parsePayoutAccount,
} from "@/lib/domain/org-number";

describe("organisation numbers", () => {
  it.each([
    ["802456-1238", "802456-1238"],
    ["8024561238", "802456-1238"],
    ["168024561238", "802456-1238"],
    ["16802456-1238", "802456-1238"],
    [" 212000-0142 ", "212000-0142"],
    ["802000-0009", "802000-0009"],
  ])("accepts %j as %s", (input, value) =>
    expect(parseOrgNumber(input)).toEqual({ ok: true, value }),
  );

  it.each([
    ["802456-1239", "CHECK_DIGIT"],
    ["8024561230", "CHECK_DIGIT"],
    ["801456-1238", "THIRD_DIGIT"],
    ["800000-0003", "THIRD_DIGIT"],
    ["19850101-1234", "FORMAT"],
    ["178024561238", "FORMAT"],
    ["80245-61238", "FORMAT"],
    ["802456--1238", "FORMAT"],
    ["802456 1238", "FORMAT"],
    ["80245612381", "FORMAT"],
    ["802456-123", "FORMAT"],
    ["abcdef-ghij", "FORMAT"],
    ["٨٠٢٤٥٦١٢٣٨", "FORMAT"],
    ["", "FORMAT"],
  ])("refuses %j (%s)", (input, reason) =>
    expect(parseOrgNumber(input)).toEqual({ ok: false, reason }),
  );

  it("normalises valid numbers and leaves others as typed", () => {
    expect(normaliseOrgNumber("168024561238")).toBe("802456-1238");
    expect(normaliseOrgNumber("802456-1239")).toBe("802456-1239");
    expect(isValidOrgNumber("8024561238")).toBe(true);
    expect(isValidOrgNumber("8024561239")).toBe(false);
  });

  // Ten digits whose third is 2 or more, ending in the right Luhn check digit.
  const validNumber = fc
    .tuple(
      fc.integer({ min: 0, max: 99 }),
      fc.integer({ min: 2, max: 9 }),
      fc.integer({ min: 0, max: 999999 }),
    )
    .map(([ab, c, rest]) => {
      const body = `${String(ab).padStart(2, "0")}${c}${String(rest).padStart(6, "0")}`;
      return `${body}${luhnCheckDigit(body)}`;
    });

  it("accepts every generated valid number, in every accepted format, as NNNNNN-NNNN", () => {
    fc.assert(
      fc.property(validNumber, (digits) => {
        const dashed = `${digits.slice(0, 6)}-${digits.slice(6)}`;
        for (const input of [digits, dashed, `16${digits}`, `16${dashed}`])
          expect(parseOrgNumber(input)).toEqual({ ok: true, value: dashed });
      }),
    );
  });

  it("refuses a generated number with any single digit changed", () => {
    fc.assert(
      fc.property(
        validNumber,
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        (digits, position, delta) => {
          const changed =
            digits.slice(0, position) +
            ((Number(digits[position]) + delta) % 10) +
            digits.slice(position + 1);
          expect(parseOrgNumber(changed).ok).toBe(false);
        },
      ),
    );
  });

  it("refuses a personal identity number (third digit 0 or 1) even with a right check digit", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 1 }),
        fc.integer({ min: 0, max: 999999 }),
        (ab, c, rest) => {
          const body = `${String(ab).padStart(2, "0")}${c}${String(rest).padStart(6, "0")}`;
          expect(parseOrgNumber(`${body}${luhnCheckDigit(body)}`)).toEqual({
            ok: false,
            reason: "THIRD_DIGIT",
          });
        },
      ),
    );
  });

  it("never throws on any text", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(typeof parseOrgNumber(text).ok).toBe("boolean");
      }),
    );
  });
});

describe("the Luhn check", () => {
  it("agrees with known numbers", () => {
    expect(luhnValid("79927398713")).toBe(true);
    expect(luhnValid("79927398710")).toBe(false);
    expect(luhnValid("")).toBe(false);
    expect(luhnValid("12a4")).toBe(false);
    expect(luhnCheckDigit("7992739871")).toBe(3);
  });
});

describe("payout accounts", () => {
  it.each([
    ["BANKGIRO", "5402-9681", "5402-9681"],
    ["BANKGIRO", "54029681", "5402-9681"],
    ["BANKGIRO", "5402 9681", "5402-9681"],
    ["BANKGIRO", "5050-1055", "5050-1055"],
    ["BANKGIRO", "123-4566", "123-4566"],
    ["BANKGIRO", "1234566", "123-4566"],
    ["PLUSGIRO", "4774-6", "4774-6"],
    ["PLUSGIRO", "47746", "4774-6"],
    ["PLUSGIRO", "1-8", "1-8"],
    ["PLUSGIRO", "1234567-4", "1234567-4"],
  ] as const)("%s %j is valid, written %s", (type, input, value) =>
    expect(parsePayoutAccount(type, input)).toEqual({ ok: true, value }),
  );

  it.each([
    ["BANKGIRO", "5402-9682", "CHECK_DIGIT"],
    ["PLUSGIRO", "4774-5", "CHECK_DIGIT"],
    ["BANKGIRO", "123", "FORMAT"],
    ["BANKGIRO", "123456", "FORMAT"],
    ["BANKGIRO", "540296810", "FORMAT"],
    ["BANKGIRO", "54-029681", "FORMAT"],
    ["BANKGIRO", "54O2-9681", "FORMAT"],
    ["PLUSGIRO", "8", "FORMAT"],
    ["PLUSGIRO", "123456789", "FORMAT"],
    ["PLUSGIRO", "47-746", "FORMAT"],
    ["PLUSGIRO", "", "FORMAT"],
  ] as const)("%s %j is refused (%s)", (type, input, reason) =>
    expect(parsePayoutAccount(type, input)).toEqual({ ok: false, reason }),
  );
});

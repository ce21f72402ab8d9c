import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  RECOVERY_ALPHABET,
  formatRecoveryCode,
  parseSecondFactor,
  recoveryCodeFrom,
  requiresTwoFactor,
  rolesBeforeSecondFactor,
} from "@/lib/domain/two-factor";

describe("who needs a second factor", () => {
  it("staff do, applicants do not", () => {
    expect(requiresTwoFactor(["REVIEWER"])).toBe(true);
    expect(requiresTwoFactor(["DECIDER"])).toBe(true);
    expect(requiresTwoFactor(["ADMIN"])).toBe(true);
    expect(requiresTwoFactor(["APPLICANT"])).toBe(false);
    expect(requiresTwoFactor([])).toBe(false);
    expect(rolesBeforeSecondFactor(["APPLICANT", "ADMIN", "REVIEWER"])).toEqual(["APPLICANT"]);
  });
});

describe("reading a typed code", () => {
  it.each([
    ["123456", { kind: "totp", code: "123456" }],
    [" 123 456 ", { kind: "totp", code: "123456" }],
    ["abcde-fghjk", { kind: "recovery", code: "ABCDEFGHJK" }],
    ["ABCDE FGHJK", { kind: "recovery", code: "ABCDEFGHJK" }],
    ["12345", { kind: "invalid" }],
    ["1234567", { kind: "invalid" }],
    ["ABCDE-FGHI0", { kind: "invalid" }],
    ["", { kind: "invalid" }],
    ["12345a", { kind: "invalid" }],
  ])("%j", (input, expected) => {
    expect(parseSecondFactor(input)).toEqual(expected);
  });

  it("recovery codes are ten readable characters and read back as themselves", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (bytes) => {
        const code = recoveryCodeFrom(bytes);
        if (code === null) return true;
        expect(code).toHaveLength(10);
        expect([...code].every((c) => RECOVERY_ALPHABET.includes(c))).toBe(true);
        expect(parseSecondFactor(formatRecoveryCode(code))).toEqual({ kind: "recovery", code });
        return true;
      }),
    );
  });
});

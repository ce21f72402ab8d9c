import { describe, expect, it } from "vitest";
import { belowFloor, compareVersions, type Floor } from "../../scripts/lib/versions";

const floor = (f: Partial<Floor>): Floor => ({
  package: "x",
  advisory: "GHSA-test",
  severity: "high",
  date: "2026-12-03",
  summary: "",
  ...f,
});

describe("the advisory check's version comparison", () => {
  it("orders releases and prereleases as semver does", () => {
    const sorted = [
      "1.0.0-alpha",
      "1.0.0-alpha.1",
      "1.0.0-alpha.beta",
      "1.0.0-beta.2",
      "1.0.0-beta.11",
      "1.0.0",
      "1.0.1",
      "1.2.0",
      "10.0.0",
    ];
    for (let i = 0; i < sorted.length - 1; i++) {
      expect(compareVersions(sorted[i], sorted[i + 1])).toBeLessThan(0);
      expect(compareVersions(sorted[i + 1], sorted[i])).toBeGreaterThan(0);
    }
    expect(compareVersions("17.10.0-beta.17", "17.10.0-beta.17")).toBe(0);
    expect(() => compareVersions("latest", "1.0.0")).toThrow();
  });

  it("flags versions below a minimum, and only those", () => {
    const nodemailer = floor({ minimum: "9.0.1" });
    expect(belowFloor("7.0.13", nodemailer)).toBe(true);
    expect(belowFloor("9.0.0", nodemailer)).toBe(true);
    expect(belowFloor("9.0.1", nodemailer)).toBe(false);
    expect(belowFloor("10.6.1", nodemailer)).toBe(false);
  });

  it("flags versions inside affected ranges, and every version of an unmaintained package", () => {
    const glob = floor({
      ranges: [
        { from: "10.2.0", below: "10.5.0" },
        { from: "11.0.0", below: "11.1.0" },
      ],
    });
    expect(belowFloor("10.4.5", glob)).toBe(true);
    expect(belowFloor("11.0.3", glob)).toBe(true);
    expect(belowFloor("10.5.0", glob)).toBe(false);
    expect(belowFloor("7.2.3", glob)).toBe(false);
    expect(belowFloor("1.0.6", floor({ ranges: [{ from: "0.0.0" }] }))).toBe(true);
  });
});

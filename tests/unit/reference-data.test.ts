import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  countyNameOf,
  countyOf,
  isMunicipalityCode,
  MUNICIPALITIES,
  MUNICIPALITIES_BY_NAME,
  municipalitiesIn,
  municipalityName,
} from "@/lib/reference/municipalities";
import { COUNTIES, COUNTIES_BY_NAME, countyName, isCountyCode } from "@/lib/reference/counties";

const csvRows = (file: string) =>
  readFileSync(path.resolve("lib/reference/data", file), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => line.trim().split(","));

describe("the reference data of SCB", () => {
  it("has the same rows as the CSV files it was generated from", () => {
    expect(MUNICIPALITIES.map((m) => [m.code, m.name, m.countyCode])).toEqual(
      csvRows("municipalities.csv"),
    );
    expect(COUNTIES.map((c) => [c.code, c.name])).toEqual(csvRows("counties.csv"));
  });

  it("has 290 municipalities and 21 counties, each code once", () => {
    expect(new Set(MUNICIPALITIES.map((m) => m.code)).size).toBe(290);
    expect(new Set(COUNTIES.map((c) => c.code)).size).toBe(21);
  });

  it("puts every municipality in a county given by the first two digits of its code", () => {
    for (const m of MUNICIPALITIES) {
      expect(m.code).toMatch(/^\d{4}$/);
      expect(m.code.slice(0, 2)).toBe(m.countyCode);
      expect(isCountyCode(m.countyCode)).toBe(true);
    }
    expect(COUNTIES.every((c) => municipalitiesIn(c.code).length > 0)).toBe(true);
  });

  it("looks up codes", () => {
    expect(municipalityName("0180")).toBe("Stockholm");
    expect(municipalityName("1280")).toBe("Malmö");
    expect(municipalityName("9999")).toBeUndefined();
    expect(countyOf("1480")).toBe("14");
    expect(countyNameOf("1480")).toBe("Västra Götalands län");
    expect(countyNameOf("9999")).toBeUndefined();
    expect(countyName("25")).toBe("Norrbottens län");
    expect(municipalitiesIn("09").map((m) => m.name)).toEqual(["Gotland"]);
  });

  it.each(["0100", "180", " 0180", "01800", "", 180, null])(
    "%j is not a municipality code",
    (code) => {
      expect(isMunicipalityCode(code)).toBe(false);
    },
  );

  it("sorts the pickers by name with Swedish collation: Å, Ä and Ö come last", () => {
    const names = MUNICIPALITIES_BY_NAME.map((m) => m.name);
    expect(names[0]).toBe("Ale");
    expect(names.at(-1)).toBe("Övertorneå");
    const initials = names
      .map((n) => n[0])
      .join("")
      .replace(/(.)\1+/g, "$1");
    expect(initials.slice(-3)).toBe("ÅÄÖ");
    expect(names.indexOf("Vännäs")).toBeLessThan(names.indexOf("Åre"));
    expect(COUNTIES_BY_NAME.map((c) => c.name).at(-1)).toBe("Östergötlands län");
    expect(COUNTIES_BY_NAME[0].name).toBe("Blekinge län");
  });
});

import { describe, expect, it } from "vitest";
import { municipalityCodeFrom, searchMunicipalities } from "@/lib/reference/municipalities";
import { municipalitySearchFrom } from "@/lib/validation/municipality";
import { DashboardFilters } from "@/lib/validation/dashboard";
import { exampleFilterFrom, strictExampleFilterFrom } from "@/lib/validation/learning-example";

describe("the municipality filters' search", () => {
  it("finds names that begin with the text first, with their county", () => {
    const found = searchMunicipalities("Sto");
    expect(found.map((m) => m.name).slice(0, 3)).toEqual(["Stockholm", "Storfors", "Storuman"]);
    expect(found.map((m) => m.name)).toContain("Staffanstorp");
    expect(found[0]).toEqual({ code: "0180", name: "Stockholm", county: "Stockholms län" });
  });

  it("then a word of the name, then anywhere in it; without caring for case or accents", () => {
    expect(searchMunicipalities("bro").map((m) => m.name)).toEqual(
      expect.arrayContaining(["Bromölla", "Upplands-Bro"]),
    );
    expect(searchMunicipalities("bro")[0].name).toBe("Bromölla");
    expect(searchMunicipalities("malmo").map((m) => m.name)).toEqual(["Malmö"]);
    expect(searchMunicipalities("GÖTEBORG").map((m) => m.code)).toEqual(["1480"]);
    expect(searchMunicipalities("0180").map((m) => m.name)).toEqual(["Stockholm"]);
  });

  it("gives at most 20, and nothing for an empty text", () => {
    expect(searchMunicipalities("a")).toHaveLength(20);
    expect(searchMunicipalities("  ")).toEqual([]);
    expect(searchMunicipalities("xyzzy")).toEqual([]);
  });

  it("reads a typed name or code as one municipality, or as none", () => {
    expect(municipalityCodeFrom("0180")).toBe("0180");
    expect(municipalityCodeFrom(" stockholm ")).toBe("0180");
    expect(municipalityCodeFrom("Malmo")).toBe("1280");
    expect(municipalityCodeFrom("Storum")).toBe("2421");
    expect(municipalityCodeFrom("Sto")).toBeUndefined();
    expect(municipalityCodeFrom("9999")).toBeUndefined();
    expect(municipalityCodeFrom("")).toBeUndefined();
  });

  it("refuses a bad query to the search route", () => {
    expect(municipalitySearchFrom(new URLSearchParams("q=Sto"))).toBe("Sto");
    expect(municipalitySearchFrom(new URLSearchParams(""))).toBe("");
    expect(municipalitySearchFrom(new URLSearchParams("q=a%00b"))).toBeNull();
    expect(municipalitySearchFrom(new URLSearchParams(`q=${"x".repeat(101)}`))).toBeNull();
    expect(municipalitySearchFrom(new URLSearchParams("q=a&q=b"))).toBeNull();
    expect(municipalitySearchFrom(new URLSearchParams("q=a&other=1"))).toBeNull();
  });

  it("lets the filters take a name typed without JavaScript, and keep the code", () => {
    expect(DashboardFilters.parse({ municipality: "Stockholm" }).municipality).toBe("0180");
    expect(DashboardFilters.parse({ municipality: "0180" }).municipality).toBe("0180");
    expect(DashboardFilters.parse({ municipality: "Ingenstans" }).municipality).toBeUndefined();
    expect(exampleFilterFrom(new URLSearchParams("municipality=malmö")).municipality).toBe("1280");
    expect(strictExampleFilterFrom(new URLSearchParams("municipality=Ingenstans"))).toBeNull();
  });
});

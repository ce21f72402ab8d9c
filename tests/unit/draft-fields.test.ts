import { describe, expect, it } from "vitest";
import {
  checkPartFields,
  hardCapProblem,
  keptDraftOf,
  withKeptFields,
  withKeptProblems,
} from "@/lib/validation/draft-fields";
import type { PartData } from "@/lib/validation/draft";

const basics: PartData<"grunduppgifter"> = {
  track: "INTERVENTION",
  variant: null,
  title: "Läxhjälp i Rosengård",
  summary: "Kort sammanfattning.",
  focusAreas: ["EDUCATION"],
  periodStart: "2027-01-01",
  periodEnd: "2027-12-31",
  contactName: "Amina Yusuf",
  contactEmail: "amina@forening.example",
  contactPhone: "070-123 45 67",
};

const budget: PartData<"budget"> = {
  budget: [
    { year: 2027, category: "STAFF", amountSek: 300_000, description: "Processledare" },
    { year: 2027, category: "PREMISES", amountSek: 50_000, description: "Lokal" },
  ],
  cofinancingSek: 0,
  otherFunding: [],
  stateAid: null,
};

describe("a part saves field by field", () => {
  it("saves every valid field beside an invalid one and keeps the invalid one as typed", () => {
    const long = "x".repeat(10_000);
    const typed = { ...basics, title: "Ny titel", summary: long, periodStart: "2027-02-01" };
    const { data, kept } = checkPartFields("grunduppgifter", typed, basics);
    expect(data.title).toBe("Ny titel");
    expect(data.periodStart).toBe("2027-02-01");
    expect(data.summary).toBe(basics.summary); // the last valid value stays in the columns
    expect(Object.keys(kept)).toEqual(["summary"]);
    expect(kept.summary.value).toBe(long);
    expect(kept.summary.message).toMatch(/högst/);
  });

  it("saves the valid rows and fields of a list and keeps a negative amount with its message", () => {
    const typed = structuredClone(budget);
    typed.budget[1].amountSek = -5;
    typed.budget[1].description = "Lokalhyra";
    typed.budget.push({ year: 2027, category: "OTHER", amountSek: -1, description: "Ny rad" });
    const { data, kept } = checkPartFields("budget", typed, budget);
    expect(data.budget).toHaveLength(3);
    expect(data.budget[1]).toEqual({ ...budget.budget[1], description: "Lokalhyra" });
    expect(data.budget[2]).toMatchObject({ amountSek: 0, description: "Ny rad" });
    expect(Object.keys(kept).sort()).toEqual(["budget.1.amountSek", "budget.2.amountSek"]);
    expect(kept["budget.1.amountSek"]).toMatchObject({ value: -5 });
    expect(kept["budget.1.amountSek"].message).toMatch(/negativt/);
  });

  it("matches a partner's previous values by its id, not its place", () => {
    const previous: PartData<"partner"> = {
      partners: ["a", "b"].map((id) => ({
        id,
        name: `Partner ${id}`,
        orgNumber: "",
        sector: "MUNICIPALITY" as const,
        localAnchoring: false,
        role: "",
        activities: "",
        contactName: "",
        contactEmail: "",
      })),
    };
    const typed = { partners: [{ ...previous.partners[1], contactEmail: "inte en adress" }] };
    const { data, kept } = checkPartFields("partner", typed, previous);
    expect(data.partners).toEqual([previous.partners[1]]);
    expect(kept["partners.0.contactEmail"].value).toBe("inte en adress");
  });

  it("keeps the saved value of a field the sender left out, without calling it invalid", () => {
    const { contactName: _n, contactEmail: _e, contactPhone: _p, ...older } = basics;
    const { data, kept } = checkPartFields("grunduppgifter", { ...older, title: "Ny" }, basics);
    expect(kept).toEqual({});
    expect(data).toEqual({ ...basics, title: "Ny" });
  });

  it("answers nothing kept for a valid part, and falls back for a field of the wrong kind", () => {
    expect(checkPartFields("grunduppgifter", basics, basics).kept).toEqual({});
    const { data, kept } = checkPartFields(
      "grunduppgifter",
      { ...basics, focusAreas: "x" },
      basics,
    );
    expect(data.focusAreas).toEqual(basics.focusAreas);
    expect(kept.focusAreas.value).toBe("x");
  });

  it("puts kept values back where the form holds a value of the same kind", () => {
    const kept = {
      summary: { value: "för lång", message: "m" },
      "budget.0.amountSek": { value: -5, message: "m" },
      "budget.0.description": { value: 12, message: "m" }, // not text: left as saved
      "budget.9.amountSek": { value: 1, message: "m" }, // no such row
    };
    expect(withKeptFields(basics, kept).summary).toBe("för lång");
    const restored = withKeptFields(budget, kept);
    expect(restored.budget[0]).toEqual({ ...budget.budget[0], amountSek: -5 });
    expect(restored.budget).toHaveLength(2);
    expect(budget.budget[0].amountSek).toBe(300_000); // the original is not changed
  });

  it("reads only well-formed kept fields from the database", () => {
    expect(keptDraftOf(null)).toEqual({});
    expect(
      keptDraftOf({
        budget: { "budget.0.amountSek": { value: -5, message: "m" }, bad: { value: {} } },
        unknownPart: { x: { value: 1, message: "m" } },
      }),
    ).toEqual({ budget: { "budget.0.amountSek": { value: -5, message: "m" } } });
  });
});

describe("the problems of a draft with kept values", () => {
  it("puts each kept value's message first, in contract paths, instead of the rules' at that field", () => {
    const rules = [
      { code: "INVALID_FIELD" as const, path: "summary", message: "Skriv en sammanfattning." },
      { code: "AREA_REQUIRED" as const, path: "areas", message: "Ange minst ett område." },
    ];
    const kept = {
      grunduppgifter: {
        summary: { value: "lång", message: "För lång." },
        periodStart: { value: "2027-13-01", message: "Ange ett datum." },
      },
    };
    expect(withKeptProblems(rules, kept).map((p) => [p.path, p.message])).toEqual([
      ["summary", "För lång."],
      ["period.start", "Ange ett datum."],
      ["areas", "Ange minst ett område."],
    ]);
    expect(withKeptProblems(rules, {})).toEqual(rules);
  });
});

describe("hard caps against abuse", () => {
  it.each([
    ["a text of 20 001 characters", { summary: "x".repeat(20_001) }, /för lång/],
    ["a list of 501 rows", { budget: Array.from({ length: 501 }, () => ({})) }, /Listan/],
    [
      "a part over 512 000 bytes",
      { a: Array.from({ length: 40 }, () => "x".repeat(15_000)) },
      /för stor/,
    ],
  ])("refuses %s", (_, raw, message) => {
    expect(hardCapProblem(raw)).toMatch(message);
  });
  it("accepts an ordinary part", () => expect(hardCapProblem(basics)).toBeNull());
});

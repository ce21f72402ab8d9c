import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  checkApplication,
  RULE_CODES,
  VARIANTS_OF,
  type CheckOptions,
  type RuleCode,
} from "@/lib/domain/rules";
import { addDays, addMonths, todayInStockholm, yearsBetween } from "@/lib/domain/dates";
import { luhnCheckDigit } from "@/lib/domain/org-number";
import { MUNICIPALITIES } from "@/lib/reference/municipalities";
import {
  BUDGET_CATEGORIES,
  LETTER_STATUSES,
  METHODS,
  SECTORS,
  VARIANTS,
  type ApplicationContract,
  type LegalForm,
  type LetterOfIntentContract,
  type PartnerContract,
  type Track,
  type Variant,
} from "@/lib/validation/application";
import {
  changed,
  signedLetter,
  TODAY,
  TRACK_VARIANTS,
  validApplication,
} from "../fixtures/applications";

const check = (app: ApplicationContract, round?: CheckOptions["round"]) =>
  checkApplication(app, { today: TODAY, round });
const codes = (app: ApplicationContract, round?: CheckOptions["round"]) =>
  check(app, round).problems.map((p) => p.code);

const collab = validApplication("COLLABORATION", "COORDINATION");
const knowledge = validApplication("KNOWLEDGE", "NEW");
const followUp = validApplication("KNOWLEDGE", "FOLLOW_UP");
const exploratory = validApplication("COLLABORATION", "EXPLORATORY");
const intervention = validApplication("INTERVENTION", null);

describe("a valid application of every track and variant", () => {
  it.each(TRACK_VARIANTS)("%s / %s has no problems and no warnings", (track, variant) => {
    expect(check(validApplication(track, variant))).toEqual({
      valid: true,
      problems: [],
      warnings: [],
    });
  });
});

// One small change to a valid fixture per row: the code it must raise and the path it must point at.
type Case = [
  code: RuleCode,
  path: string,
  base: ApplicationContract,
  change: (a: ApplicationContract) => void,
];
const CASES: Case[] = [
  [
    "ORG_NUMBER_INVALID",
    "applicant.orgNumber",
    collab,
    (a) => (a.applicant.orgNumber = "802456-1239"),
  ],
  [
    "ORG_NUMBER_INVALID",
    "applicant.orgNumber",
    collab,
    (a) => (a.applicant.orgNumber = "801456-1238"),
  ],
  [
    "ORG_NUMBER_INVALID",
    "applicant.orgNumber",
    collab,
    (a) => (a.applicant.orgNumber = "Föreningen"),
  ],
  [
    "ORG_NUMBER_INVALID",
    "partners.0.orgNumber",
    collab,
    (a) => (a.partners[0].orgNumber = "212000-0143"),
  ],
  [
    "APPLICANT_NOT_ELIGIBLE",
    "applicant.legalForm",
    collab,
    (a) => (a.applicant.legalForm = "COMPANY"),
  ],
  [
    "APPLICANT_NOT_ELIGIBLE",
    "applicant.legalForm",
    collab,
    (a) => (a.applicant.legalForm = "ECONOMIC_ASSOCIATION"),
  ],
  [
    "DECLARATION_MISSING",
    "declarations.independent",
    collab,
    (a) => (a.declarations.independent = false),
  ],
  [
    "DECLARATION_MISSING",
    "declarations.nonProfit",
    collab,
    (a) => (a.declarations.nonProfit = false),
  ],
  [
    "DECLARATION_MISSING",
    "declarations.respectsDemocracy",
    collab,
    (a) => (a.declarations.respectsDemocracy = false),
  ],
  [
    "DECLARATION_MISSING",
    "declarations.noDebtsToEnforcementAuthority",
    collab,
    (a) => (a.declarations.noDebtsToEnforcementAuthority = false),
  ],
  [
    "DECLARATION_MISSING",
    "declarations.notInLiquidation",
    collab,
    (a) => (a.declarations.notInLiquidation = false),
  ],
  [
    "ORGANISATION_TOO_NEW",
    "applicant.foundedOn",
    collab,
    (a) => (a.applicant.foundedOn = "2024-11-25"),
  ],
  [
    "ORGANISATION_TOO_NEW",
    "applicant.foundedOn",
    collab,
    (a) => {
      a.applicant.legalForm = "FOUNDATION";
      a.applicant.foundedOn = "2026-01-01";
    },
  ],
  ["VARIANT_MISMATCH", "variant", intervention, (a) => (a.variant = "NEW")],
  ["VARIANT_MISMATCH", "variant", knowledge, (a) => (a.variant = "COORDINATION")],
  ["VARIANT_MISMATCH", "variant", knowledge, (a) => (a.variant = null)],
  ["VARIANT_MISMATCH", "variant", collab, (a) => (a.variant = "FOLLOW_UP")],
  ["AREA_REQUIRED", "areas", collab, (a) => (a.areas = [])],
  [
    "MUNICIPALITY_UNKNOWN",
    "applicant.municipalityCode",
    collab,
    (a) => (a.applicant.municipalityCode = "9999"),
  ],
  [
    "MUNICIPALITY_UNKNOWN",
    "areas.1.municipalityCode",
    collab,
    (a) => a.areas.push({ municipalityCode: "0100", name: "Nowhere" }),
  ],
  ["PARTNER_REQUIRED", "partners", intervention, (a) => (a.partners = [])],
  ["LOCAL_ANCHORING_REQUIRED", "partners", collab, (a) => (a.partners[0].localAnchoring = false)],
  [
    "LETTER_OF_INTENT_MISSING",
    "partners.1.letterOfIntent",
    collab,
    (a) => (a.partners[1].letterOfIntent = null),
  ],
  [
    "LETTER_OF_INTENT_MISSING",
    "partners.0.letterOfIntent",
    collab,
    (a) => (a.partners[0].letterOfIntent!.status = "PENDING"),
  ],
  [
    "LETTER_OF_INTENT_MISSING",
    "partners.0.letterOfIntent",
    collab,
    (a) => (a.partners[0].letterOfIntent!.status = "DECLINED"),
  ],
  [
    "LETTER_OF_INTENT_INCOMPLETE",
    "partners.0.letterOfIntent.competences",
    collab,
    (a) => (a.partners[0].letterOfIntent!.competences = " "),
  ],
  [
    "LETTER_OF_INTENT_INCOMPLETE",
    "partners.1.letterOfIntent.resources",
    collab,
    (a) => (a.partners[1].letterOfIntent!.resources = null),
  ],
  [
    "LETTER_OF_INTENT_INCOMPLETE",
    "partners.0.letterOfIntent.from",
    collab,
    (a) => (a.partners[0].letterOfIntent!.from = null),
  ],
  [
    "LETTER_OF_INTENT_INCOMPLETE",
    "partners.0.letterOfIntent.to",
    collab,
    (a) => (a.partners[0].letterOfIntent!.to = null),
  ],
  [
    "LETTER_OF_INTENT_INCOMPLETE",
    "partners.0.letterOfIntent.to",
    collab,
    (a) => (a.partners[0].letterOfIntent!.to = "2026-12-31"),
  ],
  [
    "LETTER_OF_INTENT_INCOMPLETE",
    "partners.0.letterOfIntent.signedBy",
    collab,
    (a) => (a.partners[0].letterOfIntent!.signedBy = ""),
  ],
  [
    "MUNICIPAL_ANCHORING_REQUIRED",
    "partners",
    knowledge,
    (a) => (a.partners[0].sector = "CIVIL_SOCIETY"),
  ],
  ["METHOD_REQUIRED", "methods", knowledge, (a) => (a.methods = [])],
  [
    "FOLLOW_UP_REFERENCE_REQUIRED",
    "previousGrantReference",
    followUp,
    (a) => (a.previousGrantReference = null),
  ],
  [
    "FOLLOW_UP_REFERENCE_REQUIRED",
    "previousGrantReference",
    followUp,
    (a) => (a.previousGrantReference = "  "),
  ],
  [
    "STRATEGIC_FRAMEWORK_REQUIRED",
    "strategicFramework",
    collab,
    (a) => (a.strategicFramework = null),
  ],
  [
    "STRATEGIC_FRAMEWORK_REQUIRED",
    "strategicFramework",
    collab,
    (a) => (a.strategicFramework = ""),
  ],
  ["COORDINATION_PARTNERS_REQUIRED", "partners", collab, (a) => (a.partners = [a.partners[0]])],
  [
    "PARTNER_ACTIVITIES_REQUIRED",
    "partners.1.activities",
    collab,
    (a) => (a.partners[1].activities = " "),
  ],
  ["EXPLORATORY_TOO_LONG", "period.end", exploratory, (a) => (a.period.end = "2028-01-01")],
  ["NEED_BASIS_REQUIRED", "needBasis", intervention, (a) => (a.needBasis = null)],
  [
    "NEED_BASIS_REQUIRED",
    "needBasis",
    intervention,
    (a) => (a.needBasis = { kind: "KNOWLEDGE", description: "" }),
  ],
  [
    "NEED_BASIS_REQUIRED",
    "needBasis",
    intervention,
    (a) => (a.needBasis = { kind: null, description: "Enkät." }),
  ],
  [
    "PERIOD_INVALID",
    "period.end",
    collab,
    (a) => (a.period = { start: "2027-06-01", end: "2027-05-31" }),
  ],
  ["PERIOD_TOO_LONG", "period.end", collab, (a) => (a.period.end = "2030-01-01")],
  ["BUDGET_YEAR_OUTSIDE_PERIOD", "budget.1.year", collab, (a) => (a.budget[1].year = 2030)],
  ["BUDGET_YEAR_OUTSIDE_PERIOD", "budget.0.year", collab, (a) => (a.budget[0].year = 2026)],
  ["BUDGET_MISMATCH", "requestedSek", collab, (a) => (a.requestedSek = 400000)],
  ["BUDGET_MISMATCH", "requestedSek", collab, (a) => (a.cofinancingSek = 0)],
  [
    "AMOUNT_INVALID",
    "requestedSek",
    collab,
    (a) => {
      a.requestedSek = 0;
      a.cofinancingSek = 400000;
    },
  ],
  [
    "AMOUNT_INVALID",
    "requestedSek",
    collab,
    (a) => {
      a.requestedSek = -100;
      a.cofinancingSek = 400100;
    },
  ],
  [
    "AMOUNT_INVALID",
    "requestedSek",
    collab,
    (a) => {
      a.requestedSek = 349999.5;
      a.cofinancingSek = 50000.5;
    },
  ],
  [
    "AMOUNT_INVALID",
    "cofinancingSek",
    collab,
    (a) => {
      a.cofinancingSek = -50000;
      a.requestedSek = 450000;
    },
  ],
  [
    "AMOUNT_INVALID",
    "budget.0.amountSek",
    collab,
    (a) => {
      a.budget[0].amountSek = -300000;
      a.requestedSek = -250000;
    },
  ],
  [
    "AMOUNT_INVALID",
    "budget.1.amountSek",
    collab,
    (a) => {
      a.budget[1].amountSek = 100000.25;
      a.requestedSek = 350000.25;
    },
  ],
  ["AMOUNT_INVALID", "otherFunding.0.amountSek", collab, (a) => (a.otherFunding[0].amountSek = -1)],
  [
    "AMOUNT_INVALID",
    "otherFunding.0.amountSek",
    collab,
    (a) => (a.otherFunding[0].amountSek = 100.25),
  ],
];

describe("every rule of docs/domain.md §4", () => {
  it.each(CASES)("%s at %s", (code, path, base, change) => {
    const result = check(changed(base, change));
    expect(result.valid).toBe(false);
    expect(result.problems, JSON.stringify(result.problems)).toContainEqual({
      code,
      path,
      message: expect.stringMatching(/[a-zåäö]{3}.*\.$/i) as string,
    });
  });

  it("has a case for every code", () => {
    const covered = new Set(CASES.map(([code]) => code));
    expect(RULE_CODES.filter((c) => c !== "TRACK_NOT_IN_ROUND" && !covered.has(c))).toEqual([]);
  });

  it("returns every problem at once", () => {
    const app = changed(collab, (a) => {
      a.declarations.nonProfit = false;
      a.declarations.independent = false;
      a.areas = [];
      a.requestedSek = 1;
      a.partners[1].letterOfIntent = null;
    });
    expect(codes(app).sort()).toEqual([
      "AREA_REQUIRED",
      "BUDGET_MISMATCH",
      "DECLARATION_MISSING",
      "DECLARATION_MISSING",
      "LETTER_OF_INTENT_MISSING",
    ]);
  });

  it("gives one LETTER_OF_INTENT_MISSING per partner and one LETTER_OF_INTENT_INCOMPLETE per missing part", () => {
    const app = changed(collab, (a) => {
      a.partners[0].letterOfIntent = null;
      a.partners[1].letterOfIntent = {
        status: "SIGNED",
        competences: null,
        resources: "",
        from: null,
        to: null,
        signedBy: null,
        signedAt: null,
      };
    });
    expect(check(app).problems.map((p) => `${p.code} ${p.path}`)).toEqual([
      "LETTER_OF_INTENT_MISSING partners.0.letterOfIntent",
      ...["competences", "resources", "from", "to", "signedBy"].map(
        (f) => `LETTER_OF_INTENT_INCOMPLETE partners.1.letterOfIntent.${f}`,
      ),
    ]);
  });

  it("checks a partner's organisation number only when one is given", () => {
    expect(codes(changed(collab, (a) => (a.partners[0].orgNumber = null)))).toEqual([]);
    expect(codes(changed(collab, (a) => (a.partners[0].orgNumber = "")))).toEqual([]);
    expect(codes(changed(collab, (a) => (a.partners[0].orgNumber = "16212000-0142")))).toEqual([]);
  });

  it("says why an organisation number is wrong", () => {
    const message = (orgNumber: string) =>
      check(changed(collab, (a) => (a.applicant.orgNumber = orgNumber))).problems[0].message;
    expect(message("8024561238X")).toMatch(/tio siffror/);
    expect(message("801456-1238")).toMatch(/personnummer/);
    expect(message("802456-1239")).toMatch(/kontrollsiffran/);
  });

  it("works out the requested amount for the applicant in BUDGET_MISMATCH", () => {
    const [problem] = check(changed(collab, (a) => (a.requestedSek = 1))).problems;
    expect(problem.message.replace(/\s/g, " ")).toBe(
      "Sökt belopp ska vara budgetens summa minus medfinansieringen: 400 000 kr − 50 000 kr = 350 000 kr.",
    );
  });

  it("accepts a municipal anchoring through a region or a municipality as well", () => {
    for (const sector of ["REGION", "MUNICIPALITY"] as const)
      expect(codes(changed(knowledge, (a) => (a.partners[0].sector = sector)))).toEqual([]);
  });

  it("reports an empty partner list once per rule that needs partners", () => {
    expect(codes(changed(collab, (a) => (a.partners = []))).sort()).toEqual([
      "COORDINATION_PARTNERS_REQUIRED",
      "LOCAL_ANCHORING_REQUIRED",
      "PARTNER_REQUIRED",
    ]);
    expect(codes(changed(knowledge, (a) => (a.partners = []))).sort()).toEqual([
      "LOCAL_ANCHORING_REQUIRED",
      "MUNICIPAL_ANCHORING_REQUIRED",
      "PARTNER_REQUIRED",
    ]);
  });

  it("reports an inverted period as PERIOD_INVALID only", () => {
    const app = changed(collab, (a) => (a.period = { start: "2029-12-31", end: "2027-01-01" }));
    expect(codes(app)).toEqual(["PERIOD_INVALID"]);
  });

  it("runs on today in Stockholm when no day is given", () => {
    const app = changed(collab, (a) => (a.applicant.foundedOn = todayInStockholm()));
    expect(checkApplication(app).problems.map((p) => p.code)).toEqual(["ORGANISATION_TOO_NEW"]);
  });
});

describe("boundaries", () => {
  it("an organisation founded exactly two years ago is old enough; a day later is not", () => {
    expect(codes(changed(collab, (a) => (a.applicant.foundedOn = "2024-11-24")))).toEqual([]);
    expect(codes(changed(collab, (a) => (a.applicant.foundedOn = "2024-11-25")))).toEqual([
      "ORGANISATION_TOO_NEW",
    ]);
  });

  it("counts two years in calendar months, also from a leap day", () => {
    const on = (today: string, foundedOn: string) =>
      checkApplication(
        changed(collab, (a) => (a.applicant.foundedOn = foundedOn)),
        { today },
      ).problems.map((p) => p.code);
    expect(on("2026-02-28", "2024-02-28")).toEqual([]);
    expect(on("2026-02-28", "2024-02-29")).toEqual(["ORGANISATION_TOO_NEW"]);
    expect(on("2026-03-01", "2024-02-29")).toEqual([]);
  });

  it.each(["RELIGIOUS_COMMUNITY", "COMPANY"] as const)(
    "the two-year rule does not apply to %s",
    (legalForm) => {
      const app = changed(collab, (a) => {
        a.applicant.legalForm = legalForm;
        a.applicant.foundedOn = "2026-01-01";
      });
      expect(codes(app)).not.toContain("ORGANISATION_TOO_NEW");
    },
  );

  it.each([
    // [start, end, longest months, too long?] — the period must end before start + longest months.
    ["2027-01-01", "2027-12-31", 12, false],
    ["2027-01-01", "2028-01-01", 12, true],
    ["2027-01-01", "2029-12-31", 36, false],
    ["2027-01-01", "2030-01-01", 36, true],
    ["2027-01-31", "2027-02-27", 1, false],
    ["2027-01-31", "2027-02-28", 1, true],
    ["2027-03-15", "2027-03-15", 12, false],
  ] as const)("%s to %s with at most %i months: too long is %s", (start, end, months, tooLong) => {
    const app = changed(intervention, (a) => {
      a.period = { start, end };
      a.budget.forEach((line) => (line.year = 2027));
    });
    expect(codes(app, { longestPeriodMonths: months }).includes("PERIOD_TOO_LONG")).toBe(tooLong);
  });

  it("uses 36 months without a round and tells the last allowed end date", () => {
    const [problem] = check(changed(collab, (a) => (a.period.end = "2030-01-01"))).problems;
    expect(problem).toEqual({
      code: "PERIOD_TOO_LONG",
      path: "period.end",
      message:
        "Projektperioden får vara högst 36 månader. Välj ett slutdatum senast 31 december 2029.",
    });
  });

  it("an exploratory study ends on 2027-12-31 at the latest when it starts on 2027-01-01", () => {
    expect(codes(exploratory)).toEqual([]);
    const tooLong = check(changed(exploratory, (a) => (a.period.end = "2028-01-01"))).problems;
    expect(tooLong).toEqual([
      {
        code: "EXPLORATORY_TOO_LONG",
        path: "period.end",
        message:
          "En förstudie får pågå i högst ett år. Välj ett slutdatum senast 31 december 2027.",
      },
    ]);
  });

  it("budget years run from the start year to the end year, both included", () => {
    const app = changed(
      collab,
      (a) =>
        (a.budget = [2027, 2028, 2029].map((year) => ({
          year,
          category: "STAFF",
          amountSek: 100000,
          description: "",
        }))),
    );
    expect(codes(changed(app, (a) => (a.requestedSek = 250000)))).toEqual([]);
  });

  it("a track the round does not accept is refused at path track; an accepted one is not", () => {
    expect(
      check(intervention, { longestPeriodMonths: 36, acceptedTracks: ["KNOWLEDGE"] }).problems,
    ).toEqual([
      {
        code: "TRACK_NOT_IN_ROUND",
        path: "track",
        message: expect.stringContaining("direkta insatser") as string,
      },
    ]);
    expect(
      codes(intervention, {
        longestPeriodMonths: 36,
        acceptedTracks: ["KNOWLEDGE", "INTERVENTION"],
      }),
    ).toEqual([]);
  });
});

describe("the organisation-number group warning", () => {
  it("warns, without blocking, when an association's number does not start with 8", () => {
    const result = check(changed(collab, (a) => (a.applicant.orgNumber = "556677-8899")));
    expect(result.valid).toBe(true);
    expect(result.warnings).toEqual([
      {
        code: "ORG_NUMBER_GROUP_UNEXPECTED",
        path: "applicant.orgNumber",
        message: expect.stringContaining("börjar med 8") as string,
      },
    ]);
  });

  it("accepts 2 or 8 for a religious community, and warns about others", () => {
    const religious = (orgNumber: string) =>
      check(
        changed(collab, (a) => {
          a.applicant.legalForm = "RELIGIOUS_COMMUNITY";
          a.applicant.orgNumber = orgNumber;
        }),
      ).warnings;
    expect(religious("252002-3454")).toEqual([]);
    expect(religious("802456-1238")).toEqual([]);
    expect(religious("556677-8899")).toHaveLength(1);
  });

  it("does not warn about a number that is already a problem", () => {
    expect(check(changed(collab, (a) => (a.applicant.orgNumber = "556677-8898"))).warnings).toEqual(
      [],
    );
  });
});

// Generators for the property tests ------------------------------------------------------------

const someText = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== "");
const anyDate = (from: string, days: number) =>
  fc.integer({ min: 0, max: days }).map((n) => addDays(from, n));
/** A valid organisation number whose first digit is `group` (8: associations and foundations). */
const orgNumberIn = (group: number) =>
  fc
    .tuple(
      fc.integer({ min: 0, max: 9 }),
      fc.integer({ min: 2, max: 9 }),
      fc.integer({ min: 0, max: 999999 }),
    )
    .map(([b, c, rest]) => {
      const body = `${group}${b}${c}${String(rest).padStart(6, "0")}`;
      return `${body.slice(0, 6)}-${body.slice(6)}${luhnCheckDigit(body)}`;
    });

/** Any partner, well-shaped but perhaps breaking rules: for properties that must hold whatever partners there are. */
const anyPartner = (period: { start: string; end: string }): fc.Arbitrary<PartnerContract> =>
  fc.record({
    name: someText,
    orgNumber: fc.oneof(fc.constant(null), orgNumberIn(2), fc.constant("123")),
    sector: fc.constantFrom(...SECTORS),
    localAnchoring: fc.boolean(),
    role: someText,
    activities: fc.oneof(fc.constant(""), someText),
    letterOfIntent: fc.option(
      fc.record<LetterOfIntentContract>({
        status: fc.constantFrom(...LETTER_STATUSES),
        competences: fc.option(someText, { nil: null }),
        resources: fc.option(someText, { nil: null }),
        from: fc.option(fc.constant(period.start), { nil: null }),
        to: fc.option(fc.constant(period.end), { nil: null }),
        signedBy: fc.option(someText, { nil: null }),
        signedAt: fc.constant(null),
      }),
      { nil: null },
    ),
  });

/** A valid application of any track and variant, with any period, budget, areas and extra partners that keep it valid. */
const validApplicationArb: fc.Arbitrary<ApplicationContract> = fc
  .constantFrom(...TRACK_VARIANTS)
  .chain(([track, variant]) =>
    fc
      .record({
        start: anyDate("2026-01-01", 5 * 365),
        months: fc.integer({ min: 0, max: variant === "EXPLORATORY" ? 12 : 36 }),
        legalForm: fc.constantFrom<LegalForm>(
          "NONPROFIT_ASSOCIATION",
          "FOUNDATION",
          "RELIGIOUS_COMMUNITY",
        ),
        foundedOn: anyDate("1900-01-01", 45_000),
        orgNumber: orgNumberIn(8),
        areas: fc.array(
          fc
            .constantFrom(...MUNICIPALITIES)
            .map((m) => ({ municipalityCode: m.code, name: m.name })),
          { minLength: 1, maxLength: 3 },
        ),
        methods: fc.uniqueArray(fc.constantFrom(...METHODS), { minLength: 1 }),
        lines: fc.array(
          fc.record({
            year: fc.nat(),
            category: fc.constantFrom(...BUDGET_CATEGORIES),
            amountSek: fc.integer({ min: 0, max: 2_000_000 }),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        cofinancingPercent: fc.integer({ min: 0, max: 100 }),
        extraPartners: fc.array(
          fc.record({
            name: someText,
            orgNumber: fc.option(orgNumberIn(2), { nil: null }),
            sector: fc.constantFrom(...SECTORS),
            localAnchoring: fc.boolean(),
            role: someText,
            activities: someText,
          }),
          { maxLength: 3 },
        ),
      })
      .map((g) => {
        // An end date before start + months (the longest period), never before the start.
        const end = g.months === 0 ? g.start : addDays(addMonths(g.start, g.months), -1);
        const years = yearsBetween(g.start, end);
        const budget = g.lines.map((line, i) => ({
          ...line,
          year: years[line.year % years.length],
          amountSek: line.amountSek + (i === 0 ? 1 : 0),
          description: "",
        }));
        const total = budget.reduce((sum, line) => sum + line.amountSek, 0);
        const cofinancingSek = Math.floor(((total - 1) * g.cofinancingPercent) / 100);
        return changed(validApplication(track, variant), (a) => {
          Object.assign(a.applicant, {
            legalForm: g.legalForm,
            foundedOn: g.foundedOn > "2024-11-24" ? "2024-11-24" : g.foundedOn,
            orgNumber: g.orgNumber,
          });
          a.period = { start: g.start, end };
          a.areas = g.areas;
          if (track === "KNOWLEDGE") a.methods = g.methods;
          Object.assign(a, { budget, cofinancingSek, requestedSek: total - cofinancingSek });
          a.partners = [
            ...a.partners,
            ...g.extraPartners.map((p) => ({ ...p, letterOfIntent: signedLetter(g.start, end) })),
          ];
        });
      }),
  );

// The rules that belong to one track or variant (docs/domain.md §4), and which kinds of application they apply to.
const TRACK_ONLY: Partial<Record<RuleCode, (t: Track, v: Variant | null) => boolean>> = {
  MUNICIPAL_ANCHORING_REQUIRED: (t) => t === "KNOWLEDGE",
  METHOD_REQUIRED: (t) => t === "KNOWLEDGE",
  FOLLOW_UP_REFERENCE_REQUIRED: (t, v) => t === "KNOWLEDGE" && v === "FOLLOW_UP",
  STRATEGIC_FRAMEWORK_REQUIRED: (t, v) => t === "COLLABORATION" && v === "COORDINATION",
  COORDINATION_PARTNERS_REQUIRED: (t, v) => t === "COLLABORATION" && v === "COORDINATION",
  PARTNER_ACTIVITIES_REQUIRED: (t, v) => t === "COLLABORATION" && v === "COORDINATION",
  EXPLORATORY_TOO_LONG: (t, v) => t === "COLLABORATION" && v === "EXPLORATORY",
  NEED_BASIS_REQUIRED: (t) => t === "INTERVENTION",
  VARIANT_MISMATCH: (t, v) => !VARIANTS_OF[t].includes(v),
};

describe("properties", () => {
  it("a generated valid application is valid, and stays valid when its partners are reordered", () => {
    const appAndOrder = validApplicationArb.chain((app) =>
      fc.tuple(
        fc.constant(app),
        fc.shuffledSubarray(app.partners, {
          minLength: app.partners.length,
          maxLength: app.partners.length,
        }),
      ),
    );
    fc.assert(
      fc.property(appAndOrder, ([app, reordered]) => {
        expect(check(app).problems).toEqual([]);
        expect(check({ ...app, partners: reordered }).problems).toEqual([]);
      }),
    );
  });

  it("reordering partners never changes which problems are found, only their paths", () => {
    const appAndOrder = validApplicationArb
      .chain((app) =>
        fc.tuple(fc.constant(app), fc.array(anyPartner(app.period), { maxLength: 4 })),
      )
      .map(([app, partners]) => ({ ...app, partners: [...app.partners, ...partners] }))
      .chain((app) =>
        fc.tuple(
          fc.constant(app),
          fc.shuffledSubarray(app.partners, {
            minLength: app.partners.length,
            maxLength: app.partners.length,
          }),
        ),
      );
    fc.assert(
      fc.property(appAndOrder, ([app, reordered]) => {
        expect(codes({ ...app, partners: reordered }).sort()).toEqual(codes(app).sort());
      }),
    );
  });

  it("never reports a rule that does not apply to the track and variant", () => {
    const anyKind = fc.tuple(
      fc.constantFrom<Track>("KNOWLEDGE", "COLLABORATION", "INTERVENTION"),
      fc.constantFrom<Variant | null>(...VARIANTS, null),
    );
    const mutations = fc.record({
      methods: fc.boolean(),
      reference: fc.boolean(),
      framework: fc.boolean(),
      needBasis: fc.boolean(),
      longPeriod: fc.boolean(),
      partners: fc.array(anyPartner({ start: "2027-01-01", end: "2029-12-31" }), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(validApplicationArb, anyKind, mutations, (valid, [track, variant], m) => {
        const app = changed(valid, (a) => {
          Object.assign(a, { track, variant });
          if (m.methods) a.methods = [];
          if (m.reference) a.previousGrantReference = null;
          if (m.framework) a.strategicFramework = null;
          if (m.needBasis) a.needBasis = null;
          if (m.longPeriod) a.period.end = "2029-12-31";
          a.partners = m.partners;
        });
        for (const { code, message } of check(app).problems) {
          expect(RULE_CODES).toContain(code);
          expect(message).not.toMatch(/undefined|null|NaN|\[object/);
          const applies = TRACK_ONLY[code as RuleCode];
          if (applies)
            expect(applies(track, variant), `${code} for ${track}/${variant}`).toBe(true);
        }
      }),
    );
  });
});

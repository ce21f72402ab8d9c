import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { checkApplication, validateApplication, RULE_CODES, type RuleCode } from "@/lib/domain/rules";
import { parseApplicationPayload, type ApplicationContract } from "@/lib/validation/application";
import { TODAY, TRACK_VARIANTS, validApplication } from "../fixtures/applications";

const check = (app: ApplicationContract, round?: { longestPeriodMonths: number; acceptedTracks?: ApplicationContract["track"][] }) =>
  checkApplication(app, { today: TODAY, round });
const codes = (app: ApplicationContract, round?: { longestPeriodMonths: number }) => check(app, round).problems.map((p) => p.code);
const mutate = (base: ApplicationContract, fn: (a: ApplicationContract) => void) => {
  const copy = structuredClone(base);
  fn(copy);
  return copy;
};

describe("a valid application of every track and variant", () => {
  it.each(TRACK_VARIANTS)("%s / %s has no problems and no warnings", (track, variant) => {
    const result = check(validApplication(track, variant));
    expect(result).toEqual({ valid: true, problems: [], warnings: [] });
    expect(parseApplicationPayload(validApplication(track, variant)).ok).toBe(true);
  });
});

type Case = [code: RuleCode, base: ApplicationContract, change: (a: ApplicationContract) => void, path: string];
const collab = validApplication("COLLABORATION", "COORDINATION");
const knowledge = validApplication("KNOWLEDGE", "NEW");
const followUp = validApplication("KNOWLEDGE", "FOLLOW_UP");
const exploratory = validApplication("COLLABORATION", "EXPLORATORY");
const intervention = validApplication("INTERVENTION", null);

const CASES: Case[] = [
  ["ORG_NUMBER_INVALID", collab, (a) => (a.applicant.orgNumber = "802456-1239"), "applicant.orgNumber"],
  ["ORG_NUMBER_INVALID", collab, (a) => (a.partners[1].orgNumber = "212000-0143"), "partners.1.orgNumber"],
  ["APPLICANT_NOT_ELIGIBLE", collab, (a) => (a.applicant.legalForm = "COMPANY"), "applicant.legalForm"],
  ["DECLARATION_MISSING", collab, (a) => (a.declarations.noDebtsToEnforcementAuthority = false), "declarations.noDebtsToEnforcementAuthority"],
  ["ORGANISATION_TOO_NEW", collab, (a) => (a.applicant.foundedOn = "2024-11-25"), "applicant.foundedOn"],
  ["VARIANT_MISMATCH", intervention, (a) => (a.variant = "NEW"), "variant"],
  ["VARIANT_MISMATCH", knowledge, (a) => (a.variant = "COORDINATION"), "variant"],
  ["AREA_REQUIRED", collab, (a) => (a.areas = []), "areas"],
  ["MUNICIPALITY_UNKNOWN", collab, (a) => (a.areas[0].municipalityCode = "0100"), "areas.0.municipalityCode"],
  ["MUNICIPALITY_UNKNOWN", collab, (a) => (a.applicant.municipalityCode = "9999"), "applicant.municipalityCode"],
  ["PARTNER_REQUIRED", intervention, (a) => (a.partners = []), "partners"],
  ["LOCAL_ANCHORING_REQUIRED", collab, (a) => (a.partners[0].localAnchoring = false), "partners"],
  ["LETTER_OF_INTENT_MISSING", collab, (a) => (a.partners[1].letterOfIntent = null), "partners.1.letterOfIntent"],
  ["LETTER_OF_INTENT_MISSING", collab, (a) => (a.partners[0].letterOfIntent!.status = "PENDING"), "partners.0.letterOfIntent"],
  ["LETTER_OF_INTENT_INCOMPLETE", collab, (a) => (a.partners[0].letterOfIntent!.competences = " "), "partners.0.letterOfIntent.competences"],
  ["LETTER_OF_INTENT_INCOMPLETE", collab, (a) => (a.partners[0].letterOfIntent!.to = "2026-12-31"), "partners.0.letterOfIntent.to"],
  ["LETTER_OF_INTENT_INCOMPLETE", collab, (a) => (a.partners[0].letterOfIntent!.signedBy = null), "partners.0.letterOfIntent.signedBy"],
  ["MUNICIPAL_ANCHORING_REQUIRED", knowledge, (a) => (a.partners[0].sector = "CIVIL_SOCIETY"), "partners"],
  ["METHOD_REQUIRED", knowledge, (a) => (a.methods = []), "methods"],
  ["FOLLOW_UP_REFERENCE_REQUIRED", followUp, (a) => (a.previousGrantReference = null), "previousGrantReference"],
  ["STRATEGIC_FRAMEWORK_REQUIRED", collab, (a) => (a.strategicFramework = ""), "strategicFramework"],
  ["COORDINATION_PARTNERS_REQUIRED", collab, (a) => (a.partners = [a.partners[0]]), "partners"],
  ["PARTNER_ACTIVITIES_REQUIRED", collab, (a) => (a.partners[1].activities = ""), "partners.1.activities"],
  ["EXPLORATORY_TOO_LONG", exploratory, (a) => (a.period.end = "2028-01-01"), "period.end"],
  ["NEED_BASIS_REQUIRED", intervention, (a) => (a.needBasis = null), "needBasis"],
  ["NEED_BASIS_REQUIRED", intervention, (a) => (a.needBasis = { kind: "KNOWLEDGE", description: "" }), "needBasis"],
  ["PERIOD_INVALID", collab, (a) => (a.period = { start: "2027-06-01", end: "2027-05-31" }), "period.end"],
  ["PERIOD_TOO_LONG", collab, (a) => (a.period.end = "2030-01-01"), "period.end"],
  ["BUDGET_YEAR_OUTSIDE_PERIOD", collab, (a) => (a.budget[0].year = 2031), "budget.0.year"],
  ["BUDGET_MISMATCH", collab, (a) => (a.requestedSek = 400000), "requestedSek"],
  ["AMOUNT_INVALID", collab, (a) => { a.requestedSek = 0; a.cofinancingSek = 400000; }, "requestedSek"],
  ["AMOUNT_INVALID", collab, (a) => { a.budget[0].amountSek = -300000; a.requestedSek = -250000; }, "budget.0.amountSek"],
  ["AMOUNT_INVALID", collab, (a) => { a.cofinancingSek = 49999.5; a.requestedSek = 350000.5; }, "cofinancingSek"],
  ["AMOUNT_INVALID", collab, (a) => (a.otherFunding[0].amountSek = 100.25), "otherFunding.0.amountSek"],
];

describe("every rule of SPEC §4", () => {
  it.each(CASES)("%s at %s", (code, base, change, path) => {
    const result = check(mutate(base, change));
    expect(result.valid).toBe(false);
    const problem = result.problems.find((p) => p.code === code && p.path === path);
    expect(problem, JSON.stringify(result.problems)).toBeDefined();
    expect(problem!.message).toMatch(/[a-zåäö]{3}/i);
  });

  it("covers every code of the table", () => {
    const covered = new Set(CASES.map(([code]) => code));
    expect(RULE_CODES.filter((c) => c !== "TRACK_NOT_IN_ROUND" && !covered.has(c))).toEqual([]);
  });

  it("returns every problem at once", () => {
    const app = mutate(collab, (a) => {
      a.declarations.nonProfit = false;
      a.declarations.independent = false;
      a.areas = [];
      a.requestedSek = 1;
    });
    const found = codes(app);
    expect(found.filter((c) => c === "DECLARATION_MISSING")).toHaveLength(2);
    expect(found).toEqual(expect.arrayContaining(["AREA_REQUIRED", "BUDGET_MISMATCH"]));
  });

  it("gives one LETTER_OF_INTENT_MISSING per partner", () => {
    const app = mutate(collab, (a) => a.partners.forEach((p) => (p.letterOfIntent = null)));
    expect(check(app).problems.filter((p) => p.code === "LETTER_OF_INTENT_MISSING").map((p) => p.path)).toEqual(["partners.0.letterOfIntent", "partners.1.letterOfIntent"]);
  });
});

describe("boundaries", () => {
  it("an organisation founded exactly two years ago is old enough; a day later is not", () => {
    expect(codes(mutate(collab, (a) => (a.applicant.foundedOn = "2024-11-24")))).not.toContain("ORGANISATION_TOO_NEW");
    expect(codes(mutate(collab, (a) => (a.applicant.foundedOn = "2024-11-25")))).toContain("ORGANISATION_TOO_NEW");
  });

  it("a religious community may be newer than two years", () => {
    const app = mutate(collab, (a) => { a.applicant.legalForm = "RELIGIOUS_COMMUNITY"; a.applicant.foundedOn = "2026-01-01"; });
    expect(codes(app)).toEqual([]);
  });

  it("a project of 36 months ends before start + 36 months: 2027-01-01 to 2029-12-31 is fine, to 2030-01-01 is too long", () => {
    expect(codes(mutate(collab, (a) => (a.period.end = "2029-12-31")))).not.toContain("PERIOD_TOO_LONG");
    expect(codes(mutate(collab, (a) => (a.period.end = "2030-01-01")))).toContain("PERIOD_TOO_LONG");
  });

  it("the round's longest period decides (2020: 12 months)", () => {
    const app = mutate(collab, (a) => { a.period.end = "2027-12-31"; a.budget[1].year = 2027; });
    expect(codes(app, { longestPeriodMonths: 12 })).not.toContain("PERIOD_TOO_LONG");
    expect(codes(mutate(app, (a) => (a.period.end = "2028-01-01")), { longestPeriodMonths: 12 })).toContain("PERIOD_TOO_LONG");
  });

  it("an exploratory study ends on 2027-12-31 at the latest when it starts on 2027-01-01", () => {
    expect(codes(exploratory)).not.toContain("EXPLORATORY_TOO_LONG");
    expect(codes(mutate(exploratory, (a) => (a.period.end = "2028-01-01")))).toContain("EXPLORATORY_TOO_LONG");
  });

  it("a track the round does not accept is refused", () => {
    expect(check(intervention, { longestPeriodMonths: 36, acceptedTracks: ["KNOWLEDGE"] }).problems.map((p) => p.code)).toContain("TRACK_NOT_IN_ROUND");
  });
});

describe("the organisation-number group warning", () => {
  it("warns, without blocking, when an association's number does not start with 8", () => {
    const result = check(mutate(collab, (a) => (a.applicant.orgNumber = "556677-8899")));
    expect(result.valid).toBe(true);
    expect(result.warnings).toEqual([expect.objectContaining({ code: "ORG_NUMBER_GROUP_UNEXPECTED", path: "applicant.orgNumber" })]);
  });
  it("accepts 2 or 8 for a religious community", () => {
    const app = mutate(collab, (a) => { a.applicant.legalForm = "RELIGIOUS_COMMUNITY"; a.applicant.orgNumber = "252002-3454"; });
    expect(check(app).warnings).toEqual([]);
  });
});

describe("the shape of the payload (INVALID_FIELD, answered 400)", () => {
  const shape = (fn: (a: Record<string, unknown>) => unknown) => {
    const app = structuredClone(collab) as unknown as Record<string, unknown>;
    fn(app);
    return validateApplication(app, { today: TODAY });
  };

  const SHAPE_CASES: [string, (a: Record<string, unknown>) => unknown, string][] = [
    ["a missing field", (a: Record<string, unknown>) => delete a.summary, "summary"],
    ["an amount as text", (a: Record<string, unknown>) => (a.requestedSek = "900000"), "requestedSek"],
    ["an unknown enum value", (a: Record<string, unknown>) => (a.track = "SPORT"), "track"],
    ["an unknown sector", (a: Record<string, unknown>) => ((a.partners as Record<string, unknown>[])[1].sector = "CHURCH"), "partners.1.sector"],
    ["an empty title", (a: Record<string, unknown>) => (a.title = "   "), "title"],
    ["an empty partner role", (a: Record<string, unknown>) => ((a.partners as Record<string, unknown>[])[0].role = ""), "partners.0.role"],
    ["a date that is not a date", (a: Record<string, unknown>) => ((a.period as Record<string, unknown>).start = "2027-02-30"), "period.start"],
    ["null where null is not allowed", (a: Record<string, unknown>) => (a.areas = null), "areas"],
    ["a boolean as text", (a: Record<string, unknown>) => (a.stateAid = "nej"), "stateAid"],
  ];
  it.each(SHAPE_CASES)("%s", (_, change, path) => {
    const answer = shape(change);
    expect(answer.status).toBe(400);
    expect(answer.body.valid).toBe(false);
    expect(answer.body.problems).toEqual([expect.objectContaining({ code: "INVALID_FIELD", path })]);
    expect(answer.body.problems[0].message).toMatch(/[a-zåäö]{3}/i);
  });

  it("reports one problem per bad field", () => {
    const answer = shape((a) => { delete a.title; a.cofinancingSek = "0"; a.focusAreas = ["PEACE"]; });
    expect(answer.body.problems.map((p) => p.path).sort()).toEqual(["cofinancingSek", "focusAreas.0", "title"]);
  });

  it("refuses something that is not an object", () => {
    for (const value of [null, [], "text", 42]) expect(validateApplication(value).status).toBe(400);
  });

  it("treats negative and fractional amounts as rules (200), not shape", () => {
    const answer = shape((a) => (a.cofinancingSek = -5));
    expect(answer.status).toBe(200);
    expect(answer.body.problems.map((p) => p.code)).toContain("AMOUNT_INVALID");
  });

  it("allows null exactly where SPEC §3 allows it", () => {
    const answer = validateApplication(mutate(intervention, (a) => { a.previousGrantReference = null; a.strategicFramework = null; a.partners[1].orgNumber = null; a.partners[1].letterOfIntent = null; }), { today: TODAY });
    expect(answer.status).toBe(200);
  });
});

describe("properties", () => {
  const validCases = fc.constantFrom(...TRACK_VARIANTS);

  it("a valid application stays valid when its partners are reordered", () => {
    fc.assert(
      fc.property(validCases, fc.array(fc.nat(), { minLength: 2, maxLength: 2 }), ([track, variant], keys) => {
        const app = validApplication(track, variant);
        const order = app.partners.map((p, i) => ({ p, k: keys[i] })).sort((a, b) => a.k - b.k).map(({ p }) => p);
        expect(check({ ...app, partners: order }).valid).toBe(true);
      }),
    );
  });

  const TRACK_ONLY: Partial<Record<RuleCode, (t: string, v: string | null) => boolean>> = {
    MUNICIPAL_ANCHORING_REQUIRED: (t) => t === "KNOWLEDGE",
    METHOD_REQUIRED: (t) => t === "KNOWLEDGE",
    FOLLOW_UP_REFERENCE_REQUIRED: (t, v) => t === "KNOWLEDGE" && v === "FOLLOW_UP",
    STRATEGIC_FRAMEWORK_REQUIRED: (t, v) => t === "COLLABORATION" && v === "COORDINATION",
    COORDINATION_PARTNERS_REQUIRED: (t, v) => t === "COLLABORATION" && v === "COORDINATION",
    PARTNER_ACTIVITIES_REQUIRED: (t, v) => t === "COLLABORATION" && v === "COORDINATION",
    EXPLORATORY_TOO_LONG: (t, v) => t === "COLLABORATION" && v === "EXPLORATORY",
    NEED_BASIS_REQUIRED: (t) => t === "INTERVENTION",
  };

  it("never reports a rule that does not apply to the track and variant", () => {
    fc.assert(
      fc.property(
        validCases,
        fc.record({
          noMethods: fc.boolean(), noReference: fc.boolean(), noFramework: fc.boolean(), onePartner: fc.boolean(), noActivities: fc.boolean(),
          longPeriod: fc.boolean(), noNeedBasis: fc.boolean(), civilOnly: fc.boolean(),
        }),
        ([track, variant], m) => {
          const app = mutate(validApplication(track, variant), (a) => {
            if (m.noMethods) a.methods = [];
            if (m.noReference) a.previousGrantReference = null;
            if (m.noFramework) a.strategicFramework = null;
            if (m.onePartner) a.partners = [a.partners[0]];
            if (m.noActivities) a.partners.forEach((p) => (p.activities = ""));
            if (m.longPeriod) a.period.end = "2029-12-31";
            if (m.noNeedBasis) a.needBasis = null;
            if (m.civilOnly) a.partners.forEach((p) => (p.sector = "CIVIL_SOCIETY"));
          });
          for (const problem of check(app).problems) {
            const applies = TRACK_ONLY[problem.code as RuleCode];
            if (applies) expect(applies(track, variant), `${problem.code} for ${track}/${variant}`).toBe(true);
          }
        },
      ),
    );
  });
});

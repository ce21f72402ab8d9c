/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-return -- this file builds payloads of the wrong shape on purpose (fields missing, of the wrong type or unknown), so they are untyped JSON edited freely. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { validateApplication } from "@/lib/domain/rules";
import { parseApplicationPayload } from "@/lib/validation/application";
import { changed, TODAY, TRACK_VARIANTS, validApplication } from "../fixtures/applications";

// The payload as a client might send it: anything may be missing or of the wrong type.
type Json = Record<string, any>;
const payload = () => validApplication("COLLABORATION", "COORDINATION") as Json;
const validate = (change: (a: Json) => void) =>
  validateApplication(changed(payload(), change), { today: TODAY });

const MISSING = /^Fältet saknas/;
const EMPTY = /^Fyll i fältet/;
const AMOUNT = /^Ange ett belopp i hela kronor som ett tal/;
const DATE = /ÅÅÅÅ-MM-DD/;

const CASES: [what: string, change: (a: Json) => void, path: string, message: RegExp][] = [
  ["a missing field", (a) => delete a.summary, "summary", MISSING],
  [
    "a missing nullable field",
    (a) => delete a.previousGrantReference,
    "previousGrantReference",
    MISSING,
  ],
  ["a missing nested field", (a) => delete a.applicant.foundedOn, "applicant.foundedOn", MISSING],
  ["a missing enum", (a) => delete a.track, "track", MISSING],
  [
    "a missing field of a letter",
    (a) => delete a.partners[1].letterOfIntent.signedAt,
    "partners.1.letterOfIntent.signedAt",
    MISSING,
  ],
  [
    "a missing declaration",
    (a) => delete a.declarations.notInLiquidation,
    "declarations.notInLiquidation",
    MISSING,
  ],
  ["an amount as text", (a) => (a.requestedSek = "900000"), "requestedSek", AMOUNT],
  [
    "a budget amount as text",
    (a) => (a.budget[0].amountSek = "300000"),
    "budget.0.amountSek",
    AMOUNT,
  ],
  [
    "an amount of other funding as null",
    (a) => (a.otherFunding[0].amountSek = null),
    "otherFunding.0.amountSek",
    /null/,
  ],
  ["a budget year with decimals", (a) => (a.budget[1].year = 2027.5), "budget.1.year", /heltal/],
  [
    "an unknown track",
    (a) => (a.track = "SPORT"),
    "track",
    /^Välj ett av de tillåtna värdena: KNOWLEDGE, COLLABORATION, INTERVENTION\.$/,
  ],
  ["an unknown variant", (a) => (a.variant = "NONE"), "variant", /tillåtna värdena/],
  [
    "an unknown legal form",
    (a) => (a.applicant.legalForm = "CLUB"),
    "applicant.legalForm",
    /tillåtna värdena/,
  ],
  [
    "an unknown sector",
    (a) => (a.partners[1].sector = "CHURCH"),
    "partners.1.sector",
    /tillåtna värdena/,
  ],
  [
    "an unknown focus area",
    (a) => (a.focusAreas = ["DEMOCRACY", "PEACE"]),
    "focusAreas.1",
    /tillåtna värdena/,
  ],
  ["an unknown method", (a) => (a.methods = ["DANCE"]), "methods.0", /tillåtna värdena/],
  [
    "an unknown budget category",
    (a) => (a.budget[0].category = "TRAVEL"),
    "budget.0.category",
    /tillåtna värdena/,
  ],
  [
    "an unknown letter status",
    (a) => (a.partners[0].letterOfIntent.status = "MAYBE"),
    "partners.0.letterOfIntent.status",
    /tillåtna värdena/,
  ],
  [
    "an unknown funding status",
    (a) => (a.otherFunding[0].status = "PROMISED"),
    "otherFunding.0.status",
    /tillåtna värdena/,
  ],
  [
    "an unknown need-basis kind",
    (a) => (a.needBasis = { kind: "GUESS", description: "x" }),
    "needBasis.kind",
    /tillåtna värdena/,
  ],
  ["an empty title", (a) => (a.title = "   "), "title", EMPTY],
  ["an empty summary", (a) => (a.summary = ""), "summary", EMPTY],
  ["an empty needs description", (a) => (a.needsDescription = "\n"), "needsDescription", EMPTY],
  [
    "an empty gender-equality perspective",
    (a) => (a.genderEqualityPerspective = ""),
    "genderEqualityPerspective",
    EMPTY,
  ],
  ["an empty long-term plan", (a) => (a.longTermPlan = " "), "longTermPlan", EMPTY],
  ["an empty applicant name", (a) => (a.applicant.name = ""), "applicant.name", EMPTY],
  ["an empty partner name", (a) => (a.partners[1].name = " "), "partners.1.name", EMPTY],
  ["an empty partner role", (a) => (a.partners[0].role = ""), "partners.0.role", EMPTY],
  ["a date that does not exist", (a) => (a.period.start = "2027-02-30"), "period.start", DATE],
  [
    "a date in another format",
    (a) => (a.applicant.foundedOn = "1/3/2015"),
    "applicant.foundedOn",
    DATE,
  ],
  [
    "a date with a time",
    (a) => (a.otherFunding[0].decisionDate = "2026-09-15T00:00:00Z"),
    "otherFunding.0.decisionDate",
    DATE,
  ],
  [
    "a letter date that does not exist",
    (a) => (a.partners[0].letterOfIntent.to = "2029-13-01"),
    "partners.0.letterOfIntent.to",
    DATE,
  ],
  ["null for a list", (a) => (a.areas = null), "areas", /null/],
  ["null for a required text", (a) => (a.title = null), "title", /null/],
  ["a boolean as text", (a) => (a.stateAid = "nej"), "stateAid", /true eller false/],
  [
    "a declaration as text",
    (a) => (a.declarations.nonProfit = "true"),
    "declarations.nonProfit",
    /true eller false/,
  ],
  [
    "an organisation number as a number",
    (a) => (a.applicant.orgNumber = 8024561238),
    "applicant.orgNumber",
    /text/,
  ],
  ["an object for a list", (a) => (a.partners = { 0: a.partners[0] }), "partners", /lista/],
];

describe("the shape of the payload (INVALID_FIELD, answered 400)", () => {
  it.each(CASES)("%s gives INVALID_FIELD at %s", (_, change, path, message) => {
    const answer = validate(change);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      valid: false,
      problems: [
        { code: "INVALID_FIELD", path, message: expect.stringMatching(message) as string },
      ],
      warnings: [],
    });
  });

  it("reports one problem per bad field, and no rules", () => {
    const answer = validate((a) => {
      delete a.title;
      a.cofinancingSek = "0";
      a.focusAreas = ["PEACE"];
      a.partners[1].name = "";
      a.declarations.nonProfit = false; // a rule problem: not reported while the shape is wrong
    });
    expect(answer.status).toBe(400);
    expect(answer.body.problems.map((p) => p.path).sort()).toEqual([
      "cofinancingSek",
      "focusAreas.0",
      "partners.1.name",
      "title",
    ]);
    expect(answer.body.problems.every((p) => p.code === "INVALID_FIELD")).toBe(true);
  });

  it.each([null, [], "text", 42, true])("refuses %j, which is not an object", (value) => {
    expect(validateApplication(value)).toEqual({
      status: 400,
      body: {
        valid: false,
        problems: [{ code: "INVALID_FIELD", path: "", message: expect.any(String) as string }],
        warnings: [],
      },
    });
  });

  it("reports every field of an empty object as missing", () => {
    const answer = validateApplication({});
    expect(answer.status).toBe(400);
    expect(answer.body.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(["track", "applicant", "partners", "requestedSek"]),
    );
    expect(answer.body.problems.every((p) => MISSING.test(p.message))).toBe(true);
  });
});

describe("what the shape leaves to the rules (answered 200)", () => {
  it.each(TRACK_VARIANTS)("accepts the valid %s / %s", (track, variant) => {
    expect(parseApplicationPayload(validApplication(track, variant))).toEqual({
      ok: true,
      data: validApplication(track, variant),
    });
  });

  it.each<[string, (a: Json) => unknown, string]>([
    ["a negative amount", (a: Json) => (a.cofinancingSek = -5), "AMOUNT_INVALID"],
    ["a fractional amount", (a: Json) => (a.budget[0].amountSek = 10.5), "AMOUNT_INVALID"],
    ["a variant on the wrong track", (a: Json) => (a.variant = "NEW"), "VARIANT_MISMATCH"],
    [
      "a need basis without its parts",
      (a: Json) => {
        a.track = "INTERVENTION";
        a.variant = null;
        a.needBasis = {};
      },
      "NEED_BASIS_REQUIRED",
    ],
    [
      "a malformed organisation number",
      (a: Json) => (a.applicant.orgNumber = "802456"),
      "ORG_NUMBER_INVALID",
    ],
    [
      "an unknown municipality code",
      (a: Json) => (a.areas[0].municipalityCode = "12"),
      "MUNICIPALITY_UNKNOWN",
    ],
    ["empty lists", (a: Json) => (a.areas = []), "AREA_REQUIRED"],
    [
      "an empty strategic framework",
      (a: Json) => (a.strategicFramework = ""),
      "STRATEGIC_FRAMEWORK_REQUIRED",
    ],
    [
      "an empty partner activity",
      (a: Json) => (a.partners[0].activities = ""),
      "PARTNER_ACTIVITIES_REQUIRED",
    ],
    [
      "a signed letter with empty parts",
      (a: Json) =>
        Object.assign(a.partners[0].letterOfIntent, {
          competences: null,
          from: null,
          signedBy: null,
        }),
      "LETTER_OF_INTENT_INCOMPLETE",
    ],
  ] as const)("%s is a rule problem, not a shape problem", (_, change, code) => {
    const answer = validate(change);
    expect(answer.status).toBe(200);
    expect(answer.body.valid).toBe(false);
    expect(answer.body.problems.map((p) => p.code)).toContain(code);
  });

  it("allows null exactly where docs/domain.md §3 allows it", () => {
    const app = changed(validApplication("INTERVENTION", null), (a) => {
      Object.assign(a, { variant: null, previousGrantReference: null, strategicFramework: null });
      a.partners[1].orgNumber = null;
      a.partners[1].letterOfIntent = null;
    });
    expect(validateApplication({ ...app, needBasis: null }, { today: TODAY }).status).toBe(200);
    expect(validateApplication(app, { today: TODAY }).status).toBe(200);
  });

  it("ignores fields the contract does not have", () => {
    const answer = validateApplication({ ...payload(), comment: "extra" }, { today: TODAY });
    expect(answer).toEqual({ status: 200, body: { valid: true, problems: [], warnings: [] } });
  });
});

describe("robustness", () => {
  it("answers 200 or 400, and never throws, whatever JSON it gets", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        expect([200, 400]).toContain(validateApplication(json, { today: TODAY }).status);
      }),
    );
  });

  it("gives INVALID_FIELD at the right path whatever a single field is replaced with", () => {
    const fields = Object.keys(payload());
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.jsonValue(), (field, value) => {
        const answer = validateApplication({ ...payload(), [field]: value }, { today: TODAY });
        if (answer.status === 400)
          for (const p of answer.body.problems) expect(p.path.split(".")[0]).toBe(field);
      }),
    );
  });
});

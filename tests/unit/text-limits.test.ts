import { describe, expect, it } from "vitest";
import { formatNumber, parseWholeNumber, showWholeNumber } from "@/lib/domain/format";
import { LetterRequest, PART_SCHEMAS, PartnerDecline, TEXT_LIMITS } from "@/lib/validation/draft";
import { REPORT_TEXT_LIMIT, ReportInput } from "@/lib/validation/follow-up";
import { CommentInput } from "@/lib/validation/review";
import { tooLongMessage } from "@/lib/validation/text";

const NBSP = "\u00a0";

describe("numbers grouped the Swedish way", () => {
  it.each([
    [0, "sv", "0"],
    [200, "sv", "200"],
    [2_000, "sv", `2${NBSP}000`],
    [10_000, "sv", `10${NBSP}000`],
    [1_234_567, "sv", `1${NBSP}234${NBSP}567`],
    [10_000, "en", "10,000"],
  ] as const)("%d in %s → %s", (n, locale, text) => {
    expect(formatNumber(n, locale)).toBe(text);
  });

  it.each([
    [200, "Texten får vara högst 200 tecken. Korta den."],
    [2_000, `Texten får vara högst 2${NBSP}000 tecken. Korta den.`],
    [10_000, `Texten får vara högst 10${NBSP}000 tecken. Korta den.`],
  ])("says the limit %d in the message", (max, message) => {
    expect(tooLongMessage(max)).toBe(message);
  });
});

describe("the limits the forms count against are the schemas' limits", () => {
  const basics = {
    track: null,
    variant: null,
    title: "",
    summary: "",
    focusAreas: [],
    periodStart: "",
    periodEnd: "",
    contactName: "",
    contactEmail: "",
    contactPhone: "",
  };
  const implementation = {
    methods: [],
    previousGrantReference: "",
    strategicFramework: "",
    genderEqualityPerspective: "",
    longTermPlan: "",
  };
  const area = { areas: [], needsDescription: "", needBasisKind: null, needBasisDescription: "" };
  const partner = {
    name: "",
    orgNumber: "",
    sector: "MUNICIPALITY",
    localAnchoring: false,
    role: "",
    activities: "",
    contactName: "",
    contactEmail: "",
  };
  const budget = { budget: [], cofinancingSek: 0, otherFunding: [], stateAid: null };
  const funding = { funder: "", purpose: "", amountSek: 0, status: "APPLIED", decisionDate: "" };
  const line = { year: 2027, category: "STAFF", amountSek: 0, description: "" };

  // [limit, a part's data with the text put in the field, the schema]
  const CASES: [keyof typeof TEXT_LIMITS, (s: string) => unknown, { safeParse: Parse }][] = [
    ["title", (s) => ({ ...basics, title: s }), PART_SCHEMAS.grunduppgifter],
    ["summary", (s) => ({ ...basics, summary: s }), PART_SCHEMAS.grunduppgifter],
    [
      "areaName",
      (s) => ({ ...area, areas: [{ municipalityCode: "0180", name: s }] }),
      PART_SCHEMAS.omrade,
    ],
    ["needsDescription", (s) => ({ ...area, needsDescription: s }), PART_SCHEMAS.omrade],
    ["needBasisDescription", (s) => ({ ...area, needBasisDescription: s }), PART_SCHEMAS.omrade],
    ...(
      [
        "previousGrantReference",
        "strategicFramework",
        "genderEqualityPerspective",
        "longTermPlan",
      ] as const
    ).map((field): (typeof CASES)[number] => [
      field,
      (s) => ({ ...implementation, [field]: s }),
      PART_SCHEMAS.genomforande,
    ]),
    ...(
      [
        ["partnerName", "name"],
        ["partnerOrgNumber", "orgNumber"],
        ["partnerRole", "role"],
        ["partnerActivities", "activities"],
        ["partnerContactName", "contactName"],
      ] as const
    ).map(([limit, field]): (typeof CASES)[number] => [
      limit,
      (s) => ({ partners: [{ ...partner, [field]: s }] }),
      PART_SCHEMAS.partner,
    ]),
    [
      "budgetDescription",
      (s) => ({ ...budget, budget: [{ ...line, description: s }] }),
      PART_SCHEMAS.budget,
    ],
    [
      "funder",
      (s) => ({ ...budget, otherFunding: [{ ...funding, funder: s }] }),
      PART_SCHEMAS.budget,
    ],
    [
      "fundingPurpose",
      (s) => ({ ...budget, otherFunding: [{ ...funding, purpose: s }] }),
      PART_SCHEMAS.budget,
    ],
    ["letterCompetences", (s) => ({ ...letter, competences: s }), LetterRequest],
    ["letterContactName", (s) => ({ ...letter, contactName: s }), LetterRequest],
    ["declineReason", (s) => ({ reason: s }), PartnerDecline],
  ];

  it.each(CASES)("%s", (limit, withText, schema) => {
    const max = TEXT_LIMITS[limit];
    expect(schema.safeParse(withText("a".repeat(max))).success).toBe(true);
    const tooLong = schema.safeParse(withText("a".repeat(max + 1)));
    expect(tooLong.success).toBe(false);
    expect(tooLong.error?.issues.map((i) => i.message)).toContain(tooLongMessage(max));
  });

  it("holds for the report and the officers' comments too", () => {
    const over = ReportInput.shape.whatWasDone.safeParse("a".repeat(REPORT_TEXT_LIMIT + 1));
    expect(over.error?.issues[0].message).toBe(
      `Texten får vara högst 20${NBSP}000 tecken. Korta den.`,
    );
    const comment = CommentInput.safeParse({ body: "a".repeat(5_001) });
    expect(comment.error?.issues[0].message).toBe(
      `Texten får vara högst 5${NBSP}000 tecken. Korta den.`,
    );
  });
});

type Parse = (v: unknown) => {
  success: boolean;
  error?: { issues: { message: string }[] };
};
const letter = {
  competences: "Kunskap.",
  resources: "Lokal.",
  from: "2027-01-01",
  to: "2027-12-31",
  contactName: "Anna",
  contactEmail: "anna@kommun.se",
};

describe("a whole number as typed in its field", () => {
  it.each([
    ["", null, null],
    ["", 0, 0],
    ["   ", null, null],
    ["0", null, 0],
    ["0", 0, 0],
    ["150000", null, 150_000],
    ["150 000", null, 150_000],
    [`1${NBSP}200${NBSP}000`, 0, 1_200_000],
    ["-5", null, -5],
    ["1.5", null, 1.5],
  ] as const)("%j (empty means %s) → %s", (text, empty, value) => {
    expect(parseWholeNumber(text, empty)).toBe(value);
  });

  it.each(["abc", "1,5", "12kr", "1 2a"])("%j is not a number", (text) => {
    expect(parseWholeNumber(text, null)).toBeNaN();
  });

  it.each([
    [0, "0"],
    [150_000, "150000"],
    [null, ""],
    [undefined, ""],
    [Number.NaN, ""],
  ])("%s is shown as %j (a typed 0 stays 0, nothing stays empty)", (value, text) => {
    expect(showWholeNumber(value)).toBe(text);
  });

  it.each(["0", "", "42", "1 000"])("reads back what it shows: %j", (text) => {
    const value = parseWholeNumber(text, null);
    expect(parseWholeNumber(showWholeNumber(value), null)).toBe(value);
  });
});

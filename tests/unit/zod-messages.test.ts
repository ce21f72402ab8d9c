import { describe, expect, it } from "vitest";
import { z } from "@/lib/validation/zod";
import { zodErrorMessage } from "@/lib/validation/error-map";
import { RoundInput } from "@/lib/validation/round";
import {
  CompletionRequestInput,
  ConflictInput,
  DecisionInput,
  FormalCheckInput,
  ProposalInput,
  ReviewInput,
} from "@/lib/validation/review";
import { StaffInviteInput, AcceptStaffInvitationInput } from "@/lib/validation/users";
import { RegisterInput, SignInInput } from "@/lib/validation/auth";
import { OrganisationInput, InviteMemberInput } from "@/lib/validation/organisation";
import { ReportInput, RepaymentInput } from "@/lib/validation/follow-up";

// Every validation message a person can meet is Swedish (docs/domain.md, language): a schema's
// own words, or the one error map of lib/validation/error-map.ts, never zod's English.

const ENGLISH =
  /\b(invalid|expected|required|received|must|should|string|number|boolean|undefined|null|array|object|too (big|small)|input|option|characters?|greater|less|than|enter)\b/i;

function messages(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  expect(result.success, `${JSON.stringify(input)} should be refused`).toBe(false);
  return result.success ? [] : result.error.issues.map((i) => i.message);
}

const expectSwedish = (texts: string[]) => {
  expect(texts.length).toBeGreaterThan(0);
  for (const text of texts) {
    expect(text.trim(), "an empty message").not.toBe("");
    expect(text, `"${text}" is not Swedish`).not.toMatch(ENGLISH);
  }
};

// Bare schemas that say nothing themselves: what the map answers for each kind of problem.
const BARE: [string, z.ZodType, unknown][] = [
  ["missing text", z.object({ a: z.string() }), {}],
  ["text of the wrong type", z.string(), 12],
  ["too short", z.string().min(5), "abc"],
  ["empty where one character is needed", z.string().min(1), ""],
  ["too long", z.string().max(3), "abcdef"],
  ["missing number", z.object({ n: z.number() }), {}],
  ["number of the wrong type", z.number(), "tolv"],
  ["not a number", z.number(), Number.NaN],
  ["not a whole number", z.number().int(), 1.5],
  ["number below the least", z.number().min(1), 0],
  ["number not above", z.number().gt(0), 0],
  ["number above the most", z.number().max(5), 6],
  ["number not below", z.number().lt(5), 5],
  ["multiple of", z.number().multipleOf(5), 7],
  ["enum", z.enum(["A", "B"]), "C"],
  ["literal", z.literal("A"), "B"],
  ["boolean", z.boolean(), "ja"],
  ["date text", z.iso.date(), "15/1 2027"],
  ["date and time text", z.iso.datetime(), "i morgon"],
  ["date object", z.date(), "2027-01-15"],
  ["date too early", z.date().min(new Date("2027-01-01")), new Date("2026-01-01")],
  ["date too late", z.date().max(new Date("2027-01-01")), new Date("2028-01-01")],
  ["e-mail", z.email(), "inte-en-adress"],
  ["url", z.url(), "inte en adress"],
  ["regex", z.string().regex(/^\d+$/), "abc"],
  ["starts with", z.string().startsWith("SE"), "NO"],
  ["list too short", z.array(z.string()).min(2), ["a"]],
  ["list empty", z.array(z.string()).min(1), []],
  ["list too long", z.array(z.string()).max(1), ["a", "b"]],
  ["list of the wrong type", z.array(z.string()), "a"],
  ["element of a list", z.array(z.number()), ["a"]],
  ["unknown keys", z.strictObject({ a: z.string() }), { a: "x", b: "y" }],
  ["union", z.union([z.string(), z.number()]), true],
  [
    "discriminated union",
    z.discriminatedUnion("kind", [z.object({ kind: z.literal("A") })]),
    { kind: "B" },
  ],
  ["record key", z.record(z.enum(["A"]), z.string()), { B: "x" }],
  ["refine", z.string().refine((v) => v === "x"), "y"],
  ["bigint", z.bigint(), 1],
];

describe("the Swedish error map", () => {
  it.each(BARE)("speaks Swedish for %s", (_, schema, input) => {
    expectSwedish(messages(schema, input));
  });

  it("has an English text for every kind of problem", () => {
    for (const [, schema, input] of BARE) {
      const result = schema.safeParse(input);
      if (result.success) continue;
      for (const issue of result.error.issues) {
        const en = zodErrorMessage({ ...issue, input } as never, "en");
        expect(en).not.toMatch(/^(Invalid|Expected)/);
        expect(en.length).toBeGreaterThan(5);
      }
    }
  });

  it("says what to do, not only that something is wrong", () => {
    expect(messages(z.object({ a: z.string() }), {})).toEqual(["Fyll i uppgiften."]);
    expect(messages(z.string().max(2_000), "x".repeat(2_001))).toEqual([
      "Skriv högst 2\u00a0000 tecken.",
    ]);
    expect(messages(z.number().int(), 1.5)).toEqual(["Ange ett heltal, utan decimaler."]);
  });
});

// The schemas of the product, each fed input that breaks it in several ways at once.
const SCHEMAS: [string, z.ZodType, unknown[]][] = [
  [
    "RoundInput",
    RoundInput,
    [
      {},
      { title: 5, year: "i år", budgetSek: -1, acceptedTracks: ["X"], reviewsRequired: 0 },
      { title: "x".repeat(300), year: 1999, reviewsRequired: 9, longestPeriodMonths: 61.5 },
    ],
  ],
  ["ReviewInput", ReviewInput, [{}, { scores: [{ criterion: "X", score: 9 }] }]],
  ["DecisionInput", DecisionInput, [{}, { action: "MAYBE" }, { action: "APPROVE" }]],
  ["ProposalInput", ProposalInput, [{}, { outcome: "APPROVED", amountSek: "mycket" }]],
  ["ConflictInput", ConflictInput, [{}, { hasConflict: true }]],
  ["FormalCheckInput", FormalCheckInput, [{}, { passed: "ja", note: 3 }]],
  ["CompletionRequestInput", CompletionRequestInput, [{}, { message: "kort", dueDate: "snart" }]],
  ["StaffInviteInput", StaffInviteInput, [{}, { name: "", email: "x", roles: ["KING"] }]],
  ["AcceptStaffInvitationInput", AcceptStaffInvitationInput, [{}, { password: "kort" }]],
  ["SignInInput", SignInInput, [{}, { email: 1, password: null }]],
  ["RegisterInput", RegisterInput, [{}, { email: "x", password: "y" }]],
  ["OrganisationInput", OrganisationInput, [{}, { orgNumber: "12", name: "" }]],
  ["InviteMemberInput", InviteMemberInput, [{}, { email: "x" }]],
  ["ReportInput", ReportInput, [{}, { meetingsHeld: -1.5, spending: { X: "a" } }]],
  ["RepaymentInput", RepaymentInput, [{}, { amountSek: "mycket" }]],
];

describe.each(SCHEMAS)("%s", (_, schema, inputs) => {
  it.each(inputs.map((input) => [JSON.stringify(input), input]))(
    "answers %s in Swedish",
    (_, input) => {
      expectSwedish(messages(schema, input));
    },
  );
});

it("says at the field which decision to choose, when none is chosen", () => {
  const result = DecisionInput.safeParse({ reasons: "Motivering som är lång nog." });
  expect(result.success).toBe(false);
  expect(result.error?.issues).toEqual([
    expect.objectContaining({
      path: ["action"],
      message: "Välj ett beslut: bevilja, avslå eller skicka tillbaka.",
    }),
  ]);
});

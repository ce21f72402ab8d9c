// The application contract of docs/domain.md §3: the JSON shape of the validation API, of imports and of
// every frozen version. Shape only — the rules of docs/domain.md §4 live in lib/domain/rules.ts.
// A wrongly shaped payload gives INVALID_FIELD problems with dotted paths and Swedish messages.
import { z } from "./zod";
import { isIsoDate } from "@/lib/domain/dates";

export const TRACKS = ["KNOWLEDGE", "COLLABORATION", "INTERVENTION"] as const;
export const VARIANTS = ["NEW", "FOLLOW_UP", "COORDINATION", "EXPLORATORY"] as const;
export const LEGAL_FORMS = [
  "NONPROFIT_ASSOCIATION",
  "FOUNDATION",
  "RELIGIOUS_COMMUNITY",
  "ECONOMIC_ASSOCIATION",
  "COMPANY",
  "MUNICIPALITY",
  "REGION",
  "GOVERNMENT_AGENCY",
  "OTHER",
] as const;
export const DECLARATIONS = [
  "independent",
  "nonProfit",
  "respectsDemocracy",
  "noDebtsToEnforcementAuthority",
  "notInLiquidation",
] as const;
export const FUNDING_STATUSES = ["APPLIED", "GRANTED"] as const;
export const SECTORS = [
  "CIVIL_SOCIETY",
  "MUNICIPALITY",
  "REGION",
  "DISTRICT_ADMINISTRATION",
  "GOVERNMENT_AGENCY",
  "BUSINESS",
  "ACADEMIA",
  "PROPERTY_OWNER",
  "OTHER",
] as const;
export const FOCUS_AREAS = [
  "DEMOCRACY",
  "EDUCATION",
  "WORK",
  "HOUSING",
  "HEALTH",
  "SAFETY",
  "GENDER_EQUALITY",
  "LEISURE",
  "MEETING_PLACES",
] as const;
export const METHODS = [
  "WORKSHOP",
  "CONSULTATION",
  "WALK_AND_TALK",
  "SEMINAR",
  "SURVEY",
  "INTERVIEW",
  "RESEARCH_REVIEW",
  "OTHER",
] as const;
export const NEED_BASIS_KINDS = ["COLLABORATION", "KNOWLEDGE"] as const;
export const BUDGET_CATEGORIES = [
  "STAFF",
  "PREMISES",
  "ACTIVITIES",
  "SERVICES",
  "ADMINISTRATION",
  "OTHER",
] as const;
export const LETTER_STATUSES = ["PENDING", "SIGNED", "DECLINED"] as const;

export type Track = (typeof TRACKS)[number];
export type Variant = (typeof VARIANTS)[number];
export type LegalForm = (typeof LEGAL_FORMS)[number];
export type DeclarationName = (typeof DECLARATIONS)[number];
export type FundingStatus = (typeof FUNDING_STATUSES)[number];
export type Sector = (typeof SECTORS)[number];
export type FocusArea = (typeof FOCUS_AREAS)[number];
export type Method = (typeof METHODS)[number];
export type NeedBasisKind = (typeof NEED_BASIS_KINDS)[number];
export type BudgetCategory = (typeof BUDGET_CATEGORIES)[number];
export type LetterStatus = (typeof LETTER_STATUSES)[number];

const EMPTY_TEXT = "empty_text";
const BAD_DATE = "bad_date";

/** Text that must not be empty (after trimming). */
const requiredText = z.string().refine((s) => s.trim().length > 0, { message: EMPTY_TEXT });
const isoDate = z.string().refine(isIsoDate, { message: BAD_DATE });
/** Amounts are any JSON number: negative or fractional ones are the rule AMOUNT_INVALID, not a shape error. */
const amount = z.number();
/** The longest lists an application may hold (docs/domain.md §3): enough for any real project. */
const LIST_LIMITS = {
  areas: 50,
  partners: 30,
  budget: 200,
  otherFunding: 30,
  methods: 30,
  focusAreas: 30,
} as const;
const TOO_MANY = "too_many";
const list = <T extends z.ZodType>(item: T, max: number) =>
  z.array(item).max(max, { message: TOO_MANY });

const LetterOfIntentSchema = z.object({
  status: z.enum(LETTER_STATUSES),
  // Every field is there, but a letter still waiting for its answer has nothing to put in them,
  // and a signed letter lacking them is the rule LETTER_OF_INTENT_INCOMPLETE: so they may be null.
  competences: z.string().nullable(),
  resources: z.string().nullable(),
  from: isoDate.nullable(),
  to: isoDate.nullable(),
  signedBy: z.string().nullable(),
  signedAt: isoDate.nullable(),
});

const PartnerSchema = z.object({
  name: requiredText,
  orgNumber: z.string().nullable(),
  sector: z.enum(SECTORS),
  localAnchoring: z.boolean(),
  role: requiredText,
  activities: z.string(),
  letterOfIntent: LetterOfIntentSchema.nullable(),
});

const ApplicationSchema = z.object({
  track: z.enum(TRACKS),
  variant: z.enum(VARIANTS).nullable(),
  previousGrantReference: z.string().nullable(),
  applicant: z.object({
    name: requiredText,
    orgNumber: z.string(),
    legalForm: z.enum(LEGAL_FORMS),
    municipalityCode: z.string(),
    foundedOn: isoDate,
  }),
  declarations: z.object({
    independent: z.boolean(),
    nonProfit: z.boolean(),
    respectsDemocracy: z.boolean(),
    noDebtsToEnforcementAuthority: z.boolean(),
    notInLiquidation: z.boolean(),
  }),
  otherFunding: list(
    z.object({
      funder: z.string(),
      purpose: z.string(),
      amountSek: amount,
      status: z.enum(FUNDING_STATUSES),
      decisionDate: isoDate,
    }),
    LIST_LIMITS.otherFunding,
  ),
  stateAid: z.boolean(),
  title: requiredText,
  summary: requiredText,
  areas: list(z.object({ municipalityCode: z.string(), name: z.string() }), LIST_LIMITS.areas),
  focusAreas: list(z.enum(FOCUS_AREAS), LIST_LIMITS.focusAreas),
  needsDescription: requiredText,
  // The rule NEED_BASIS_REQUIRED judges an incomplete need basis, so its parts may be missing here.
  needBasis: z
    .object({ kind: z.enum(NEED_BASIS_KINDS).nullish(), description: z.string().nullish() })
    .nullable(),
  strategicFramework: z.string().nullable(),
  methods: list(z.enum(METHODS), LIST_LIMITS.methods),
  genderEqualityPerspective: requiredText,
  longTermPlan: requiredText,
  period: z.object({ start: isoDate, end: isoDate }),
  budget: list(
    z.object({
      year: z.number().int(),
      category: z.enum(BUDGET_CATEGORIES),
      amountSek: amount,
      description: z.string(),
    }),
    LIST_LIMITS.budget,
  ),
  cofinancingSek: amount,
  requestedSek: amount,
  partners: list(PartnerSchema, LIST_LIMITS.partners),
});

export type ApplicationContract = z.infer<typeof ApplicationSchema>;
export type PartnerContract = z.infer<typeof PartnerSchema>;
export type LetterOfIntentContract = z.infer<typeof LetterOfIntentSchema>;

export type ShapeProblem = { code: "INVALID_FIELD"; path: string; message: string };
export type ParseResult =
  { ok: true; data: ApplicationContract } | { ok: false; problems: ShapeProblem[] };

function messageFor(issue: z.core.$ZodIssue): string {
  if (issue.message === EMPTY_TEXT) return "Fyll i fältet. Det får inte vara tomt.";
  if (issue.message === TOO_MANY && issue.code === "too_big")
    return `Listan får ha högst ${String(issue.maximum)} poster. Ta bort några.`;
  if (issue.message === BAD_DATE) return "Ange ett datum som ÅÅÅÅ-MM-DD, till exempel 2027-01-01.";
  if ("input" in issue && issue.input === undefined)
    return "Fältet saknas. Lägg till det i ansökan.";
  switch (issue.code) {
    case "invalid_type": {
      if (issue.input === null) return "Fältet får inte vara null. Ange ett värde.";
      if (issue.expected === "number" && String(issue.path.at(-1)).endsWith("Sek")) {
        return "Ange ett belopp i hela kronor som ett tal, utan citattecken, till exempel 350000.";
      }
      const expected: Record<string, string> = {
        number: "Ange ett tal, utan citattecken.",
        int: "Ange ett heltal, till exempel 2027.",
        string: "Ange en text.",
        boolean: "Ange true eller false.",
        array: "Ange en lista.",
        object: "Ange ett objekt med fält.",
      };
      return expected[issue.expected] ?? `Fel typ av värde: ${issue.expected} förväntas.`;
    }
    case "invalid_value":
      return `Välj ett av de tillåtna värdena: ${issue.values.map(String).join(", ")}.`;
    default:
      return "Värdet har fel form.";
  }
}

/** Checks the shape of a payload; every bad field gives its own INVALID_FIELD problem. */
export function parseApplicationPayload(json: unknown): ParseResult {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return {
      ok: false,
      problems: [
        { code: "INVALID_FIELD", path: "", message: "Skicka ansökan som ett JSON-objekt." },
      ],
    };
  }
  const result = ApplicationSchema.safeParse(json, { reportInput: true });
  if (result.success) return { ok: true, data: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({
      code: "INVALID_FIELD",
      path: issue.path.map(String).join("."),
      message: messageFor(issue),
    })),
  };
}

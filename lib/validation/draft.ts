// What each part of the application wizard saves. Drafts may be unfinished, so these schemas
// check only types and formats; the rules (lib/domain/rules.ts) say what is still missing.
// The same schemas run in the browser before saving and in the service that saves.
import { z } from "./zod";
import {
  BUDGET_CATEGORIES,
  FOCUS_AREAS,
  FUNDING_STATUSES,
  METHODS,
  NEED_BASIS_KINDS,
  SECTORS,
  TRACKS,
  VARIANTS,
} from "./application";
import { limitedText as text } from "./text";
import { contactFields } from "./people";

/**
 * The longest text each field takes, in characters. The schemas below and the forms' character
 * counts (`maxChars`) both read them from here.
 */
export const TEXT_LIMITS = {
  title: 200,
  summary: 2_000,
  areaName: 200,
  needsDescription: 10_000,
  needBasisDescription: 10_000,
  previousGrantReference: 50,
  strategicFramework: 10_000,
  genderEqualityPerspective: 10_000,
  longTermPlan: 10_000,
  partnerName: 300,
  partnerOrgNumber: 20,
  partnerRole: 10_000,
  partnerActivities: 10_000,
  partnerContactName: 200,
  budgetDescription: 500,
  funder: 300,
  fundingPurpose: 500,
  letterCompetences: 10_000,
  letterResources: 10_000,
  letterContactName: 200,
  letterSignedBy: 300,
  declineReason: 2_000,
  /** Not a schema: the withdrawal's reason is cut to this length by its action. */
  withdrawReason: 2_000,
} as const;
const L = TEXT_LIMITS;
const optionalDate = z.union([
  z.literal(""),
  z.iso.date({ error: "Ange datumet som ÅÅÅÅ-MM-DD, till exempel 2027-01-01." }),
]);
const wholeKronor = z
  .number({ error: "Ange beloppet i hela kronor med siffror, till exempel 150 000." })
  .int("Ange beloppet i hela kronor, utan decimaler.")
  .min(0, "Beloppet kan inte vara negativt.")
  .max(1_000_000_000, "Beloppet är orimligt stort. Kontrollera antalet nollor.");

const BasicsPart = z.object({
  track: z.enum(TRACKS).nullable(),
  variant: z.enum(VARIANTS).nullable(),
  title: text(L.title),
  summary: text(L.summary),
  focusAreas: z.array(z.enum(FOCUS_AREAS)),
  periodStart: optionalDate,
  periodEnd: optionalDate,
  // The contact person is not part of the application's contract (docs/domain.md §3): officers
  // need it, the rules do not judge it.
  ...contactFields,
});

const AreaPart = z.object({
  areas: z
    .array(z.object({ municipalityCode: z.string().max(4), name: text(L.areaName) }))
    .max(20, "Ange högst 20 områden."),
  needsDescription: text(L.needsDescription),
  needBasisKind: z.enum(NEED_BASIS_KINDS).nullable(),
  needBasisDescription: text(L.needBasisDescription),
});

const ImplementationPart = z.object({
  methods: z.array(z.enum(METHODS)),
  previousGrantReference: text(L.previousGrantReference),
  strategicFramework: text(L.strategicFramework),
  genderEqualityPerspective: text(L.genderEqualityPerspective),
  longTermPlan: text(L.longTermPlan),
});

const PartnerDraft = z.object({
  // Given by the browser when the partner is added (crypto.randomUUID), or the saved row's id.
  id: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,64}$/)
    .optional(),
  name: text(L.partnerName),
  orgNumber: text(L.partnerOrgNumber),
  sector: z.enum(SECTORS, { error: "Välj vilken sektor partnern tillhör." }),
  localAnchoring: z.boolean(),
  role: text(L.partnerRole),
  activities: text(L.partnerActivities),
  contactName: text(L.partnerContactName),
  contactEmail: z.union([
    z.literal(""),
    z.string().trim().email("Ange kontaktpersonens e-postadress, till exempel namn@kommun.se."),
  ]),
});
const PartnersPart = z.object({
  partners: z.array(PartnerDraft).max(30, "Ange högst 30 partner."),
});

const BudgetPart = z.object({
  budget: z
    .array(
      z.object({
        year: z.number().int().min(2000).max(2100),
        category: z.enum(BUDGET_CATEGORIES),
        amountSek: wholeKronor,
        description: text(L.budgetDescription),
      }),
    )
    .max(200),
  cofinancingSek: wholeKronor,
  otherFunding: z
    .array(
      z.object({
        funder: text(L.funder),
        purpose: text(L.fundingPurpose),
        amountSek: wholeKronor,
        status: z.enum(FUNDING_STATUSES),
        decisionDate: optionalDate,
      }),
    )
    .max(30),
  stateAid: z.boolean().nullable(),
});

const DeclarationsPart = z.object({
  declarations: z.object({
    independent: z.boolean(),
    nonProfit: z.boolean(),
    respectsDemocracy: z.boolean(),
    noDebtsToEnforcementAuthority: z.boolean(),
    notInLiquidation: z.boolean(),
  }),
  foundedOn: optionalDate,
});

export const PART_SCHEMAS = {
  grunduppgifter: BasicsPart,
  omrade: AreaPart,
  genomforande: ImplementationPart,
  partner: PartnersPart,
  budget: BudgetPart,
  intyganden: DeclarationsPart,
} as const;
export type PartName = keyof typeof PART_SCHEMAS;
export type PartData<P extends PartName> = z.infer<(typeof PART_SCHEMAS)[P]>;

/** What the partner commits to; the applicant writes it, the partner confirms it (or it stands in an uploaded letter). */
const letterTerms = {
  competences: text(L.letterCompetences).refine(
    (s) => s.trim() !== "",
    "Beskriv vilken kompetens partnern bidrar med.",
  ),
  resources: text(L.letterResources).refine(
    (s) => s.trim() !== "",
    "Beskriv vilka resurser partnern bidrar med.",
  ),
  from: z.iso.date({ error: "Ange från vilket datum partnern deltar, till exempel 2027-01-01." }),
  to: z.iso.date({ error: "Ange till vilket datum partnern deltar, till exempel 2029-12-31." }),
};
const periodInOrder = { path: ["to"], message: "Slutdatumet ligger före startdatumet." };

export const LetterRequest = z
  .object({
    ...letterTerms,
    contactName: text(L.letterContactName).refine(
      (s) => s.trim() !== "",
      "Ange kontaktpersonens namn.",
    ),
    contactEmail: z
      .string()
      .trim()
      .email("Ange kontaktpersonens e-postadress, till exempel namn@kommun.se."),
  })
  .refine((v) => v.to >= v.from, periodInOrder);

export const LetterUpload = z
  .object({
    ...letterTerms,
    signedBy: text(L.letterSignedBy).refine(
      (s) => s.trim() !== "",
      "Ange namn och titel på den som har skrivit under.",
    ),
    signedAt: z.iso.date({ error: "Ange datumet då avsiktsförklaringen skrevs under." }),
  })
  .refine((v) => v.to >= v.from, periodInOrder);

export const PartnerConfirmation = z.object({
  signedBy: text(L.letterSignedBy).refine(
    (s) => s.trim().length > 2,
    "Skriv ditt namn och din titel, till exempel Anna Andersson, avdelningschef.",
  ),
  confirm: z.literal(true, { error: "Kryssa i att du bekräftar avsiktsförklaringen." }),
});

export const WithdrawalInput = z.object({
  reason: text(L.withdrawReason),
});

export const PartnerDecline = z.object({
  reason: text(L.declineReason).refine((s) => s.trim().length > 2, "Skriv kort varför ni avböjer."),
});

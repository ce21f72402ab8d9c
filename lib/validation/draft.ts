// What each part of the application wizard saves. Drafts may be unfinished, so these schemas
// check only types and formats; the rules (lib/domain/rules.ts) say what is still missing.
// The same schemas run in the browser before saving and in the service that saves.
import { z } from "zod";
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

const text = (max = 10_000) => z.string().max(max, `Texten får vara högst ${max} tecken.`);
const optionalDate = z.union([
  z.literal(""),
  z.iso.date({ error: "Ange datumet som ÅÅÅÅ-MM-DD, till exempel 2027-01-01." }),
]);
const wholeKronor = z
  .number({ error: "Ange beloppet i hela kronor med siffror, till exempel 150000." })
  .int("Ange beloppet i hela kronor, utan decimaler.")
  .min(0, "Beloppet kan inte vara negativt.")
  .max(1_000_000_000, "Beloppet är orimligt stort. Kontrollera antalet nollor.");

const BasicsPart = z.object({
  track: z.enum(TRACKS).nullable(),
  variant: z.enum(VARIANTS).nullable(),
  title: text(200),
  summary: text(2_000),
  focusAreas: z.array(z.enum(FOCUS_AREAS)),
  periodStart: optionalDate,
  periodEnd: optionalDate,
});

const AreaPart = z.object({
  areas: z
    .array(z.object({ municipalityCode: z.string().max(4), name: text(200) }))
    .max(20, "Ange högst 20 områden."),
  needsDescription: text(),
  needBasisKind: z.enum(NEED_BASIS_KINDS).nullable(),
  needBasisDescription: text(),
});

const ImplementationPart = z.object({
  methods: z.array(z.enum(METHODS)),
  previousGrantReference: text(50),
  strategicFramework: text(),
  genderEqualityPerspective: text(),
  longTermPlan: text(),
});

const PartnerDraft = z.object({
  id: z.string().optional(),
  name: text(300),
  orgNumber: text(20),
  sector: z.enum(SECTORS, { error: "Välj vilken sektor partnern tillhör." }),
  localAnchoring: z.boolean(),
  role: text(),
  activities: text(),
  contactName: text(200),
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
        description: text(500),
      }),
    )
    .max(200),
  cofinancingSek: wholeKronor,
  otherFunding: z
    .array(
      z.object({
        funder: text(300),
        purpose: text(500),
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
  competences: text().refine(
    (s) => s.trim() !== "",
    "Beskriv vilken kompetens partnern bidrar med.",
  ),
  resources: text().refine((s) => s.trim() !== "", "Beskriv vilka resurser partnern bidrar med."),
  from: z.iso.date({ error: "Ange från vilket datum partnern deltar, till exempel 2027-01-01." }),
  to: z.iso.date({ error: "Ange till vilket datum partnern deltar, till exempel 2029-12-31." }),
};
const periodInOrder = { path: ["to"], message: "Slutdatumet ligger före startdatumet." };

export const LetterRequest = z
  .object({
    ...letterTerms,
    contactName: text(200).refine((s) => s.trim() !== "", "Ange kontaktpersonens namn."),
    contactEmail: z
      .string()
      .trim()
      .email("Ange kontaktpersonens e-postadress, till exempel namn@kommun.se."),
  })
  .refine((v) => v.to >= v.from, periodInOrder);

export const LetterUpload = z
  .object({
    ...letterTerms,
    signedBy: text(300).refine(
      (s) => s.trim() !== "",
      "Ange namn och titel på den som har skrivit under.",
    ),
    signedAt: z.iso.date({ error: "Ange datumet då avsiktsförklaringen skrevs under." }),
  })
  .refine((v) => v.to >= v.from, periodInOrder);

export const PartnerConfirmation = z.object({
  signedBy: text(300).refine(
    (s) => s.trim().length > 2,
    "Skriv ditt namn och din titel, till exempel Anna Andersson, avdelningschef.",
  ),
  confirm: z.literal(true, { error: "Kryssa i att du bekräftar avsiktsförklaringen." }),
});

export const PartnerDecline = z.object({
  reason: text(2_000).refine((s) => s.trim().length > 2, "Skriv kort varför ni avböjer."),
});

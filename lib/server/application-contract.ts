// Maps between the application contract of docs/domain.md §3 (the JSON shape of the validation API, of
// imports and of every frozen version) and the normalised tables. No I/O and no "server-only"
// marker, because the seed and the tests use it outside Next.js as well.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ApplicationContract } from "@/lib/validation/application";

export const dateOnly = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const iso = (date: Date | null | undefined) => (date ? date.toISOString().slice(0, 10) : null);

/** The fields and children of an Application row built from a contract (the applicant part lives on Organisation). */
export function contractToApplicationData(c: ApplicationContract) {
  return {
    track: c.track,
    variant: c.variant,
    previousGrantReference: c.previousGrantReference,
    title: c.title,
    summary: c.summary,
    focusAreas: c.focusAreas,
    needsDescription: c.needsDescription,
    needBasisKind: c.needBasis?.kind ?? null,
    needBasisDescription: c.needBasis?.description ?? null,
    strategicFramework: c.strategicFramework,
    methods: c.methods,
    genderEqualityPerspective: c.genderEqualityPerspective,
    longTermPlan: c.longTermPlan,
    periodStart: dateOnly(c.period.start),
    periodEnd: dateOnly(c.period.end),
    cofinancingSek: c.cofinancingSek,
    requestedSek: c.requestedSek,
    stateAid: c.stateAid,
    declIndependent: c.declarations.independent,
    declNonProfit: c.declarations.nonProfit,
    declRespectsDemocracy: c.declarations.respectsDemocracy,
    declNoDebts: c.declarations.noDebtsToEnforcementAuthority,
    declNotInLiquidation: c.declarations.notInLiquidation,
    areas: {
      create: c.areas.map((a, position) => ({
        position,
        municipalityCode: a.municipalityCode,
        name: a.name,
      })),
    },
    budgetLines: {
      create: c.budget.map((b, position) => ({
        position,
        year: b.year,
        category: b.category,
        amountSek: b.amountSek,
        description: b.description,
      })),
    },
    otherFunding: {
      create: c.otherFunding.map((f, position) => ({
        position,
        funder: f.funder,
        purpose: f.purpose,
        amountSek: f.amountSek,
        status: f.status,
        decisionDate: dateOnly(f.decisionDate),
      })),
    },
    partners: {
      create: c.partners.map((p, position) => ({
        position,
        name: p.name,
        orgNumber: p.orgNumber,
        sector: p.sector,
        localAnchoring: p.localAnchoring,
        role: p.role,
        activities: p.activities,
        letter: p.letterOfIntent
          ? {
              create: {
                channel: "LINK" as const,
                status: p.letterOfIntent.status,
                competences: p.letterOfIntent.competences ?? "",
                resources: p.letterOfIntent.resources ?? "",
                fromDate: p.letterOfIntent.from ? dateOnly(p.letterOfIntent.from) : null,
                toDate: p.letterOfIntent.to ? dateOnly(p.letterOfIntent.to) : null,
                signedBy: p.letterOfIntent.signedBy,
                signedAt: p.letterOfIntent.signedAt ? dateOnly(p.letterOfIntent.signedAt) : null,
              },
            }
          : undefined,
      })),
    },
  } satisfies Omit<Prisma.ApplicationCreateInput, "round" | "organisation" | "createdBy">;
}

export const applicationContractInclude = {
  organisation: true,
  areas: { orderBy: { position: "asc" } },
  partners: { orderBy: { position: "asc" }, include: { letter: true } },
  budgetLines: { orderBy: { position: "asc" } },
  otherFunding: { orderBy: { position: "asc" } },
} satisfies Prisma.ApplicationInclude;

export type ApplicationWithContractParts = Prisma.ApplicationGetPayload<{
  include: typeof applicationContractInclude;
}>;

/** The contract as the rules and the frozen versions see it. Empty draft fields become empty values, never invented ones. */
export function applicationToContract(a: ApplicationWithContractParts): ApplicationContract {
  const org = a.organisation;
  return {
    track: a.track,
    variant: a.variant,
    previousGrantReference: a.previousGrantReference,
    applicant: {
      name: org.name,
      orgNumber: org.orgNumber,
      legalForm: org.legalForm,
      municipalityCode: org.municipalityCode,
      foundedOn: iso(org.foundedOn),
    },
    declarations: {
      independent: a.declIndependent,
      nonProfit: a.declNonProfit,
      respectsDemocracy: a.declRespectsDemocracy,
      noDebtsToEnforcementAuthority: a.declNoDebts,
      notInLiquidation: a.declNotInLiquidation,
    },
    otherFunding: a.otherFunding.map((f) => ({
      funder: f.funder,
      purpose: f.purpose,
      amountSek: f.amountSek,
      status: f.status,
      decisionDate: iso(f.decisionDate),
    })),
    stateAid: a.stateAid,
    title: a.title,
    summary: a.summary,
    areas: a.areas.map((x) => ({ municipalityCode: x.municipalityCode, name: x.name })),
    focusAreas: a.focusAreas,
    needsDescription: a.needsDescription,
    needBasis: a.needBasisKind
      ? { kind: a.needBasisKind, description: a.needBasisDescription ?? "" }
      : null,
    strategicFramework: a.strategicFramework,
    methods: a.methods,
    genderEqualityPerspective: a.genderEqualityPerspective,
    longTermPlan: a.longTermPlan,
    period: { start: iso(a.periodStart), end: iso(a.periodEnd) },
    budget: a.budgetLines.map((b) => ({
      year: b.year,
      category: b.category,
      amountSek: b.amountSek,
      description: b.description,
    })),
    cofinancingSek: a.cofinancingSek,
    requestedSek: a.requestedSek,
    partners: a.partners.map((p) => ({
      name: p.name,
      orgNumber: p.orgNumber,
      sector: p.sector,
      localAnchoring: p.localAnchoring,
      role: p.role,
      activities: p.activities,
      letterOfIntent: p.letter
        ? {
            status: p.letter.status,
            competences: p.letter.competences,
            resources: p.letter.resources,
            from: iso(p.letter.fromDate),
            to: iso(p.letter.toDate),
            signedBy: p.letter.signedBy,
            signedAt: iso(p.letter.signedAt),
          }
        : null,
    })),
  } as ApplicationContract;
}

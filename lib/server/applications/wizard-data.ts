import "server-only";
import { applicationToContract } from "../application-contract";
import type { ApplicantApplication, SavingApplication } from "./get-for-applicant";
import { roundSettings } from "./submit";
import type { DraftContract, Part } from "@/lib/domain/application-parts";
import type { LetterDetails, LettersById } from "@/lib/domain/draft-patch";
import type { PartData, PartName } from "@/lib/validation/draft";
import { keptDraftOf, withKeptFields, type KeptDraft } from "@/lib/validation/draft-fields";
import { isoDate } from "@/lib/domain/format";

const iso = (d: Date | null) => (d ? isoDate(d) : "");

/** The draft as the contract sees it (for the live checklist), with the letters by partner id. */
export function draftOf(app: ApplicantApplication): { draft: DraftContract; letters: LettersById } {
  const contract = applicationToContract(app);
  const letters: LettersById = {};
  app.partners.forEach((p, i) => (letters[p.id] = contract.partners[i]?.letterOfIntent ?? null));
  const draft = contract as unknown as DraftContract;
  if (!app.organisation.foundedOn)
    draft.applicant = { ...contract.applicant, foundedOn: undefined as unknown as string };
  return { draft, letters };
}

/**
 * A part's saved values, as the columns hold them (each field's last valid value). Reads only that
 * part's relations, so the application may come from getForSaving.
 */
export function partData(
  app: ApplicantApplication | SavingApplication,
  part: Part,
): PartData<Part> {
  switch (part) {
    case "grunduppgifter":
      return {
        track: app.track,
        variant: app.variant,
        title: app.title,
        summary: app.summary,
        focusAreas: app.focusAreas,
        periodStart: iso(app.periodStart),
        periodEnd: iso(app.periodEnd),
        contactName: app.contactName ?? "",
        contactEmail: app.contactEmail ?? "",
        contactPhone: app.contactPhone ?? "",
      };
    case "omrade":
      return {
        areas: app.areas.map((a) => ({ municipalityCode: a.municipalityCode, name: a.name })),
        needsDescription: app.needsDescription,
        needBasisKind: app.needBasisKind,
        needBasisDescription: app.needBasisDescription ?? "",
      };
    case "genomforande":
      return {
        methods: app.methods,
        previousGrantReference: app.previousGrantReference ?? "",
        strategicFramework: app.strategicFramework ?? "",
        genderEqualityPerspective: app.genderEqualityPerspective,
        longTermPlan: app.longTermPlan,
      };
    case "partner":
      return {
        partners: app.partners.map((p) => ({
          id: p.id,
          name: p.name,
          orgNumber: p.orgNumber ?? "",
          sector: p.sector,
          localAnchoring: p.localAnchoring,
          role: p.role,
          activities: p.activities,
          contactName: p.contactName ?? "",
          contactEmail: p.contactEmail ?? "",
        })),
      };
    case "budget":
      return {
        budget: app.budgetLines.map((b) => ({
          year: b.year,
          category: b.category,
          amountSek: b.amountSek,
          description: b.description,
        })),
        cofinancingSek: app.cofinancingSek,
        otherFunding: app.otherFunding.map((f) => ({
          funder: f.funder,
          purpose: f.purpose,
          amountSek: f.amountSek,
          status: f.status,
          decisionDate: iso(f.decisionDate),
        })),
        stateAid: app.stateAid,
      };
    case "intyganden":
      return {
        declarations: {
          independent: app.declIndependent,
          nonProfit: app.declNonProfit,
          respectsDemocracy: app.declRespectsDemocracy,
          noDebtsToEnforcementAuthority: app.declNoDebts,
          notInLiquidation: app.declNotInLiquidation,
        },
        foundedOn: iso(app.organisation.foundedOn),
      };
  }
}

export const roundOf = (app: ApplicantApplication) => roundSettings(app.round);

/** Where each partner's letter link went and until when, and why a partner declined. */
export function letterDetailsOf(app: ApplicantApplication): LetterDetails {
  return Object.fromEntries(
    app.partners.map((p) => {
      const link = p.letter?.links[0];
      const open = link && !link.usedAt && !link.revokedAt;
      return [
        p.id,
        {
          linkSentTo: open ? link.sentTo : null,
          linkExpiresAt: open ? isoDate(link.expiresAt) : null,
          declinedReason: p.letter?.declinedReason ?? null,
        },
      ];
    }),
  );
}

/** The invalid values the applicant typed and has not fixed yet, by part. */
export const keptDraft = (app: { draftInput: unknown }): KeptDraft => keptDraftOf(app.draftInput);

/** What a part's form starts from: the saved values with the kept invalid ones put back. */
export const partAsTyped = <P extends PartName>(app: ApplicantApplication, part: P) =>
  withKeptFields(partData(app, part) as PartData<P>, keptDraft(app)[part] ?? {});

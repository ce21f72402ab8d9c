// How a part of the wizard reads from and writes into the draft contract, so the browser can run
// the live checklist on what is being typed before it is saved. Pure.
import type { PartData, PartName } from "@/lib/validation/draft";
import type { ApplicationContract } from "@/lib/validation/application";
import type { DraftContract } from "./application-parts";

type Letter = ApplicationContract["partners"][number]["letterOfIntent"];

/** The letters as the server knows them, by partner id (the contract's partners carry no ids). */
export type LettersById = Record<string, Letter>;

/**
 * What the letters page knows of a partner's letter beyond the contract, by partner id: where the
 * link went and until when it works (ISO date), and why the partner declined.
 */
export type LetterDetails = Record<
  string,
  { linkSentTo: string | null; linkExpiresAt: string | null; declinedReason: string | null }
>;

const numberOrZero = (n: number) => (Number.isFinite(n) ? n : 0);

export function patchFromPart<P extends PartName>(
  part: P,
  data: PartData<P>,
  letters: LettersById = {},
): DraftContract {
  switch (part) {
    case "grunduppgifter": {
      const d = data as PartData<"grunduppgifter">;
      return {
        track: d.track,
        variant: d.track === "INTERVENTION" ? null : d.variant,
        title: d.title,
        summary: d.summary,
        focusAreas: d.focusAreas,
        period: { start: d.periodStart, end: d.periodEnd },
      };
    }
    case "omrade": {
      const d = data as PartData<"omrade">;
      return {
        areas: d.areas,
        needsDescription: d.needsDescription,
        needBasis:
          d.needBasisKind || d.needBasisDescription.trim()
            ? { kind: d.needBasisKind, description: d.needBasisDescription }
            : null,
      };
    }
    case "genomforande": {
      const d = data as PartData<"genomforande">;
      return {
        methods: d.methods,
        previousGrantReference: d.previousGrantReference.trim() ? d.previousGrantReference : null,
        strategicFramework: d.strategicFramework.trim() ? d.strategicFramework : null,
        genderEqualityPerspective: d.genderEqualityPerspective,
        longTermPlan: d.longTermPlan,
      };
    }
    case "partner": {
      const d = data as PartData<"partner">;
      return {
        partners: d.partners.map((p) => ({
          name: p.name,
          orgNumber: p.orgNumber.trim() ? p.orgNumber : null,
          sector: p.sector,
          localAnchoring: p.localAnchoring,
          role: p.role,
          activities: p.activities,
          letterOfIntent: (p.id && letters[p.id]) || null,
        })),
      };
    }
    case "budget": {
      const d = data as PartData<"budget">;
      const total = d.budget.reduce((sum, line) => sum + numberOrZero(line.amountSek), 0);
      return {
        budget: d.budget,
        cofinancingSek: d.cofinancingSek,
        requestedSek: total - numberOrZero(d.cofinancingSek),
        otherFunding: d.otherFunding.map((f) => ({
          ...f,
          decisionDate: f.decisionDate || (null as unknown as string),
        })),
        stateAid: d.stateAid,
      };
    }
    case "intyganden": {
      const d = data as PartData<"intyganden">;
      return { declarations: d.declarations, foundedOnPatch: d.foundedOn };
    }
    default:
      return {};
  }
}

/** The draft with one part's unsaved edits laid over it. */
export function mergeDraft(draft: DraftContract, patch: DraftContract): DraftContract {
  const { foundedOnPatch, ...rest } = patch as DraftContract & { foundedOnPatch?: string };
  const merged: DraftContract = { ...draft, ...rest };
  if (foundedOnPatch !== undefined)
    merged.applicant = {
      ...(draft.applicant as ApplicationContract["applicant"]),
      foundedOn: foundedOnPatch,
    };
  return merged;
}

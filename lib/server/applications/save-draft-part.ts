import "server-only";
import { db, type Tx } from "../db";
import type { Actor } from "../actor";
import { Conflict, Forbidden, NotFound, RuleViolation } from "../errors";
import { dateOnly } from "../application-contract";
import { keptDraft, partData } from "./wizard-data";
import { applicantMayEdit } from "@/lib/domain/lifecycle";
import type { PartName, PartData } from "@/lib/validation/draft";
import { checkPartFields, hardCapProblem, type KeptFields } from "@/lib/validation/draft-fields";
import { Prisma } from "@/lib/generated/prisma/client";
import { getForSaving, type SavingApplication } from "./get-for-applicant";

function assertEditable(app: { status: string }) {
  if (!applicantMayEdit(app.status as never))
    throw new Forbidden(
      "Ansökan är inskickad och kan inte ändras. Ändringar görs bara när handläggaren begär komplettering.",
    );
}

/** Optimistic lock: the write succeeds only on the version the client read; otherwise the client is told it is stale. */
async function bumpVersion(
  tx: Tx,
  id: string,
  expectedVersion: number,
  data: Prisma.ApplicationUpdateManyMutationInput = {},
) {
  const { count } = await tx.application.updateMany({
    where: { id, version: expectedVersion },
    data: { ...data, version: { increment: 1 } },
  });
  if (count !== 1)
    throw new Conflict(
      "Ansökan har ändrats i en annan flik eller av någon annan sedan du öppnade sidan. Ladda om sidan för att se den senaste versionen – kopiera gärna det du skrev först.",
    );
  return expectedVersion + 1;
}

const orNull = (s: string) => (s.trim() === "" ? null : s);

/**
 * Saves one part of a draft (or of an application under completion), field by field: every valid
 * field is written, and each invalid value is kept as typed, with its message, in `draftInput`
 * until it is fixed. Preconditions: the actor is a member and the application is editable.
 * Returns the new version and the kept invalid values.
 */
export async function saveDraftPart<P extends PartName>(
  actor: Actor,
  id: string,
  expectedVersion: number,
  part: P,
  raw: unknown,
): Promise<{ version: number; kept: KeptFields }> {
  const tooLarge = hardCapProblem(raw);
  if (tooLarge) throw new RuleViolation([{ code: "INVALID_FIELD", path: "", message: tooLarge }]);
  const app = await getForSaving(actor, id, part);
  assertEditable(app);
  const { data, kept } = checkPartFields(part, raw, partData(app, part) as PartData<P>);
  const input = data;
  const others = keptDraft(app);
  delete others[part];
  const keptInput = Object.keys(kept).length ? { ...others, [part]: kept } : others;
  const draftInput = Object.keys(keptInput).length
    ? (keptInput as Prisma.InputJsonValue)
    : Prisma.DbNull;

  const version = await db.$transaction((tx) =>
    savePart(tx, app, expectedVersion, part, input, { draftInput }),
  );
  return { version, kept };
}

async function savePart<P extends PartName>(
  tx: Tx,
  app: SavingApplication,
  expectedVersion: number,
  part: P,
  input: PartData<P>,
  /** Written with the version, whatever the part: the invalid values kept as typed. */
  kept: Prisma.ApplicationUpdateManyMutationInput,
): Promise<number> {
  const id = app.id;
  const bump = (data: Prisma.ApplicationUpdateManyMutationInput = {}) =>
    bumpVersion(tx, id, expectedVersion, { ...data, ...kept });
  {
    switch (part) {
      case "grunduppgifter": {
        const d = input as PartData<"grunduppgifter">;
        return bump({
          track: d.track,
          variant: d.track === "INTERVENTION" ? null : d.variant,
          title: d.title,
          summary: d.summary,
          focusAreas: d.focusAreas,
          periodStart: d.periodStart ? dateOnly(d.periodStart) : null,
          periodEnd: d.periodEnd ? dateOnly(d.periodEnd) : null,
          contactName: orNull(d.contactName.trim()),
          contactEmail: orNull(d.contactEmail.trim().toLowerCase()),
          contactPhone: orNull(d.contactPhone.trim()),
        });
      }
      case "omrade": {
        const d = input as PartData<"omrade">;
        const version = await bump({
          needsDescription: d.needsDescription,
          needBasisKind: d.needBasisKind,
          needBasisDescription: orNull(d.needBasisDescription),
        });
        await tx.applicationArea.deleteMany({ where: { applicationId: id } });
        await tx.applicationArea.createMany({
          data: d.areas.map((a, position) => ({
            applicationId: id,
            position,
            municipalityCode: a.municipalityCode,
            name: a.name,
          })),
        });
        return version;
      }
      case "genomforande": {
        const d = input as PartData<"genomforande">;
        return bump({
          methods: d.methods,
          previousGrantReference: orNull(d.previousGrantReference),
          strategicFramework: orNull(d.strategicFramework),
          genderEqualityPerspective: d.genderEqualityPerspective,
          longTermPlan: d.longTermPlan,
        });
      }
      case "partner": {
        const d = input as PartData<"partner">;
        const version = await bump();
        const keep = new Set(d.partners.map((p) => p.id).filter(Boolean));
        await tx.partner.deleteMany({
          where: { applicationId: id, id: { notIn: [...keep] as string[] } },
        });
        // Positions are unique per application: park the kept rows out of the way first.
        await tx.partner.updateMany({
          where: { applicationId: id },
          data: { position: { increment: 10_000 } },
        });
        for (const [position, p] of d.partners.entries()) {
          const data = {
            position,
            name: p.name,
            orgNumber: orNull(p.orgNumber),
            sector: p.sector,
            localAnchoring: p.localAnchoring,
            role: p.role,
            activities: p.activities,
            contactName: orNull(p.contactName),
            contactEmail: orNull(p.contactEmail),
          };
          if (p.id && app.partners.some((existing) => existing.id === p.id))
            await tx.partner.update({ where: { id: p.id }, data });
          else if (p.id && (await tx.partner.count({ where: { id: p.id } })))
            throw new RuleViolation([
              { code: "INVALID_FIELD", path: `partners.${position}`, message: "Okänd partner." },
            ]);
          else await tx.partner.create({ data: { ...data, id: p.id, applicationId: id } });
        }
        return version;
      }
      case "budget": {
        const d = input as PartData<"budget">;
        const total = d.budget.reduce((sum, line) => sum + line.amountSek, 0);
        const version = await bump({
          cofinancingSek: d.cofinancingSek,
          requestedSek: total - d.cofinancingSek,
          stateAid: d.stateAid,
        });
        await tx.budgetLine.deleteMany({ where: { applicationId: id } });
        await tx.budgetLine.createMany({
          data: d.budget.map((b, position) => ({ applicationId: id, position, ...b })),
        });
        await tx.otherFunding.deleteMany({ where: { applicationId: id } });
        await tx.otherFunding.createMany({
          data: d.otherFunding.map((f, position) => ({
            applicationId: id,
            position,
            ...f,
            decisionDate: f.decisionDate ? dateOnly(f.decisionDate) : null,
          })),
        });
        return version;
      }
      case "intyganden": {
        const d = input as PartData<"intyganden">;
        const version = await bump({
          declIndependent: d.declarations.independent,
          declNonProfit: d.declarations.nonProfit,
          declRespectsDemocracy: d.declarations.respectsDemocracy,
          declNoDebts: d.declarations.noDebtsToEnforcementAuthority,
          declNotInLiquidation: d.declarations.notInLiquidation,
        });
        await tx.organisation.update({
          where: { id: app.organisationId },
          data: { foundedOn: d.foundedOn ? dateOnly(d.foundedOn) : null },
        });
        return version;
      }
      default:
        throw new NotFound();
    }
  }
}

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
import { getForApplicant, type ApplicantApplication } from "./get-for-applicant";

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
  const app = await getForApplicant(actor, id);
  assertEditable(app);
  const { data, kept } = checkPartFields(part, raw, partData(app, part) as PartData<P>);
  const input = data;
  const others = keptDraft(app);
  delete others[part];
  const keptInput = Object.keys(kept).length ? { ...others, [part]: kept } : others;
  const draftInput = Object.keys(keptInput).length
    ? (keptInput as Prisma.InputJsonValue)
    : Prisma.DbNull;

  const version = await db.$transaction(async (tx) => {
    await tx.application.update({ where: { id }, data: { draftInput } });
    return savePart(tx, app, expectedVersion, part, input);
  });
  return { version, kept };
}

async function savePart<P extends PartName>(
  tx: Tx,
  app: ApplicantApplication,
  expectedVersion: number,
  part: P,
  input: PartData<P>,
): Promise<number> {
  const id = app.id;
  {
    switch (part) {
      case "grunduppgifter": {
        const d = input as PartData<"grunduppgifter">;
        return bumpVersion(tx, id, expectedVersion, {
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
        const version = await bumpVersion(tx, id, expectedVersion, {
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
        return bumpVersion(tx, id, expectedVersion, {
          methods: d.methods,
          previousGrantReference: orNull(d.previousGrantReference),
          strategicFramework: orNull(d.strategicFramework),
          genderEqualityPerspective: d.genderEqualityPerspective,
          longTermPlan: d.longTermPlan,
        });
      }
      case "partner": {
        const d = input as PartData<"partner">;
        const version = await bumpVersion(tx, id, expectedVersion);
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
        const version = await bumpVersion(tx, id, expectedVersion, {
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
        const version = await bumpVersion(tx, id, expectedVersion, {
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

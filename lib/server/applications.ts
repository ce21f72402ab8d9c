import "server-only";
import { db, type Tx } from "./db";
import type { Actor } from "./actor";
import { deny } from "./actor";
import { audit } from "./audit";
import { Conflict, Forbidden, NotFound, RuleViolation } from "./errors";
import { queueMail, appUrl } from "./mail";
import { enqueueMail } from "./jobs";
import {
  applicationContractInclude,
  applicationToContract,
  dateOnly,
} from "./application-contract";
import {
  applicantMayEdit,
  applicantMayWithdraw,
  formatReferenceNumber,
  roundIsOpen,
} from "@/lib/domain/lifecycle";
import { checkApplication, ROUND_CLOSED, type Problem } from "@/lib/domain/rules";
import { parseApplicationPayload } from "@/lib/validation/application";
import { PART_SCHEMAS, type PartName, type PartData } from "@/lib/validation/draft";
import { todayInStockholm } from "@/lib/domain/dates";
import { refreshSearchIndex } from "./search-index";
import type { Prisma } from "@/lib/generated/prisma/client";

/** What an actor may see of applications: applicants their organisations', officers everything but drafts. */
export function visibleTo(actor: Actor): Prisma.ApplicationWhereInput {
  const staff = actor.roles.some((r) => r === "REVIEWER" || r === "DECIDER" || r === "ADMIN");
  const own: Prisma.ApplicationWhereInput = {
    organisation: { memberships: { some: { userId: actor.id } } },
  };
  return staff ? { OR: [own, { status: { not: "DRAFT" } }] } : own;
}

const ownedBy = (actor: Actor): Prisma.ApplicationWhereInput => ({
  organisation: { memberships: { some: { userId: actor.id } } },
});

/** The applicant's organisations and their applications. */
export async function listForApplicant(actor: Actor) {
  return db.organisation.findMany({
    where: { memberships: { some: { userId: actor.id } } },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      orgNumber: true,
      applications: {
        orderBy: { updatedAt: "desc" },
        select: {
          id: true,
          title: true,
          status: true,
          referenceNumber: true,
          requestedSek: true,
          updatedAt: true,
          round: { select: { title: true } },
        },
      },
    },
  });
}

/** Submitted applications (never drafts) for officers. Caller checks the role. */
export async function listForOfficers(statuses: Prisma.ApplicationWhereInput["status"], take = 50) {
  return db.application.findMany({
    where: { status: statuses ?? { not: "DRAFT" } },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take,
    select: {
      id: true,
      title: true,
      status: true,
      referenceNumber: true,
      requestedSek: true,
      track: true,
      submittedAt: true,
      organisation: { select: { name: true } },
      proposals: { where: { status: "OPEN" }, select: { outcome: true, amountSek: true }, take: 1 },
    },
  });
}

/** Starts a draft for one of the actor's organisations in an open round. */
export async function createDraft(
  actor: Actor,
  input: { organisationId: string; roundId: string },
) {
  const org = await db.organisation.findFirst({
    where: { id: input.organisationId, memberships: { some: { userId: actor.id } } },
  });
  if (!org) await deny(actor, "application.create", "Organisation", input.organisationId);
  const round = await db.grantRound.findUnique({ where: { id: input.roundId } });
  if (!round || !roundIsOpen(round))
    throw new RuleViolation([
      {
        code: ROUND_CLOSED,
        path: "roundId",
        message: "Utlysningen är inte öppen. Välj en öppen utlysning.",
      },
    ]);
  return db.$transaction(async (tx) => {
    const app = await tx.application.create({
      data: { roundId: round.id, organisationId: org!.id, createdById: actor.id },
    });
    await audit(
      {
        actorId: actor.id,
        action: "application.created",
        entityType: "Application",
        entityId: app.id,
        after: { status: "DRAFT", organisationId: org!.id, roundId: round.id },
      },
      tx,
    );
    return app;
  });
}

const applicantInclude = {
  ...applicationContractInclude,
  round: true,
  partners: {
    orderBy: { position: "asc" },
    include: {
      letter: {
        include: {
          file: { select: { id: true, fileName: true, size: true, sha256: true } },
          links: { orderBy: { createdAt: "desc" }, take: 1 },
        },
      },
    },
  },
  versions: {
    orderBy: { number: "asc" },
    select: { id: true, number: true, reason: true, createdAt: true },
  },
  complementRequests: { orderBy: { createdAt: "desc" } },
  decisions: {
    orderBy: { createdAt: "desc" },
    select: { id: true, outcome: true, amountSek: true, reasons: true, decidedOn: true },
  },
  instalments: { orderBy: { number: "asc" } },
  reports: { orderBy: { dueDate: "asc" } },
  repaymentClaims: { orderBy: { createdAt: "desc" } },
} satisfies Prisma.ApplicationInclude;

export type ApplicantApplication = Prisma.ApplicationGetPayload<{
  include: typeof applicantInclude;
}>;

/** The whole application for a member of its organisation; anyone else gets "not found". */
export async function getForApplicant(actor: Actor, id: string): Promise<ApplicantApplication> {
  const app = await db.application.findFirst({
    where: { id, ...ownedBy(actor) },
    include: applicantInclude,
  });
  if (!app) await deny(actor, "application.read", "Application", id);
  return app!;
}

/** The settings of the round that the rules need. */
export const roundSettings = (round: {
  longestPeriodMonths: number;
  acceptedTracks: string[];
}) => ({
  longestPeriodMonths: round.longestPeriodMonths,
  acceptedTracks: round.acceptedTracks as ("KNOWLEDGE" | "COLLABORATION" | "INTERVENTION")[],
});

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

/** Saves one part of a draft (or of an application under completion). Returns the new version. */
export async function saveDraftPart<P extends PartName>(
  actor: Actor,
  id: string,
  expectedVersion: number,
  part: P,
  raw: unknown,
): Promise<number> {
  const parsed = PART_SCHEMAS[part].safeParse(raw);
  if (!parsed.success) {
    throw new RuleViolation(
      parsed.error.issues.map((i) => ({
        code: "INVALID_FIELD",
        path: i.path.join("."),
        message: i.message,
      })),
    );
  }
  const app = await getForApplicant(actor, id);
  assertEditable(app);
  const input = parsed.data as PartData<P>;

  return db.$transaction(async (tx) => {
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
          else await tx.partner.create({ data: { ...data, applicationId: id } });
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
  });
}

/** The authoritative check at submission: the contract's shape, then every rule with the round's settings. */
export function submissionProblems(
  app: Parameters<typeof applicationToContract>[0] & {
    round: { longestPeriodMonths: number; acceptedTracks: string[] };
  },
  today = todayInStockholm(),
) {
  const contract = applicationToContract(app);
  const parsed = parseApplicationPayload(contract);
  if (!parsed.ok)
    return {
      contract,
      result: { valid: false, problems: parsed.problems as Problem[], warnings: [] as Problem[] },
    };
  return {
    contract: parsed.data,
    result: checkApplication(parsed.data, { today, round: roundSettings(app.round) }),
  };
}

async function nextReferenceNumber(tx: Tx, year: number): Promise<string> {
  // The row lock of the upsert serialises submissions per year, and a rolled-back submission
  // rolls back its number too, so numbers are unique and without gaps.
  const [row] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "ReferenceCounter" ("year", "last") VALUES (${year}, 1)
    ON CONFLICT ("year") DO UPDATE SET "last" = "ReferenceCounter"."last" + 1
    RETURNING "last"`;
  return formatReferenceNumber(year, row.last);
}

export type SubmitOutcome = {
  referenceNumber: string;
  versionNumber: number;
  alreadySubmitted: boolean;
};

/**
 * Submits a draft, or resubmits after a completion request. Preconditions: the actor is a member,
 * the rules pass, and (for a first submission) the round is open. A repeated request (double
 * click, retry) finds the application already submitted and answers with the same reference number.
 */
export async function submitApplication(
  actor: Actor,
  id: string,
  now = new Date(),
): Promise<SubmitOutcome> {
  const app = await getForApplicant(actor, id);
  if (!applicantMayEdit(app.status)) {
    const last = app.versions.at(-1);
    if (app.referenceNumber && last && app.status !== "WITHDRAWN")
      return {
        referenceNumber: app.referenceNumber,
        versionNumber: last.number,
        alreadySubmitted: true,
      };
    throw new Forbidden("Ansökan kan inte skickas in i sitt nuvarande skede.");
  }
  const completing = app.status === "COMPLEMENT_REQUESTED";
  const problems: Problem[] = [];
  if (!completing && !roundIsOpen(app.round, now)) {
    problems.push({
      code: ROUND_CLOSED,
      path: "round",
      message: "Utlysningen är stängd. Ansökningar kan bara skickas in medan utlysningen är öppen.",
    });
  }
  const { contract, result } = submissionProblems(app, todayInStockholm(now));
  problems.push(...result.problems);
  if (problems.length)
    throw new RuleViolation(
      problems,
      "Ansökan kan inte skickas in förrän allt i listan är åtgärdat.",
    );

  const outcome = await db.$transaction(async (tx) => {
    const { count } = await tx.application.updateMany({
      where: { id, status: app.status, version: app.version },
      data: completing
        ? { status: "IN_REVIEW", version: { increment: 1 } }
        : { status: "SUBMITTED", submittedAt: now, version: { increment: 1 } },
    });
    if (count !== 1) {
      const current = await tx.application.findUnique({
        where: { id },
        select: { status: true, referenceNumber: true },
      });
      if (current?.referenceNumber && !applicantMayEdit(current.status)) return null; // a concurrent identical request won
      throw new Conflict(
        "Ansökan har ändrats sedan du öppnade sidan. Ladda om sidan och försök igen.",
      );
    }
    const referenceNumber =
      app.referenceNumber ??
      (await nextReferenceNumber(tx, Number(todayInStockholm(now).slice(0, 4))));
    if (!app.referenceNumber)
      await tx.application.update({ where: { id }, data: { referenceNumber } });
    const versionNumber = app.versions.length + 1;
    await tx.applicationVersion.create({
      data: {
        applicationId: id,
        number: versionNumber,
        reason: completing ? "COMPLEMENT" : "SUBMISSION",
        content: contract as object,
        ruleResult: result as object,
        createdById: actor.id,
        createdAt: now,
      },
    });
    if (completing)
      await tx.complementRequest.updateMany({
        where: { applicationId: id, answeredAt: null },
        data: { answeredAt: now },
      });
    await refreshSearchIndex(tx, id);
    await audit(
      {
        actorId: actor.id,
        action: completing ? "application.completed" : "application.submitted",
        entityType: "Application",
        entityId: id,
        before: { status: app.status },
        after: { status: completing ? "IN_REVIEW" : "SUBMITTED", referenceNumber, versionNumber },
      },
      tx,
    );
    const mailId = await queueMail(tx, {
      to: actor.email,
      dedupeKey: `application:${id}:version:${versionNumber}`,
      subject: completing
        ? `Kompletteringen av ${referenceNumber} är mottagen`
        : `Ansökan ${referenceNumber} är mottagen`,
      text: [
        `Hej ${actor.name}!`,
        "",
        completing
          ? `Vi har tagit emot kompletteringen av ansökan ${referenceNumber}, "${app.title}". Handläggaren fortsätter nu bedömningen.`
          : `Vi har tagit emot ansökan "${app.title}" från ${app.organisation.name}. Den har fått diarienummer ${referenceNumber}.`,
        "",
        "Vad händer nu? Först kontrollerar en handläggare att ansökan uppfyller de formella kraven. Sedan bedöms hur väl projektet svarar mot syftet med bidraget. Om något saknas får du ett mejl med en begäran om komplettering.",
        "",
        `Du kan följa ansökan här: ${appUrl(`/ansokningar/${id}`)}`,
        "",
        "Vänliga hälsningar",
        "Samverka",
      ].join("\n"),
    });
    return { referenceNumber, versionNumber, mailId };
  });
  if (!outcome) {
    const current = await getForApplicant(actor, id);
    return {
      referenceNumber: current.referenceNumber!,
      versionNumber: current.versions.at(-1)?.number ?? 1,
      alreadySubmitted: true,
    };
  }
  await enqueueMail([outcome.mailId]);
  return {
    referenceNumber: outcome.referenceNumber,
    versionNumber: outcome.versionNumber,
    alreadySubmitted: false,
  };
}

/** The applicant withdraws before a proposal or decision. */
export async function withdrawApplication(actor: Actor, id: string, reason: string) {
  const app = await getForApplicant(actor, id);
  if (!applicantMayWithdraw(app.status))
    throw new Forbidden("Ansökan kan inte återkallas när ett beslut är föreslaget eller fattat.");
  await db.$transaction(async (tx) => {
    const { count } = await tx.application.updateMany({
      where: { id, status: app.status },
      data: { status: "WITHDRAWN", withdrawnAt: new Date(), version: { increment: 1 } },
    });
    if (count !== 1) throw new Conflict();
    await audit(
      {
        actorId: actor.id,
        action: "application.withdrawn",
        entityType: "Application",
        entityId: id,
        before: { status: app.status },
        after: { status: "WITHDRAWN" },
        meta: { reason },
      },
      tx,
    );
  });
}

/** Audit events about the application that the applicant may see, as a timeline. */
export async function timelineFor(actor: Actor, id: string) {
  await getForApplicant(actor, id);
  return db.auditEvent.findMany({
    where: {
      entityType: "Application",
      entityId: id,
      action: {
        in: [
          "application.created",
          "application.submitted",
          "application.completed",
          "application.withdrawn",
          "application.review_started",
          "application.complement_requested",
          "decision.made",
        ],
      },
    },
    orderBy: { at: "asc" },
    select: { id: true, at: true, action: true },
  });
}

import "server-only";
import type { Tx } from "../db";
import { auditMany } from "../audit";
import { appUrl } from "../mail";
import { storage } from "../storage";
import { renderDecisionLetter } from "../decision-letter";
import { createGrantPlans } from "../grant-plan";
import { dateOnly } from "../application-contract";
import { addMonths } from "@/lib/domain/dates";
import { formatSek, isoDate } from "@/lib/domain/format";
import type { Track, Variant } from "@/lib/generated/prisma/client";

// One final decision (grant or refuse) as it is recorded, whether the decider takes it on the case
// page (decide.ts) or in a decision meeting (lib/server/meeting): the letter, the Decision, the
// proposal closed, the payment plan, notifications, the audit entry and the mails in the outbox.
// The caller moves the case's status, in the same transaction.

/** What a decision needs of its case. */
export type DecidedCase = {
  id: string;
  roundId: string;
  organisationId: string;
  referenceNumber: string | null;
  title: string;
  track: Track | null;
  variant: Variant | null;
  requestedSek: number;
  periodStart: Date | null;
  periodEnd: Date | null;
  organisation: {
    name: string;
    orgNumber: string;
    streetAddress: string | null;
    postalCode: string | null;
    city: string | null;
  };
};

export type FinalDecision = {
  approve: boolean;
  amountSek: number | null;
  reasons: string;
  decidedOn: Date;
  decider: { id: string; name: string };
  proposal: { id: string; proposedBy: { name: string } };
};

const finalReportDue = (c: DecidedCase, d: FinalDecision) =>
  d.approve && c.periodEnd ? dateOnly(addMonths(isoDate(c.periodEnd), 2)) : null;

/** The decision letter (beslutsbrev) as PDF bytes. */
export function renderLetter(c: DecidedCase, d: FinalDecision) {
  return renderDecisionLetter({
    referenceNumber: c.referenceNumber!,
    title: c.title,
    track: c.track!,
    variant: c.variant,
    organisation: {
      name: c.organisation.name,
      orgNumber: c.organisation.orgNumber,
      address: [
        c.organisation.streetAddress,
        `${c.organisation.postalCode ?? ""} ${c.organisation.city ?? ""}`.trim(),
      ]
        .filter(Boolean)
        .join(", "),
    },
    outcome: d.approve ? "APPROVED" : "REJECTED",
    amountSek: d.amountSek,
    requestedSek: c.requestedSek,
    period: { start: c.periodStart, end: c.periodEnd },
    reasons: d.reasons,
    decidedOn: d.decidedOn,
    decider: d.decider.name,
    presenter: d.proposal.proposedBy.name,
    finalReportDue: finalReportDue(c, d),
  });
}

/**
 * Records decision `d` on case `c` inside `tx`, with its letter (`letter`, or rendered here).
 * Answers the Decision and the ids of the mails to enqueue after the commit.
 */
export async function recordDecision(
  tx: Tx,
  c: DecidedCase,
  d: FinalDecision,
  options: { letter?: Uint8Array; auditMeta?: Record<string, unknown> } = {},
) {
  const [decision] = await recordDecisions(
    tx,
    [{ c, d, letter: options.letter ?? (await renderLetter(c, d)) }],
    options.auditMeta,
  );
  return decision;
}

/**
 * Records several decisions in `tx`, each on its own (its letter, Decision, plan, notification,
 * audit entry and mails), with a few statements for all of them: a decision meeting decides
 * hundreds. Answers, in the order given, each Decision and the ids of its mails.
 */
export async function recordDecisions(
  tx: Tx,
  items: { c: DecidedCase; d: FinalDecision; letter: Uint8Array }[],
  auditMeta?: Record<string, unknown>,
) {
  if (!items.length) return [];
  const files = await storage.putMany(
    items.map(({ c, letter }) => ({
      data: Buffer.from(letter),
      contentType: "application/pdf",
      fileName: `beslut-${c.referenceNumber!.replace("/", "-")}.pdf`,
    })),
    tx,
  );
  const created = await tx.decision.createManyAndReturn({
    data: items.map(({ c, d }, i) => ({
      applicationId: c.id,
      roundId: c.roundId,
      proposalId: d.proposal.id,
      outcome: d.approve ? ("APPROVED" as const) : ("REJECTED" as const),
      amountSek: d.amountSek,
      reasons: d.reasons,
      decidedOn: d.decidedOn,
      deciderId: d.decider.id,
      letterFileId: files[i].id,
    })),
  });
  // One decision per proposal (unique): find each case's by its proposal.
  const decisions = items.map(({ d }) => created.find((x) => x.proposalId === d.proposal.id)!);
  await tx.decisionProposal.updateMany({
    where: { id: { in: items.map(({ d }) => d.proposal.id) } },
    data: { status: "DECIDED" },
  });
  await createGrantPlans(
    tx,
    items
      .filter(({ c, d }) => d.approve && c.periodStart && c.periodEnd)
      .map(({ c, d }) => ({
        applicationId: c.id,
        amountSek: d.amountSek!,
        periodStart: isoDate(c.periodStart!),
        periodEnd: isoDate(c.periodEnd!),
        decidedOn: isoDate(d.decidedOn),
      })),
  );
  const outcome = (d: FinalDecision) =>
    d.approve ? `beviljad med ${formatSek(d.amountSek!)}` : "avslagen";
  // Everyone who acts for the organisation that applied.
  const memberships = await tx.membership.findMany({
    where: { organisationId: { in: [...new Set(items.map(({ c }) => c.organisationId))] } },
    include: { user: { select: { name: true, email: true } } },
  });
  const membersOf = (organisationId: string) =>
    memberships.filter((m) => m.organisationId === organisationId);
  await tx.notification.createMany({
    data: items.flatMap(({ c, d }) =>
      [...new Set(membersOf(c.organisationId).map((m) => m.userId))].map((userId) => ({
        userId,
        kind: "decision_made",
        title: `Beslut om ${c.referenceNumber}: ${outcome(d)}`,
        body: "",
        href: `/ansokningar/${c.id}`,
      })),
    ),
  });
  await auditMany(
    items.map(({ c, d }, i) => ({
      actorId: d.decider.id,
      action: "decision.made",
      entityType: "Application",
      entityId: c.id,
      before: { status: "PROPOSED" },
      after: {
        status: decisions[i].outcome,
        amountSek: d.amountSek,
        decisionId: decisions[i].id,
      },
      meta: auditMeta,
    })),
    tx,
  );
  // The mails in the outbox, one per member; a dedupe key already used is not queued again.
  const mails = items.flatMap(({ c, d }, i) =>
    membersOf(c.organisationId).map((m) => ({
      to: m.user.email,
      dedupeKey: `decision:${decisions[i].id}:${m.userId}`,
      applicationId: c.id,
      subject: `Beslut om ansökan ${c.referenceNumber}`,
      text: `Hej ${m.user.name}!\n\nDet finns ett beslut om ansökan "${c.title}" (${c.referenceNumber}): ${outcome(d)}.\n\nLäs beslutet och ladda ner beslutsbrevet:\n${appUrl(`/ansokningar/${c.id}`)}\n\nVänliga hälsningar\nSamverka`,
    })),
  );
  const queued = mails.length
    ? await tx.mailMessage.createManyAndReturn({
        data: mails,
        skipDuplicates: true,
        select: { id: true, applicationId: true },
      })
    : [];
  return items.map(({ c }, i) => ({
    decision: decisions[i],
    mails: queued.filter((q) => q.applicationId === c.id).map((q) => q.id as string | null),
  }));
}

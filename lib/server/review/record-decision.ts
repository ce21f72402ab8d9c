import "server-only";
import type { Tx } from "../db";
import { audit } from "../audit";
import { appUrl } from "../mail";
import { storage } from "../storage";
import { renderDecisionLetter } from "../decision-letter";
import { createGrantPlan } from "../grant-plan";
import { notifyMembers } from "../notifications";
import { dateOnly } from "../application-contract";
import { addMonths } from "@/lib/domain/dates";
import { formatSek, isoDate } from "@/lib/domain/format";
import type { Track, Variant } from "@/lib/generated/prisma/client";
import { mailMembers } from "./mail-members";

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
  const pdf = options.letter ?? (await renderLetter(c, d));
  const file = await storage.put(
    {
      data: Buffer.from(pdf),
      contentType: "application/pdf",
      fileName: `beslut-${c.referenceNumber!.replace("/", "-")}.pdf`,
    },
    tx,
  );
  const decision = await tx.decision.create({
    data: {
      applicationId: c.id,
      roundId: c.roundId,
      proposalId: d.proposal.id,
      outcome: d.approve ? "APPROVED" : "REJECTED",
      amountSek: d.amountSek,
      reasons: d.reasons,
      decidedOn: d.decidedOn,
      deciderId: d.decider.id,
      letterFileId: file.id,
    },
  });
  await tx.decisionProposal.update({ where: { id: d.proposal.id }, data: { status: "DECIDED" } });
  if (d.approve && c.periodStart && c.periodEnd) {
    await createGrantPlan(tx, {
      applicationId: c.id,
      amountSek: d.amountSek!,
      periodStart: isoDate(c.periodStart),
      periodEnd: isoDate(c.periodEnd),
      decidedOn: isoDate(d.decidedOn),
    });
  }
  const outcome = d.approve ? `beviljad med ${formatSek(d.amountSek!)}` : "avslagen";
  await notifyMembers(tx, c.id, {
    kind: "decision_made",
    title: `Beslut om ${c.referenceNumber}: ${outcome}`,
    href: `/ansokningar/${c.id}`,
  });
  await audit(
    {
      actorId: d.decider.id,
      action: "decision.made",
      entityType: "Application",
      entityId: c.id,
      before: { status: "PROPOSED" },
      after: { status: decision.outcome, amountSek: d.amountSek, decisionId: decision.id },
      meta: options.auditMeta,
    },
    tx,
  );
  const mails = await mailMembers(tx, c.organisationId, (name) => ({
    dedupeKey: `decision:${decision.id}`,
    applicationId: c.id,
    subject: `Beslut om ansökan ${c.referenceNumber}`,
    text: `Hej ${name}!\n\nDet finns ett beslut om ansökan "${c.title}" (${c.referenceNumber}): ${outcome}.\n\nLäs beslutet och ladda ner beslutsbrevet:\n${appUrl(`/ansokningar/${c.id}`)}\n\nVänliga hälsningar\nSamverka`,
  }));
  return { decision, mails };
}

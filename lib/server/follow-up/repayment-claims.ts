import "server-only";
import type { z } from "zod";
import { db } from "../db";
import { deny, type Actor } from "../actor";
import { audit, recordRefusals } from "../audit";
import { Conflict, Forbidden, NotFound, RuleViolation, refused } from "../errors";
import { notifyMembers } from "../notifications";
import { enqueueMail } from "../job-queue";
import { appUrl } from "../mail";
import { mailMembers } from "../review/mail-members";
import { dateOnly } from "../application-contract";
import { formatDate, formatSek } from "@/lib/domain/format";
import { todayInStockholm } from "@/lib/domain/dates";
import { isStaff, type Role } from "@/lib/domain/roles";
import { REFUSAL_TEXT, claimDecisionRefusal } from "@/lib/domain/payments";
import type {
  RepaymentDecisionInput,
  RepaymentInput,
  RepaymentPaymentInput,
} from "@/lib/validation/follow-up";
import {
  CLAIM_DECIDERS,
  FINANCE,
  FOLLOW_UP_OFFICERS,
  requireCaseAccess,
  withoutConflictOf,
} from "../case-access";

// Återkrav (docs/domain.md §5, repayment claims): an officer proposes, a second person decides
// (never the proposer); the grantee sees a decided claim; money received is recorded against it.

/**
 * Precondition for acting on repayment claim `claimId`: one of `roles` and no conflict in its case.
 * Answers the claim; an unknown claim is denied like a case the actor may not touch.
 */
export async function claimFor(
  actor: Actor,
  claimId: string,
  what: string,
  roles: readonly Role[],
) {
  const claim = await db.repaymentClaim.findUnique({ where: { id: claimId } });
  await requireCaseAccess(actor, claim?.applicationId, what, { roles, stage: "follow-up" });
  return claim!;
}

/** A follow-up officer without a conflict in the case proposes a claim, with reasons and a due date. */
export async function proposeRepayment(
  actor: Actor,
  applicationId: string,
  input: z.infer<typeof RepaymentInput>,
) {
  await requireCaseAccess(actor, applicationId, "repayment.propose", {
    roles: FOLLOW_UP_OFFICERS,
    stage: "follow-up",
  });
  const app = await db.application.findFirst({
    where: { id: applicationId, status: { in: ["APPROVED", "REPORT_SUBMITTED", "CLOSED"] } },
    include: { decisions: { where: { outcome: "APPROVED", correctedBy: null }, take: 1 } },
  });
  if (!app) throw new NotFound();
  if (input.amountSek > (app.decisions[0]?.amountSek ?? 0))
    throw new RuleViolation([
      {
        code: "AMOUNT_INVALID",
        path: "amountSek",
        message: "Återkravet kan inte vara större än det beviljade beloppet.",
      },
    ]);
  await db.$transaction(async (tx) => {
    const claim = await tx.repaymentClaim.create({
      data: {
        applicationId,
        amountSek: input.amountSek,
        reasons: input.reasons,
        dueDate: dateOnly(input.dueDate),
        createdById: actor.id,
        status: "PROPOSED",
      },
    });
    await audit(
      {
        actorId: actor.id,
        action: "repayment.proposed",
        entityType: "RepaymentClaim",
        entityId: claim.id,
        after: { status: "PROPOSED", applicationId, ...input },
      },
      tx,
    );
  });
}

/**
 * A decider without a conflict in the case decides a proposed claim: CLAIM makes it binding (the
 * grantee is told, in the app and by mail), REJECT drops it. Never the proposer (four eyes; the
 * refusal is audited after the rollback).
 */
export async function decideRepayment(
  actor: Actor,
  claimId: string,
  input: z.infer<typeof RepaymentDecisionInput>,
  now = new Date(),
) {
  const found = await claimFor(actor, claimId, "repayment.decide", CLAIM_DECIDERS);
  const mails = await recordRefusals(actor.id, () =>
    db.$transaction(async (tx) => {
      const claim = await tx.repaymentClaim.findUniqueOrThrow({
        where: { id: claimId },
        include: {
          application: {
            select: { id: true, referenceNumber: true, title: true, organisationId: true },
          },
        },
      });
      if (claim.status !== "PROPOSED") throw new Conflict("Återkravet är redan avgjort.");
      const refusal = claimDecisionRefusal(claim.createdById, actor.id);
      if (refusal)
        throw refused(new Forbidden(REFUSAL_TEXT[refusal]), {
          action: "repayment.decision_refused",
          applicationId: found.applicationId,
          reason: refusal,
          message: REFUSAL_TEXT[refusal],
          details: { claimId },
        });
      const status = input.decision === "CLAIM" ? "CLAIMED" : "REJECTED";
      const { count } = await tx.repaymentClaim.updateMany({
        where: { id: claimId, status: "PROPOSED", createdById: { not: actor.id } },
        data: { status, decidedById: actor.id, decidedAt: now, decisionNote: input.note || null },
      });
      if (count !== 1) throw new Conflict();
      await audit(
        {
          actorId: actor.id,
          action: status === "CLAIMED" ? "repayment.claimed" : "repayment.rejected",
          entityType: "RepaymentClaim",
          entityId: claimId,
          before: { status: "PROPOSED" },
          after: { status, amountSek: claim.amountSek, note: input.note || undefined },
        },
        tx,
      );
      if (status !== "CLAIMED") return [];
      const app = claim.application;
      const title = `Beslut om återkrav för ${app.referenceNumber}: ${formatSek(claim.amountSek)}`;
      await notifyMembers(tx, app.id, {
        kind: "repayment_claim",
        title,
        body: `Betala senast ${formatDate(claim.dueDate)}. ${claim.reasons}`,
        href: `/ansokningar/${app.id}`,
      });
      return mailMembers(tx, app.organisationId, (name) => ({
        subject: title,
        text: `Hej ${name}!\n\nVi har beslutat att ${app.title} (${app.referenceNumber}) ska betala tillbaka ${formatSek(claim.amountSek)} av bidraget. Betala senast ${formatDate(claim.dueDate)}.\n\nSkäl: ${claim.reasons}\n\nSe beslutet: ${appUrl(`/ansokningar/${app.id}`)}\n`,
        dedupeKey: `repayment-claimed:${claimId}`,
        applicationId: app.id,
      }));
    }),
  );
  await enqueueMail(mails);
}

/** Finance records money received against a decided claim; paid in full, the claim is PAID. */
export async function recordRepaymentPayment(
  actor: Actor,
  claimId: string,
  input: z.infer<typeof RepaymentPaymentInput>,
) {
  await claimFor(actor, claimId, "repayment.record_payment", FINANCE);
  await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "RepaymentClaim" WHERE id = ${claimId} FOR UPDATE`;
    const claim = await tx.repaymentClaim.findUniqueOrThrow({
      where: { id: claimId },
      include: { payments: { select: { amountSek: true } } },
    });
    if (claim.status !== "CLAIMED")
      throw new Conflict(
        claim.status === "PAID"
          ? "Återkravet är redan betalt."
          : "Återkravet är inte beslutat, så inga inbetalningar kan registreras.",
      );
    const paid = claim.payments.reduce((sum, p) => sum + p.amountSek, 0);
    if (paid + input.amountSek > claim.amountSek)
      throw new RuleViolation([
        {
          code: "AMOUNT_INVALID",
          path: "amountSek",
          message: `Det återstår ${formatSek(claim.amountSek - paid)} av återkravet. Ange högst det beloppet.`,
        },
      ]);
    const payment = await tx.repaymentPayment.create({
      data: {
        claimId,
        amountSek: input.amountSek,
        receivedOn: dateOnly(input.receivedOn),
        recordedById: actor.id,
      },
    });
    const settled = paid + input.amountSek === claim.amountSek;
    if (settled)
      await tx.repaymentClaim.update({ where: { id: claimId }, data: { status: "PAID" } });
    await audit(
      {
        actorId: actor.id,
        action: "repayment.payment_recorded",
        entityType: "RepaymentClaim",
        entityId: claimId,
        before: { status: "CLAIMED", paidSek: paid },
        after: {
          status: settled ? "PAID" : "CLAIMED",
          paidSek: paid + input.amountSek,
          amountSek: input.amountSek,
          receivedOn: input.receivedOn,
          paymentId: payment.id,
        },
      },
      tx,
    );
  });
}

/** Decided claims not paid in full by their due date, for staff; not of grants they declared a conflict in. */
export async function overdueClaims(actor: Actor, today = todayInStockholm()) {
  if (!isStaff(actor.roles)) await deny(actor, "repayment.overdue");
  return db.repaymentClaim.findMany({
    where: {
      status: "CLAIMED",
      dueDate: { lt: dateOnly(today) },
      application: withoutConflictOf(actor),
    },
    orderBy: { dueDate: "asc" },
    include: {
      payments: { select: { amountSek: true } },
      application: {
        select: { id: true, referenceNumber: true, organisation: { select: { name: true } } },
      },
    },
  });
}

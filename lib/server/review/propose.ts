import "server-only";
import type { z } from "zod";
import { db, type Tx } from "../db";
import { deny, type Actor } from "../actor";
import { audit, recordRefusals } from "../audit";
import { Forbidden, RuleViolation, refused } from "../errors";
import { notify } from "../notifications";
import { approvalAmountValid, missingSteps, missingStepText } from "@/lib/domain/review";
import { formatSek } from "@/lib/domain/format";
import type { ProposalInput } from "@/lib/validation/review";
import { openedApplication } from "./case-access";
import { transition } from "./transition";

/** The steps a case still lacks before it can be proposed (formal check, completed reviews). */
async function stepsMissing(applicationId: string, tx: Tx = db) {
  const app = await tx.application.findUniqueOrThrow({
    where: { id: applicationId },
    select: {
      formalCheckPassed: true,
      round: { select: { reviewsRequired: true } },
      reviews: { select: { completedAt: true, reviewerId: true } },
      conflicts: { select: { userId: true, status: true } },
    },
  });
  return missingSteps({
    formalCheckPassed: app.formalCheckPassed,
    reviewsRequired: app.round.reviewsRequired,
    reviews: app.reviews.map((r) => ({
      completedAt: r.completedAt,
      declaration: app.conflicts.find((c) => c.userId === r.reviewerId) ?? null,
    })),
  });
}

/**
 * The officer proposes a decision with reasons; a decider then decides. Precondition: the case is
 * in review, its formal check passed and the round's number of reviews are done (else refused and
 * audited). The deciders who may decide it are told that a proposal is waiting.
 */
export async function proposeDecision(
  actor: Actor,
  id: string,
  input: z.infer<typeof ProposalInput>,
) {
  if (!actor.roles.includes("REVIEWER")) await deny(actor, "decision.propose", "Application", id);
  const app = await openedApplication(actor, id, "decision.propose");
  if (app.status !== "IN_REVIEW")
    throw new Forbidden("Ett beslut kan föreslås när ärendet är under handläggning.");
  const amount = input.outcome === "APPROVED" ? input.amountSek : null;
  if (amount !== null && !approvalAmountValid(amount, app.requestedSek)) {
    throw new RuleViolation([
      {
        code: "AMOUNT_OUT_OF_RANGE",
        path: "amountSek",
        message: `Beloppet ska vara minst 1 kr och högst det sökta beloppet (${formatSek(app.requestedSek)}).`,
      },
    ]);
  }
  await recordRefusals(actor.id, () =>
    db.$transaction(async (tx) => {
      const missing = await stepsMissing(id, tx);
      if (missing.length) {
        const message = `Ärendet kan inte föreslås ännu. ${missing.map(missingStepText).join(" ")}`;
        throw refused(new Forbidden(message), {
          action: "decision.proposal_refused",
          applicationId: id,
          reason: "MISSING_STEP",
          message,
          details: { missing },
        });
      }
      await transition(tx, app, "PROPOSED", { assessmentStep: "COMPLETE" });
      const proposal = await tx.decisionProposal.create({
        data: {
          applicationId: id,
          proposedById: actor.id,
          outcome: input.outcome,
          amountSek: amount,
          reasons: input.reasons,
        },
      });
      await notify(tx, await decidersFor(tx, id, actor.id), {
        kind: "proposal_waiting",
        title: `Förslag till beslut väntar: ${app.referenceNumber ?? ""} ${input.outcome === "APPROVED" ? `bifall med ${formatSek(amount!)}` : "avslag"}`,
        body: app.organisation.name,
        href: `/handlaggning/${id}`,
      });
      await audit(
        {
          actorId: actor.id,
          action: "decision.proposed",
          entityType: "Application",
          entityId: id,
          before: { status: "IN_REVIEW" },
          after: {
            status: "PROPOSED",
            proposalId: proposal.id,
            outcome: input.outcome,
            amountSek: amount,
          },
        },
        tx,
      );
    }),
  );
}

/**
 * The active deciders who may decide the case (four eyes): not the proposer, no reviewer of it,
 * no declared conflict in it.
 */
async function decidersFor(tx: Tx, applicationId: string, proposerId: string) {
  const people = await tx.user.findMany({
    where: {
      roles: { has: "DECIDER" },
      deactivatedAt: null,
      id: { not: proposerId },
      reviews: { none: { applicationId } },
      conflicts: {
        none: { applicationId, status: { in: ["DECLARED", "CONFIRMED"] } },
      },
    },
    select: { id: true },
  });
  return people.map((p) => p.id);
}

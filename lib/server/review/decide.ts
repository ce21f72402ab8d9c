import "server-only";
import type { z } from "zod";
import { db } from "../db";
import { grantsChanged } from "../grants";
import { deny, type Actor } from "../actor";
import { audit, recordRefusals } from "../audit";
import { Forbidden, RuleViolation, refused } from "../errors";
import { enqueueMail } from "../job-queue";
import { dateOnly } from "../application-contract";
import { todayInStockholm } from "@/lib/domain/dates";
import {
  approvalAmountValid,
  deciderRefusal,
  fitsBudget,
  REFUSAL_TEXT,
  type DecisionRefusal,
} from "@/lib/domain/review";
import { formatSek } from "@/lib/domain/format";
import type { DecisionInput } from "@/lib/validation/review";
import { submittedApplication } from "./case-access";
import { transition } from "./transition";
import { recordDecision } from "./record-decision";

const refuse = (reason: DecisionRefusal) => new Forbidden(REFUSAL_TEXT[reason]);

/**
 * A decider approves, rejects or sends back a proposed case. Four eyes (never the proposer or a
 * reviewer of the case, never with a declared conflict) and the budget frame are checked inside
 * one transaction that locks the round, so two simultaneous approvals cannot together exceed it.
 */
export async function decide(
  actor: Actor,
  id: string,
  input: z.infer<typeof DecisionInput>,
  now = new Date(),
) {
  if (!actor.roles.includes("DECIDER")) await deny(actor, "decision.decide", "Application", id);
  const app = await submittedApplication(actor, id, "decision.decide");
  // A refusal is audited after the transaction has rolled back (recordRefusals).
  const result = await recordRefusals(actor.id, () =>
    db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM "GrantRound" WHERE id = ${app.roundId} FOR UPDATE`;
        const current = await tx.application.findUniqueOrThrow({
          where: { id },
          include: {
            proposals: {
              where: { status: "OPEN" },
              take: 1,
              include: { proposedBy: { select: { name: true } } },
            },
            reviews: { select: { reviewerId: true } },
            round: true,
            organisation: true,
          },
        });
        const proposal = current.proposals[0];
        if (current.status !== "PROPOSED" || !proposal) throw refuse("NOT_PROPOSED");
        const refusal = deciderRefusal({
          deciderId: actor.id,
          roles: actor.roles,
          proposerId: proposal.proposedById,
          reviewerIds: current.reviews.map((r) => r.reviewerId),
          declaration: app.conflicts[0] ?? null,
        });
        if (refusal)
          throw refused(refuse(refusal), {
            action: "decision.refused",
            applicationId: id,
            reason: refusal,
            message: REFUSAL_TEXT[refusal],
          });

        if (input.action === "SEND_BACK") {
          await transition(tx, current, "IN_REVIEW", { assessmentStep: "MATERIAL" });
          await tx.decisionProposal.update({
            where: { id: proposal.id },
            data: { status: "RETURNED", returnReason: input.reasons },
          });
          await audit(
            {
              actorId: actor.id,
              action: "decision.sent_back",
              entityType: "Application",
              entityId: id,
              before: { status: "PROPOSED" },
              after: { status: "IN_REVIEW", reason: input.reasons },
            },
            tx,
          );
          return { mails: [] as (string | null)[] };
        }

        const approve = input.action === "APPROVE";
        const amount = approve ? input.amountSek : null;
        if (approve) {
          if (!approvalAmountValid(amount!, current.requestedSek))
            throw new RuleViolation([
              {
                code: "AMOUNT_OUT_OF_RANGE",
                path: "amountSek",
                message: REFUSAL_TEXT.AMOUNT_OUT_OF_RANGE,
              },
            ]);
          const approved = await tx.decision.aggregate({
            where: { roundId: current.roundId, outcome: "APPROVED", correctedBy: null },
            _sum: { amountSek: true },
          });
          const approvedSoFar = approved._sum.amountSek ?? 0;
          if (!fitsBudget(approvedSoFar, amount!, current.round.budgetSek)) {
            const message = `${REFUSAL_TEXT.OVER_BUDGET} Kvar i ramen: ${formatSek(current.round.budgetSek - approvedSoFar)}.`;
            throw refused(
              new RuleViolation([{ code: "OVER_BUDGET", path: "amountSek", message }]),
              {
                action: "decision.refused",
                applicationId: id,
                reason: "OVER_BUDGET",
                message,
                details: { amount, approvedSoFar, budget: current.round.budgetSek },
              },
            );
          }
        }
        const decidedOn = dateOnly(todayInStockholm(now));
        const { mails } = await recordDecision(tx, current, {
          approve,
          amountSek: amount,
          reasons: input.reasons,
          decidedOn,
          decider: actor,
          proposal,
        });
        await transition(tx, current, approve ? "APPROVED" : "REJECTED");
        return { mails };
      },
      { timeout: 20_000 },
    ),
  );
  grantsChanged();
  await enqueueMail(result.mails);
}

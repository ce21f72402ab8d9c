import "server-only";
import type { z } from "zod";
import { db } from "../db";
import { deny, type Actor } from "../actor";
import { audit } from "../audit";
import { Forbidden, RuleViolation } from "../errors";
import { approvalAmountValid } from "@/lib/domain/review";
import { formatSek } from "@/lib/domain/format";
import type { ProposalInput } from "@/lib/validation/review";
import { openedApplication } from "./case-access";
import { transition } from "./transition";

/** The officer proposes a decision with reasons; a decider then decides. */
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
  await db.$transaction(async (tx) => {
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
  });
}

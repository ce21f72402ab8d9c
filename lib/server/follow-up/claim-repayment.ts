import "server-only";
import type { z } from "zod";
import { db } from "../db";
import type { Actor } from "../actor";
import { audit } from "../audit";
import { NotFound, RuleViolation } from "../errors";
import { notifyMembers } from "../notifications";
import { dateOnly } from "../application-contract";
import { formatSek } from "@/lib/domain/format";
import type { RepaymentInput } from "@/lib/validation/follow-up";
import { FOLLOW_UP_OFFICERS, requireCaseAccess } from "../case-access";

/** Återkrav: a follow-up officer without a conflict in the case claims back unspent or misused money, with reasons and a due date. */
export async function claimRepayment(
  actor: Actor,
  applicationId: string,
  input: z.infer<typeof RepaymentInput>,
) {
  await requireCaseAccess(actor, applicationId, "repayment.claim", {
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
      },
    });
    await notifyMembers(tx, applicationId, {
      kind: "repayment_claim",
      title: `Återkrav för ${app.referenceNumber}: ${formatSek(input.amountSek)}`,
      body: input.reasons,
      href: `/ansokningar/${applicationId}`,
    });
    await audit(
      {
        actorId: actor.id,
        action: "repayment.claimed",
        entityType: "RepaymentClaim",
        entityId: claim.id,
        after: { applicationId, ...input },
      },
      tx,
    );
  });
}

import "server-only";
import { db } from "../db";
import type { Actor } from "../actor";
import { audit } from "../audit";
import { Conflict, Forbidden, NotFound, RuleViolation } from "../errors";
import { parsePayoutAccount } from "@/lib/domain/org-number";
import { FOLLOW_UP_OFFICERS, requireCaseAccess } from "../case-access";
import { blockedFor } from "./instalment-blocked";

/** Precondition: a follow-up officer without a conflict in the case. Releases an instalment for payment: not before the progress report before it is accepted, and only to a valid account. */
export async function releaseInstalment(actor: Actor, instalmentId: string) {
  const planned = await db.instalment.findUnique({
    where: { id: instalmentId },
    select: { applicationId: true },
  });
  await requireCaseAccess(actor, planned?.applicationId, "instalment.release", {
    roles: FOLLOW_UP_OFFICERS,
    stage: "follow-up",
  });
  await db.$transaction(async (tx) => {
    const instalment = await tx.instalment.findUnique({
      where: { id: instalmentId },
      include: { application: { include: { reports: true, organisation: true } } },
    });
    if (!instalment) throw new NotFound();
    if (instalment.status !== "PLANNED") throw new Conflict("Delbetalningen är redan frisläppt.");
    if (blockedFor(instalment, instalment.application.reports))
      throw new Forbidden("Delbetalningen väntar på att lägesrapporten före den godkänns.");
    const org = instalment.application.organisation;
    if (
      !org.payoutType ||
      !org.payoutAccount ||
      !parsePayoutAccount(org.payoutType, org.payoutAccount).ok
    ) {
      throw new RuleViolation([
        {
          code: "PAYOUT_ACCOUNT_INVALID",
          path: "payoutAccount",
          message: `Utbetalningskontot för ${org.name} (${org.payoutType === "PLUSGIRO" ? "plusgiro" : "bankgiro"} ${org.payoutAccount ?? "saknas"}) stämmer inte med sin kontrollsiffra. Be organisationen rätta kontot innan delbetalningen frisläpps.`,
        },
      ]);
    }
    const { count } = await tx.instalment.updateMany({
      where: { id: instalmentId, status: "PLANNED" },
      data: { status: "RELEASED", releasedAt: new Date(), releasedById: actor.id },
    });
    if (count !== 1) throw new Conflict();
    await audit(
      {
        actorId: actor.id,
        action: "instalment.released",
        entityType: "Instalment",
        entityId: instalmentId,
        before: { status: "PLANNED" },
        after: { status: "RELEASED", amountSek: instalment.amountSek },
      },
      tx,
    );
  });
}

import "server-only";
import { db } from "../db";
import type { Actor } from "../actor";
import { audit, recordRefusals } from "../audit";
import { Conflict, Forbidden, refused } from "../errors";
import { ATTESTERS, requireCaseAccess } from "../case-access";
import { REFUSAL_TEXT, attestRefusal } from "@/lib/domain/payments";

/**
 * Precondition: staff without a conflict in the case. Attests a released instalment: a second
 * person, never the one who released it (four eyes; the refusal is audited after the rollback).
 */
export async function attestInstalment(actor: Actor, instalmentId: string, now = new Date()) {
  const found = await db.instalment.findUnique({
    where: { id: instalmentId },
    select: { applicationId: true },
  });
  await requireCaseAccess(actor, found?.applicationId, "instalment.attest", {
    roles: ATTESTERS,
    stage: "follow-up",
  });
  const applicationId = found!.applicationId;
  await recordRefusals(actor.id, () =>
    db.$transaction(async (tx) => {
      const instalment = await tx.instalment.findUniqueOrThrow({ where: { id: instalmentId } });
      if (instalment.status !== "RELEASED")
        throw new Conflict(
          instalment.status === "PLANNED"
            ? "Delbetalningen är inte frisläppt än."
            : "Delbetalningen är redan attesterad.",
        );
      const refusal = attestRefusal(instalment.releasedById, actor.id);
      if (refusal)
        throw refused(new Forbidden(REFUSAL_TEXT[refusal]), {
          action: "instalment.attest_refused",
          applicationId,
          reason: refusal,
          message: REFUSAL_TEXT[refusal],
          details: { instalmentId, number: instalment.number },
        });
      const { count } = await tx.instalment.updateMany({
        where: {
          id: instalmentId,
          status: "RELEASED",
          OR: [{ releasedById: null }, { releasedById: { not: actor.id } }],
        },
        data: { status: "ATTESTED", attestedAt: now, attestedById: actor.id },
      });
      if (count !== 1) throw new Conflict();
      await audit(
        {
          actorId: actor.id,
          action: "instalment.attested",
          entityType: "Instalment",
          entityId: instalmentId,
          before: { status: "RELEASED" },
          after: { status: "ATTESTED", amountSek: instalment.amountSek },
        },
        tx,
      );
    }),
  );
}

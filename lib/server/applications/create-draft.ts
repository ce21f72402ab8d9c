import "server-only";
import { db } from "../db";
import { deny, type Actor } from "../actor";
import { audit } from "../audit";
import { RuleViolation } from "../errors";
import { roundIsOpen } from "@/lib/domain/lifecycle";
import { ROUND_CLOSED } from "@/lib/domain/rules";

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

import "server-only";
import type { z } from "zod";
import { db } from "../db";
import { deny, type Actor } from "../actor";
import { audit } from "../audit";
import { requireCaseAccess } from "../case-access";
import { Conflict, RuleViolation } from "../errors";
import { hasAnyRole, type Role } from "@/lib/domain/roles";
import { movedKey } from "@/lib/domain/meeting";
import type { MoveCaseInput } from "@/lib/validation/meeting";
import { proposedCases, ranked } from "./basis";

/** Who prepares the decision basis: the officers and the deciders. */
const BASIS_EDITORS: readonly Role[] = ["REVIEWER", "DECIDER"];

/**
 * Precondition for moving case `id` in its round's basis: an officer or decider without a
 * declared conflict in it (the one case-access check). Anyone else gets "not found".
 */
export async function mayMoveCase(actor: Actor, id: string) {
  if (!hasAnyRole(actor.roles, BASIS_EDITORS)) await deny(actor, "meeting.move", "Application", id);
  await requireCaseAccess(actor, id, "meeting.move", { roles: BASIS_EDITORS, stage: "follow-up" });
}

/** Moves a proposed case one place up or down in the decision basis, with the reason (audited). */
export async function moveCase(actor: Actor, id: string, input: z.infer<typeof MoveCaseInput>) {
  await mayMoveCase(actor, id);
  const app = await db.application.findUnique({
    where: { id },
    select: { roundId: true, status: true, referenceNumber: true },
  });
  if (!app || app.status !== "PROPOSED")
    throw new Conflict("Ärendet finns inte längre bland förslagen till beslut. Ladda om sidan.");
  await db.$transaction(async (tx) => {
    // One move at a time per round: each computes its place from the order the last one left.
    await tx.$queryRaw`SELECT id FROM "GrantRound" WHERE id = ${app.roundId} FOR UPDATE`;
    const order = ranked(await proposedCases(tx, app.roundId, actor.id));
    const position = order.findIndex((r) => r.id === id);
    const key = movedKey(order, position, input.direction);
    if (key === null)
      throw new RuleViolation([
        {
          code: "CANNOT_MOVE",
          path: "direction",
          message:
            input.direction === "UP" ? "Ärendet står redan först." : "Ärendet står redan sist.",
        },
      ]);
    await tx.decisionBasisPlacement.upsert({
      where: { applicationId: id },
      create: { applicationId: id, sortKey: key, reason: input.reason, movedById: actor.id },
      update: { sortKey: key, reason: input.reason, movedById: actor.id, movedAt: new Date() },
    });
    await audit(
      {
        actorId: actor.id,
        action: "meeting.case_moved",
        entityType: "Application",
        entityId: id,
        before: { place: position + 1 },
        after: {
          place: position + (input.direction === "UP" ? 0 : 2),
          direction: input.direction,
          reason: input.reason,
        },
      },
      tx,
    );
  });
}

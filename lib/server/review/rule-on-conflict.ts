import "server-only";
import type { z } from "zod";
import { db } from "../db";
import { deny, type Actor } from "../actor";
import { audit } from "../audit";
import { NotFound } from "../errors";
import type { ConflictRuling } from "@/lib/validation/review";

export async function listDeclaredConflicts(actor: Actor) {
  if (!actor.roles.includes("ADMIN")) await deny(actor, "conflict.list");
  return db.conflictDeclaration.findMany({
    where: { status: { in: ["DECLARED", "CONFIRMED", "LIFTED"] } },
    orderBy: { declaredAt: "desc" },
    include: {
      user: { select: { name: true, email: true } },
      application: {
        select: { referenceNumber: true, title: true, organisation: { select: { name: true } } },
      },
      decidedBy: { select: { name: true } },
    },
  });
}

/** An admin decides a declared conflict: confirms it, or lifts it with reasons. */
export async function ruleOnConflict(
  actor: Actor,
  declarationId: string,
  ruling: z.infer<typeof ConflictRuling>,
) {
  if (!actor.roles.includes("ADMIN"))
    await deny(actor, "conflict.rule", "ConflictDeclaration", declarationId);
  await db.$transaction(async (tx) => {
    const declaration = await tx.conflictDeclaration.findUnique({ where: { id: declarationId } });
    if (!declaration || declaration.status === "NO_CONFLICT") throw new NotFound();
    const status = ruling.lift ? "LIFTED" : "CONFIRMED";
    await tx.conflictDeclaration.update({
      where: { id: declarationId },
      data: { status, decidedById: actor.id, decidedAt: new Date(), decisionReason: ruling.reason },
    });
    await audit(
      {
        actorId: actor.id,
        action: ruling.lift ? "conflict.lifted" : "conflict.confirmed",
        entityType: "ConflictDeclaration",
        entityId: declarationId,
        before: { status: declaration.status },
        after: { status, reason: ruling.reason },
      },
      tx,
    );
  });
}

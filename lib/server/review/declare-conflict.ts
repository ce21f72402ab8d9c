import "server-only";
import type { z } from "zod";
import { db } from "../db";
import type { Actor } from "../actor";
import { audit } from "../audit";
import { Conflict } from "../errors";
import type { ConflictInput } from "@/lib/validation/review";
import { submittedApplication } from "./case-access";

/** Staff declare, once per application, that they have no conflict of interest — or that they may have one. */
export async function declareConflict(
  actor: Actor,
  id: string,
  input: z.infer<typeof ConflictInput>,
) {
  const app = await submittedApplication(actor, id, "conflict.declare");
  if (app.conflicts[0]) throw new Conflict("Du har redan lämnat en jävsprövning för ärendet.");
  await db.$transaction(async (tx) => {
    const declaration = await tx.conflictDeclaration.create({
      data: {
        applicationId: id,
        userId: actor.id,
        status: input.hasConflict ? "DECLARED" : "NO_CONFLICT",
        description: input.hasConflict ? input.description : null,
      },
    });
    await audit(
      {
        actorId: actor.id,
        action: input.hasConflict ? "conflict.declared" : "conflict.none_declared",
        entityType: "Application",
        entityId: id,
        after: { declarationId: declaration.id, status: declaration.status },
      },
      tx,
    );
  });
}

import "server-only";
import { db } from "../db";
import type { Actor } from "../actor";
import { audit } from "../audit";
import { openedApplication } from "./case-access";

export async function addComment(actor: Actor, id: string, body: string) {
  await openedApplication(actor, id, "comment.add");
  await db.$transaction(async (tx) => {
    const comment = await tx.internalComment.create({
      data: { applicationId: id, authorId: actor.id, body },
    });
    await audit(
      {
        actorId: actor.id,
        action: "comment.added",
        entityType: "Application",
        entityId: id,
        meta: { commentId: comment.id },
      },
      tx,
    );
  });
}

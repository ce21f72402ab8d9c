import "server-only";
import { db } from "../db";
import type { Actor } from "../actor";
import { audit } from "../audit";
import type { BoardInput } from "@/lib/validation/people";
import { getMyOrganisation } from "./access";

// The board and the signatories belong to the organisation, not to one application: they are the
// same in every application it sends, and officers read them at the conflict-of-interest gate.

const boardSelect = { name: true, role: true, signatory: true } as const;

/** The organisation's board and signatories, in the order the organisation gave them. Members only. */
export async function listBoard(actor: Actor, organisationId: string) {
  await getMyOrganisation(actor, organisationId);
  return db.boardMember.findMany({
    where: { organisationId },
    orderBy: { position: "asc" },
    select: boardSelect,
  });
}

/** Replaces the board and signatories as one list. Precondition: the actor is a member. */
export async function saveBoard(actor: Actor, organisationId: string, input: BoardInput) {
  await getMyOrganisation(actor, organisationId);
  await db.$transaction(async (tx) => {
    const before = await tx.boardMember.findMany({
      where: { organisationId },
      orderBy: { position: "asc" },
      select: boardSelect,
    });
    await tx.boardMember.deleteMany({ where: { organisationId } });
    await tx.boardMember.createMany({
      data: input.members.map((m, position) => ({ organisationId, position, ...m })),
    });
    await audit(
      {
        actorId: actor.id,
        action: "organisation.board_saved",
        entityType: "Organisation",
        entityId: organisationId,
        before,
        after: input.members,
      },
      tx,
    );
  });
}

import "server-only";
import { db } from "../db";
import { deny, type Actor } from "../actor";

/** The visibility scope of an organisation: the actor is a member. */
export const memberOf = (actor: Actor) => ({ memberships: { some: { userId: actor.id } } });

export const listMyOrganisations = (actor: Actor) =>
  db.organisation.findMany({ where: memberOf(actor), orderBy: { name: "asc" } });

/** Only members see an organisation; others get "not found". */
export async function getMyOrganisation(actor: Actor, id: string) {
  const org = await db.organisation.findFirst({ where: { id, ...memberOf(actor) } });
  if (!org) await deny(actor, "organisation.read", "Organisation", id);
  return org!;
}

export async function listMembers(actor: Actor, organisationId: string) {
  await getMyOrganisation(actor, organisationId);
  const [members, invitations] = await Promise.all([
    db.membership.findMany({
      where: { organisationId },
      include: { user: { select: { name: true, email: true } } },
      orderBy: { createdAt: "asc" },
    }),
    db.organisationInvitation.findMany({
      where: { organisationId, acceptedAt: null, expiresAt: { gt: new Date() } },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  return { members, invitations };
}

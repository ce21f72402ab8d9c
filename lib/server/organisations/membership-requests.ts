import "server-only";
import { db } from "../db";
import type { Actor } from "../actor";
import { getMyOrganisation } from "./access";

/** Precondition: a member of the organisation (others get "not found"). The requests waiting for an answer. */
export async function listMembershipRequests(actor: Actor, organisationId: string) {
  await getMyOrganisation(actor, organisationId);
  return db.membershipRequest.findMany({
    where: { organisationId, status: "PENDING" },
    select: {
      id: true,
      message: true,
      createdAt: true,
      user: { select: { name: true, email: true } },
    },
    orderBy: { createdAt: "asc" },
  });
}

/**
 * The actor's own requests that are waiting or were declined: the organisation's name and the
 * answer, nothing else of the organisation (no id, no members, no applications).
 */
export async function listMyMembershipRequests(actor: Actor) {
  const requests = await db.membershipRequest.findMany({
    where: { userId: actor.id, status: { in: ["PENDING", "DECLINED"] } },
    select: {
      id: true,
      status: true,
      createdAt: true,
      decidedAt: true,
      organisation: { select: { name: true, orgNumber: true } },
    },
    orderBy: { createdAt: "desc" },
  });
  return requests.map(({ organisation, ...request }) => ({
    ...request,
    organisationName: organisation.name,
    orgNumber: organisation.orgNumber,
  }));
}

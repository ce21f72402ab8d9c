import "server-only";
import { db } from "../db";
import { deny, type Actor } from "../actor";
import { RuleViolation } from "../errors";
import { enforce } from "../rate-limit";
import { normaliseOrgNumber } from "@/lib/domain/org-number";
import { municipalityName } from "@/lib/reference/municipalities";

/**
 * An organisation by its number, with the actor's own membership and request only. Counts
 * against the actor's lookups, and answers a field problem when no organisation has the number.
 */
export async function organisationToJoin(actor: Actor, orgNumber: string) {
  if (!actor.roles.includes("APPLICANT")) await deny(actor, "organisation.join");
  // Lookups per person and hour (rate-limit.ts): enough to correct a typo, too few to enumerate numbers.
  await enforce("org-lookup", actor.id);
  const number = normaliseOrgNumber(orgNumber);
  const org = await db.organisation.findUnique({
    where: { orgNumber: number },
    select: {
      id: true,
      name: true,
      orgNumber: true,
      city: true,
      municipalityCode: true,
      memberships: { where: { userId: actor.id }, select: { userId: true } },
      membershipRequests: { where: { userId: actor.id }, select: { id: true, status: true } },
    },
  });
  if (!org)
    throw new RuleViolation([
      {
        code: "ORG_NOT_FOUND",
        path: "orgNumber",
        message: `Vi hittar ingen organisation med numret ${number} i Samverka. Kontrollera numret. Finns organisationen inte här ännu kan du lägga till den.`,
      },
    ]);
  return org;
}

type OrganisationToJoin = {
  name: string;
  orgNumber: string;
  /** The town, or the municipality when no town is given. */
  place: string;
  /** The actor's own relation to it. */
  relation: "MEMBER" | "PENDING" | "NONE";
};

/** Precondition: an applicant. Answers only what confirms the right organisation: name, number, town. */
export async function findOrganisationToJoin(
  actor: Actor,
  orgNumber: string,
): Promise<OrganisationToJoin> {
  const org = await organisationToJoin(actor, orgNumber);
  return {
    name: org.name,
    orgNumber: org.orgNumber,
    place: org.city ?? municipalityName(org.municipalityCode) ?? "",
    relation: org.memberships.length
      ? "MEMBER"
      : org.membershipRequests[0]?.status === "PENDING"
        ? "PENDING"
        : "NONE",
  };
}

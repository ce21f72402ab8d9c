import "server-only";
import { db } from "../db";
import { audit } from "../audit";
import { RuleViolation } from "../errors";
import { deny, type Actor } from "../actor";
import { dateOnly } from "../application-contract";
import type { OrganisationInput } from "@/lib/validation/organisation";
import { Prisma } from "@/lib/generated/prisma/client";

/** Applicants create the organisations they act for and become members. */
export async function createOrganisation(actor: Actor, input: OrganisationInput) {
  if (!actor.roles.includes("APPLICANT")) await deny(actor, "organisation.create");
  try {
    return await db.$transaction(async (tx) => {
      const org = await tx.organisation.create({
        data: {
          ...input,
          foundedOn: input.foundedOn ? dateOnly(input.foundedOn) : null,
          memberships: { create: { userId: actor.id } },
        },
      });
      await audit(
        {
          actorId: actor.id,
          action: "organisation.created",
          entityType: "Organisation",
          entityId: org.id,
          after: { name: org.name, orgNumber: org.orgNumber },
        },
        tx,
      );
      return org;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new RuleViolation([
        {
          code: "ORG_EXISTS",
          path: "orgNumber",
          message:
            "Organisationen finns redan i Samverka. Be att få gå med i den i stället (Gå med i en organisation som redan finns).",
        },
      ]);
    }
    throw error;
  }
}

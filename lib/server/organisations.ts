import "server-only";
import { db } from "./db";
import { audit } from "./audit";
import { queueMail, appUrl } from "./mail";
import { enqueueMail } from "./job-queue";
import { hashToken, newToken } from "./tokens";
import { NotFound, RuleViolation } from "./errors";
import { deny, type Actor } from "./actor";
import type { OrganisationInput } from "@/lib/validation/organisation";
import { dateOnly } from "./application-contract";
import { Prisma } from "@/lib/generated/prisma/client";

const INVITATION_DAYS = 14;
const memberOf = (actor: Actor) => ({ memberships: { some: { userId: actor.id } } });

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
            "Organisationen finns redan i Samverka. Be någon som redan är med att bjuda in dig.",
        },
      ]);
    }
    throw error;
  }
}

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

/** A member invites someone by e-mail; the personal link works for 14 days and once. */
export async function inviteMember(actor: Actor, organisationId: string, email: string) {
  const org = await getMyOrganisation(actor, organisationId);
  const { token, hash } = newToken();
  const mailId = await db.$transaction(async (tx) => {
    const invitation = await tx.organisationInvitation.create({
      data: {
        organisationId,
        email,
        tokenHash: hash,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
        invitedById: actor.id,
      },
    });
    await audit(
      {
        actorId: actor.id,
        action: "organisation.member_invited",
        entityType: "Organisation",
        entityId: organisationId,
        meta: { invitationId: invitation.id },
      },
      tx,
    );
    return queueMail(tx, {
      to: email,
      subject: `Inbjudan till ${org.name} i Samverka`,
      text: `Hej!\n\n${actor.name} har bjudit in dig att arbeta med ansökningar för ${org.name} i Samverka.\n\nÖppna länken för att gå med (den gäller i ${INVITATION_DAYS} dagar och kan användas en gång):\n${appUrl(`/inbjudan/${token}`)}\n\nHar du inget konto skapar du ett med den här e-postadressen först.\n\nVänliga hälsningar\nSamverka`,
    });
  });
  await enqueueMail([mailId]);
}

export async function findInvitation(token: string) {
  const invitation = await db.organisationInvitation.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { organisation: { select: { name: true } } },
  });
  if (!invitation) return { state: "unknown" as const };
  if (invitation.acceptedAt) return { state: "used" as const };
  if (invitation.expiresAt < new Date()) return { state: "expired" as const };
  return { state: "valid" as const, invitation };
}

export async function acceptInvitation(actor: Actor, token: string) {
  return db.$transaction(async (tx) => {
    const invitation = await tx.organisationInvitation.findUnique({
      where: { tokenHash: hashToken(token) },
    });
    if (!invitation || invitation.acceptedAt || invitation.expiresAt < new Date())
      throw new NotFound("Inbjudan gäller inte längre. Be om en ny.");
    const { count } = await tx.organisationInvitation.updateMany({
      where: { id: invitation.id, acceptedAt: null },
      data: { acceptedAt: new Date() },
    });
    if (count !== 1) throw new NotFound("Inbjudan gäller inte längre. Be om en ny.");
    await tx.membership.upsert({
      where: {
        userId_organisationId: { userId: actor.id, organisationId: invitation.organisationId },
      },
      create: { userId: actor.id, organisationId: invitation.organisationId },
      update: {},
    });
    if (!actor.roles.includes("APPLICANT"))
      await tx.user.update({ where: { id: actor.id }, data: { roles: { push: "APPLICANT" } } });
    await audit(
      {
        actorId: actor.id,
        action: "organisation.member_joined",
        entityType: "Organisation",
        entityId: invitation.organisationId,
      },
      tx,
    );
    return invitation.organisationId;
  });
}

import "server-only";
import { db } from "../db";
import { audit } from "../audit";
import { queueMail, appUrl } from "../mail";
import { enqueueMail } from "../job-queue";
import { hashToken, newToken } from "../tokens";
import { EmailNotVerified, Forbidden, NotFound } from "../errors";
import { isEmailVerified } from "../email-verification";
import type { Actor } from "../actor";
import { getMyOrganisation } from "./access";

const INVITATION_DAYS = 14;
const NO_LONGER_VALID = "Inbjudan gäller inte längre. Be om en ny.";
const OTHER_ADDRESS =
  "Inbjudan gäller en annan e-postadress än den du är inloggad med. Logga in med adressen som inbjudan skickades till, eller be om en ny inbjudan till din adress.";

const UNVERIFIED =
  "Bekräfta din e-postadress innan du går med: öppna länken i mejlet vi skickade när du skapade kontot, eller be om en ny länk på den här sidan.";

const sameAddress = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** A member invites someone by e-mail; the personal link works for 14 days, once, and only for that address. */
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
      text: `Hej!\n\n${actor.name} har bjudit in dig att arbeta med ansökningar för ${org.name} i Samverka.\n\nÖppna länken för att gå med (den gäller i ${INVITATION_DAYS} dagar och kan användas en gång):\n${appUrl(`/inbjudan/${token}`)}\n\nHar du inget konto skapar du ett med den här e-postadressen först och bekräftar adressen med länken vi skickar dig. Sedan öppnar du den här länken igen.\n\nVänliga hälsningar\nSamverka`,
    });
  });
  await enqueueMail([mailId]);
}

/**
 * The invitation behind a link, for the signed-in actor. An invitation sent to another address
 * answers "wrongAddress", and one sent to the actor's address before they have confirmed it
 * "unverified", both without naming the organisation; the attempt is audited.
 */
export async function findInvitation(token: string, actor: Actor) {
  const invitation = await db.organisationInvitation.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { organisation: { select: { name: true } } },
  });
  if (!invitation) return { state: "unknown" as const };
  if (invitation.acceptedAt) return { state: "used" as const };
  if (invitation.expiresAt < new Date()) return { state: "expired" as const };
  if (!sameAddress(invitation.email, actor.email)) {
    await audit({
      actorId: actor.id,
      action: "organisation.invitation_refused",
      entityType: "Organisation",
      entityId: invitation.organisationId,
      meta: { invitationId: invitation.id, reason: "other_address" },
    });
    return { state: "wrongAddress" as const };
  }
  // The address must be the actor's own, proven by a link we mailed: holding an account with that
  // address is not enough (anyone can register any address).
  if (!(await isEmailVerified(actor.id))) {
    await audit({
      actorId: actor.id,
      action: "organisation.invitation_refused",
      entityType: "Organisation",
      entityId: invitation.organisationId,
      meta: { invitationId: invitation.id, reason: "email_not_verified" },
    });
    return { state: "unverified" as const };
  }
  return { state: "valid" as const, invitation };
}

/** Precondition: a valid invitation sent to the actor's own, confirmed address (case-insensitive). */
export async function acceptInvitation(actor: Actor, token: string) {
  const found = await findInvitation(token, actor);
  if (found.state === "wrongAddress") throw new Forbidden(OTHER_ADDRESS);
  if (found.state === "unverified") throw new EmailNotVerified(UNVERIFIED);
  if (found.state !== "valid") throw new NotFound(NO_LONGER_VALID);
  const { invitation } = found;
  return db.$transaction(async (tx) => {
    const { count } = await tx.organisationInvitation.updateMany({
      where: { id: invitation.id, acceptedAt: null },
      data: { acceptedAt: new Date() },
    });
    if (count !== 1) throw new NotFound(NO_LONGER_VALID);
    await tx.membership.upsert({
      where: {
        userId_organisationId: { userId: actor.id, organisationId: invitation.organisationId },
      },
      create: { userId: actor.id, organisationId: invitation.organisationId },
      update: {},
    });
    // A request to join that was waiting is answered by the invitation.
    await tx.membershipRequest.updateMany({
      where: { organisationId: invitation.organisationId, userId: actor.id, status: "PENDING" },
      data: { status: "APPROVED", decidedById: invitation.invitedById, decidedAt: new Date() },
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

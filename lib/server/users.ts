import "server-only";
import { db, type Tx } from "./db";
import { audit } from "./audit";
import { hashPassword } from "./passwords";
import { Forbidden, NotFound, RuleViolation } from "./errors";
import { appUrl, queueMail } from "./mail";
import { enqueueMail } from "./job-queue";
import { hashToken, newToken } from "./tokens";
import { hit } from "./rate-limit";
import { createConfirmationLink } from "./email-verification";
import type { Role } from "@/lib/domain/roles";
import type { RegisterInput } from "@/lib/validation/auth";
import { deny, type Actor } from "./actor";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Self-registration (docs/domain.md §1, accounts). Anyone may call it, and it answers the same,
 * after the same argon2 work, whether the address is new or already has an account: nobody learns
 * from it which addresses are in Samverka. A new address gets an unconfirmed applicant account and a
 * link to confirm it. An address whose account is confirmed is left as it is; its owner gets a mail
 * that someone tried. An unconfirmed account is left as it is too; the address gets a link that
 * carries this registration's name and password, which the account takes only when that link is
 * opened with that password (lib/server/email-verification.ts). No session is started here.
 */
export async function registerApplicant(input: RegisterInput): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  const mailId = await db
    .$transaction(async (tx) => {
      const existing = await tx.user.findUnique({ where: { email: input.email } });
      // A few mails an hour to an address at most, so that nobody can fill an inbox through this form.
      if (existing && !(await hit("register-mail", existing.id)).ok) return null;
      if (existing?.emailVerifiedAt) {
        await audit(
          {
            action: "user.registration_for_known_address",
            entityType: "User",
            entityId: existing.id,
          },
          tx,
        );
        return queueMail(tx, {
          to: existing.email,
          subject: "Någon försökte skapa ett konto med din e-postadress",
          text: `Hej ${existing.name}!\n\nNågon försökte just skapa ett nytt konto i Samverka med din e-postadress. Du har redan ett konto, och det är inte ändrat.\n\nVar det du? Logga in med ditt lösenord eller med e-legitimation:\n${appUrl("/logga-in")}\n\nVar det inte du behöver du inte göra något.\n\nVänliga hälsningar\nSamverka`,
        });
      }
      const user =
        existing ??
        (await tx.user.create({
          data: { email: input.email, name: input.name, passwordHash, roles: ["APPLICANT"] },
        }));
      await audit(
        {
          actorId: existing ? undefined : user.id,
          action: existing ? "user.registration_for_unconfirmed_address" : "user.registered",
          entityType: "User",
          entityId: user.id,
          after: existing ? undefined : { email: user.email, roles: user.roles },
        },
        tx,
      );
      return createConfirmationLink(tx, user, { name: input.name, passwordHash });
    })
    .catch((error: unknown) => {
      // Two registrations of the same new address at once: the other one made the account.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
        return null;
      throw error;
    });
  await enqueueMail([mailId]);
}

/** Admin only. */
export const listUsers = (actor: Actor) => searchUsers(actor);

const STAFF_INVITATION_DAYS = 7;

async function requireAdmin(actor: Actor, what: string, entityId?: string) {
  if (!actor.roles.includes("ADMIN")) await deny(actor, what, "User", entityId);
}

/** Admins search users by name or e-mail. */
export async function searchUsers(actor: Actor, q = "") {
  await requireAdmin(actor, "user.list");
  const term = q.trim();
  return db.user.findMany({
    where: term
      ? {
          OR: [
            { name: { contains: term, mode: "insensitive" } },
            { email: { contains: term, mode: "insensitive" } },
          ],
        }
      : {},
    orderBy: { name: "asc" },
    take: 200,
    select: {
      id: true,
      name: true,
      email: true,
      roles: true,
      deactivatedAt: true,
      totpEnabledAt: true,
    },
  });
}

/** Changes a user's roles; their sessions must pick up the change at once (session version). */
export async function setRoles(actor: Actor, userId: string, roles: Role[]) {
  await requireAdmin(actor, "user.roles", userId);
  if (userId === actor.id && !roles.includes("ADMIN"))
    throw new RuleViolation([
      {
        code: "SELF_LOCKOUT",
        path: "roles",
        message: "Du kan inte ta bort din egen administratörsroll.",
      },
    ]);
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId } });
    if (!before) throw new NotFound();
    await tx.user.update({
      where: { id: userId },
      // The link reached this mailbox, so the address is confirmed as well.
      data: {
        roles,
        sessionVersion: { increment: 1 },
        emailVerifiedAt: before.emailVerifiedAt ?? new Date(),
      },
    });
    await audit(
      {
        actorId: actor.id,
        action: "user.roles_changed",
        entityType: "User",
        entityId: userId,
        before: { roles: before.roles },
        after: { roles },
      },
      tx,
    );
  });
}

/** Deactivates (or reactivates) an account: it can no longer sign in; its history stays. */
export async function setDeactivated(actor: Actor, userId: string, deactivated: boolean) {
  await requireAdmin(actor, "user.deactivate", userId);
  if (userId === actor.id)
    throw new RuleViolation([
      {
        code: "SELF_LOCKOUT",
        path: "deactivated",
        message: "Du kan inte avaktivera ditt eget konto.",
      },
    ]);
  await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: userId },
      data: { deactivatedAt: deactivated ? new Date() : null, sessionVersion: { increment: 1 } },
    });
    if (!count) throw new NotFound();
    await audit(
      {
        actorId: actor.id,
        action: deactivated ? "user.deactivated" : "user.reactivated",
        entityType: "User",
        entityId: userId,
      },
      tx,
    );
  });
}

const ROLE_NAMES: Record<Role, string> = {
  REVIEWER: "handläggare",
  DECIDER: "beslutsfattare",
  ADMIN: "administratör",
  APPLICANT: "sökande",
};

/** The account that an address belongs to, if any. Addresses compare without regard to case. */
const accountFor = (tx: Tx, email: string) =>
  tx.user.findFirst({ where: { email: { equals: email.trim(), mode: "insensitive" } } });

const sameAddress = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Invites a reviewer, decider or admin by a personal link (7 days, single use). The link is a
 * bearer credential for taking up the roles, never for an account: an address that already has an
 * account is told to sign in as usual and accept there (acceptStaffInvitationAsUser).
 */
export async function inviteStaff(
  actor: Actor,
  input: { name: string; email: string; roles: Role[] },
) {
  await requireAdmin(actor, "user.invite");
  const { token, hash } = newToken();
  const mailId = await db.$transaction(async (tx) => {
    const invitation = await tx.staffInvitation.create({
      data: {
        email: input.email,
        name: input.name,
        roles: input.roles,
        tokenHash: hash,
        expiresAt: new Date(Date.now() + STAFF_INVITATION_DAYS * 86_400_000),
        invitedById: actor.id,
      },
    });
    await audit(
      {
        actorId: actor.id,
        action: "user.invited",
        entityType: "StaffInvitation",
        entityId: invitation.id,
        after: { email: input.email, roles: input.roles },
      },
      tx,
    );
    const existing = await accountFor(tx, input.email);
    const roles = input.roles.map((r) => ROLE_NAMES[r]).join(" och ");
    const link = appUrl(`/personal/inbjudan/${token}`);
    const validity = `den gäller i ${STAFF_INVITATION_DAYS} dagar och kan användas en gång`;
    return queueMail(tx, {
      to: input.email,
      subject: "Inbjudan till Samverka",
      text: existing
        ? `Hej ${input.name}!\n\n${actor.name} har bjudit in dig till Samverka som ${roles}.\n\nDu har redan ett konto i Samverka med den här e-postadressen. Öppna den personliga länken, logga in som vanligt med ditt eget lösenord och ta emot rollen (${validity}):\n${link}\n\nVänliga hälsningar\nSamverka`
        : `Hej ${input.name}!\n\n${actor.name} har bjudit in dig till Samverka som ${roles}.\n\nVälj ditt lösenord via den här personliga länken (${validity}):\n${link}\n\nVänliga hälsningar\nSamverka`,
    });
  });
  await enqueueMail([mailId]);
}

/** The invitation behind a link, and whether its address already has an account. */
export async function findStaffInvitation(token: string) {
  const invitation = await db.staffInvitation.findUnique({
    where: { tokenHash: hashToken(token) },
  });
  if (!invitation) return { state: "unknown" as const };
  if (invitation.acceptedAt) return { state: "used" as const };
  if (invitation.expiresAt < new Date()) return { state: "expired" as const };
  const existingAccount = Boolean(await accountFor(db, invitation.email));
  return { state: "valid" as const, invitation, existingAccount };
}

const SIGN_IN_FIRST =
  "Det finns redan ett konto med den här e-postadressen. Logga in med ditt eget lösenord och ta emot inbjudan när du är inloggad.";

/** Marks the invitation used, inside the caller's transaction; refuses one that is used, expired or unknown. */
async function claimInvitation(tx: Tx, token: string) {
  const invitation = await tx.staffInvitation.findUnique({
    where: { tokenHash: hashToken(token) },
  });
  const now = new Date();
  if (!invitation) throw new NotFound("Inbjudan finns inte.");
  const { count } = await tx.staffInvitation.updateMany({
    where: { id: invitation.id, acceptedAt: null, expiresAt: { gt: now } },
    data: { acceptedAt: now },
  });
  if (count !== 1)
    throw new NotFound("Inbjudan har redan använts eller gått ut. Be en administratör om en ny.");
  return invitation;
}

/**
 * Accepting an invitation to a new address: the account is created with the password the person
 * chooses. An address that already has an account is refused (and the invitation stays unused):
 * its owner signs in as themselves and accepts with acceptStaffInvitationAsUser.
 */
export async function acceptStaffInvitation(token: string, password: string) {
  const pending = await db.staffInvitation.findUnique({ where: { tokenHash: hashToken(token) } });
  const open = pending && !pending.acceptedAt && pending.expiresAt > new Date();
  if (open && (await accountFor(db, pending.email))) {
    // The page never offers a password here: this is a crafted request, worth a trace.
    await audit({
      action: "access.denied",
      entityType: "StaffInvitation",
      entityId: pending.id,
      meta: { what: "user.invitation_accept", reason: "existing_account" },
    });
    throw new Forbidden(SIGN_IN_FIRST);
  }
  const passwordHash = await hashPassword(password);
  try {
    return await db.$transaction(async (tx) => {
      const invitation = await claimInvitation(tx, token);
      // Checked again: the address may have got an account a moment ago.
      if (await accountFor(tx, invitation.email)) throw new Forbidden(SIGN_IN_FIRST);
      const user = await tx.user.create({
        data: {
          email: invitation.email,
          name: invitation.name,
          roles: invitation.roles,
          passwordHash,
          // The link reached this mailbox: the address is confirmed.
          emailVerifiedAt: new Date(),
        },
      });
      await audit(
        {
          actorId: user.id,
          action: "user.invitation_accepted",
          entityType: "StaffInvitation",
          entityId: invitation.id,
          after: { roles: user.roles },
          meta: { account: "new", userId: user.id },
        },
        tx,
      );
      return user;
    });
  } catch (error) {
    // The address got an account between the check and the insert.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new Forbidden(SIGN_IN_FIRST);
    throw error;
  }
}

/**
 * Accepting an invitation as the signed-in owner of the invited address: the roles are added to
 * the account, its password is untouched, and its sessions end (the role change takes effect at
 * the next sign-in, with two factors). Anyone signed in with another address is refused.
 */
export async function acceptStaffInvitationAsUser(actor: Actor, token: string) {
  const invitation = await db.staffInvitation.findUnique({
    where: { tokenHash: hashToken(token) },
  });
  if (!invitation) throw new NotFound("Inbjudan finns inte.");
  if (!sameAddress(actor.email, invitation.email)) {
    await audit({
      actorId: actor.id,
      action: "access.denied",
      entityType: "StaffInvitation",
      entityId: invitation.id,
      meta: { what: "user.invitation_accept", reason: "other_address" },
    });
    throw new Forbidden(
      "Inbjudan gäller en annan e-postadress än den du är inloggad med. Logga ut och logga in med adressen som inbjudan skickades till.",
    );
  }
  return db.$transaction(async (tx) => {
    await claimInvitation(tx, token);
    const before = await tx.user.findUnique({ where: { id: actor.id } });
    if (!before || before.deactivatedAt) throw new NotFound();
    const roles = [...new Set([...before.roles, ...invitation.roles])];
    const user = await tx.user.update({
      where: { id: before.id },
      // The link reached this mailbox, so the address is confirmed as well.
      data: {
        roles,
        sessionVersion: { increment: 1 },
        emailVerifiedAt: before.emailVerifiedAt ?? new Date(),
      },
    });
    await audit(
      {
        actorId: user.id,
        action: "user.invitation_accepted",
        entityType: "StaffInvitation",
        entityId: invitation.id,
        before: { roles: before.roles },
        after: { roles: user.roles },
        meta: { account: "existing", userId: user.id },
      },
      tx,
    );
    return user;
  });
}

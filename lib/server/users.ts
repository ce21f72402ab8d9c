import "server-only";
import { db } from "./db";
import { audit } from "./audit";
import { hashPassword } from "./passwords";
import { NotFound, RuleViolation } from "./errors";
import { appUrl, queueMail } from "./mail";
import { enqueueMail } from "./job-queue";
import { hashToken, newToken } from "./tokens";
import { hit } from "./rate-limit";
import { createConfirmationLink } from "./email-verification";
import type { Role } from "@/lib/domain/roles";
import type { RegisterInput } from "@/lib/validation/auth";
import { deny, type Actor } from "./actor";
import { Prisma } from "@/lib/generated/prisma/client";

const MAILS_PER_ADDRESS_HOUR = 3;

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
      if (existing && !(await hit(`register:address:${existing.id}`, MAILS_PER_ADDRESS_HOUR, 3600)))
        return null;
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
      data: { roles, sessionVersion: { increment: 1 } },
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

/** Invites a reviewer, decider or admin by a personal link (7 days, single use). */
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
    return queueMail(tx, {
      to: input.email,
      subject: "Inbjudan till Samverka",
      text: `Hej ${input.name}!\n\n${actor.name} har bjudit in dig till Samverka som ${input.roles.map((r) => ({ REVIEWER: "handläggare", DECIDER: "beslutsfattare", ADMIN: "administratör", APPLICANT: "sökande" })[r]).join(" och ")}.\n\nVälj ditt lösenord via den här personliga länken (den gäller i ${STAFF_INVITATION_DAYS} dagar och kan användas en gång):\n${appUrl(`/personal/inbjudan/${token}`)}\n\nVänliga hälsningar\nSamverka`,
    });
  });
  await enqueueMail([mailId]);
}

export async function findStaffInvitation(token: string) {
  const invitation = await db.staffInvitation.findUnique({
    where: { tokenHash: hashToken(token) },
  });
  if (!invitation) return { state: "unknown" as const };
  if (invitation.acceptedAt) return { state: "used" as const };
  if (invitation.expiresAt < new Date()) return { state: "expired" as const };
  return { state: "valid" as const, invitation };
}

/** Accepting creates the account (or adds the roles to an existing one with that e-mail address). */
export async function acceptStaffInvitation(token: string, password: string) {
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
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
    const existing = await tx.user.findUnique({ where: { email: invitation.email } });
    const user = existing
      ? await tx.user.update({
          where: { id: existing.id },
          data: {
            roles: [...new Set([...existing.roles, ...invitation.roles])],
            passwordHash,
            sessionVersion: { increment: 1 },
          },
        })
      : await tx.user.create({
          data: {
            email: invitation.email,
            name: invitation.name,
            roles: invitation.roles,
            passwordHash,
          },
        });
    await audit(
      {
        actorId: user.id,
        action: "user.invitation_accepted",
        entityType: "StaffInvitation",
        entityId: invitation.id,
        after: { roles: user.roles },
      },
      tx,
    );
    return user;
  });
}

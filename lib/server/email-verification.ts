import "server-only";
import { db, type Tx } from "./db";
import { audit } from "./audit";
import { appUrl, queueMail } from "./mail";
import { enqueueMail } from "./job-queue";
import { hashToken, newToken } from "./tokens";
import { verifyPassword } from "./passwords";
import { hit } from "./rate-limit";
import { DomainError, EmailNotVerified, RuleViolation } from "./errors";
import type { Actor } from "./actor";

// Confirming an e-mail address (docs/domain.md §1, accounts). A link we mail proves that the person
// reads mail at the address. Opening it confirms the address only for someone who is signed in to
// that account or gives the password chosen when the link was asked for: a person who receives a
// link they did not ask for cannot, by opening it, hand a confirmed account to whoever registered
// their address. Until the address is confirmed, the person may sign in and write drafts but not
// submit an application or join an organisation by invitation.

const LINK_HOURS = 48;

/** Writes a confirmation link for `user` and its mail, in the caller's transaction; returns the mail's id. */
export async function createConfirmationLink(
  tx: Tx,
  user: { id: string; email: string },
  fromRegistration?: { name: string; passwordHash: string },
): Promise<string | null> {
  const { token, hash } = newToken();
  await tx.emailVerification.create({
    data: {
      userId: user.id,
      tokenHash: hash,
      name: fromRegistration?.name,
      passwordHash: fromRegistration?.passwordHash,
      expiresAt: new Date(Date.now() + LINK_HOURS * 3_600_000),
    },
  });
  return queueMail(tx, {
    to: user.email,
    subject: "Bekräfta din e-postadress i Samverka",
    text: `Hej!\n\nNågon, förhoppningsvis du, vill använda ${user.email} i Samverka. Öppna länken för att bekräfta att adressen är din (den gäller i ${LINK_HOURS} timmar och kan användas en gång):\n${appUrl(`/bekrafta-epost/${token}`)}\n\nNär adressen är bekräftad kan du skicka in ansökningar och gå med i organisationer som bjuder in dig.\n\nHar du inte skapat något konto i Samverka behöver du inte göra något: utan lösenordet som valdes kan ingen bekräfta adressen med den här länken.\n\nVänliga hälsningar\nSamverka`,
  });
}

/** Whether the user has confirmed their e-mail address. */
export async function isEmailVerified(userId: string): Promise<boolean> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { emailVerifiedAt: true },
  });
  return Boolean(user?.emailVerifiedAt);
}

/** Refuses, in Swedish, what only a person with a confirmed address may do. */
export async function requireVerifiedEmail(actor: Actor, what: string): Promise<void> {
  if (await isEmailVerified(actor.id)) return;
  await audit({
    actorId: actor.id,
    action: "access.denied",
    entityType: "User",
    entityId: actor.id,
    meta: { what, reason: "email_not_verified" },
  });
  throw new EmailNotVerified();
}

/** The signed-in person asks for a new link (a few an hour); answers the address it went to. */
export async function resendConfirmationLink(actor: Actor): Promise<{ email: string }> {
  const user = await db.user.findUnique({ where: { id: actor.id } });
  if (!user || user.emailVerifiedAt) return { email: actor.email };
  if (!(await hit("verify-resend", user.id)).ok)
    throw new DomainError(
      "Du har bett om flera länkar den senaste timmen. Använd den senaste, eller vänta en stund och försök igen.",
    );
  const mailId = await db.$transaction(async (tx) => {
    await audit(
      { actorId: user.id, action: "user.email_link_sent", entityType: "User", entityId: user.id },
      tx,
    );
    return createConfirmationLink(tx, user);
  });
  await enqueueMail([mailId]);
  return { email: user.email };
}

type LinkRow = NonNullable<Awaited<ReturnType<typeof linkFor>>>;
const linkFor = (token: string) =>
  db.emailVerification.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: { select: { id: true, email: true, emailVerifiedAt: true } } },
  });

const stateOf = (link: LinkRow | null, now = new Date()) =>
  !link
    ? ("unknown" as const)
    : link.usedAt || link.user.emailVerifiedAt
      ? ("used" as const)
      : link.expiresAt < now
        ? ("expired" as const)
        : ("valid" as const);

/** What the link's page shows: nothing about the account unless the link is valid. */
export async function findConfirmationLink(token: string, actor: Actor | null) {
  const link = await linkFor(token);
  const state = stateOf(link);
  if (state !== "valid" || !link) return { state };
  return {
    state,
    email: link.user.email,
    /** Signed in to the account the link is for: a button is enough, no password is asked. */
    signedInAsOwner: actor?.id === link.userId,
  };
}

const WRONG_PASSWORD = "Lösenordet stämmer inte med det som valdes när länken skickades.";
const NO_LONGER_VALID =
  "Länken gäller inte längre. Logga in och be om en ny länk, eller skapa kontot igen.";

/**
 * Confirms the address behind the link. The person is signed in to that account, or gives the
 * password chosen with the registration that sent the link (or, for a link asked for later, the
 * account's password). An account still unconfirmed takes the registration's name and password
 * (so the owner of the address can take back an address someone else registered); its other
 * sessions end. Answers the address, so the page can sign the person in.
 */
export async function confirmEmail(
  token: string,
  actor: Actor | null,
  password?: string,
): Promise<{ email: string }> {
  const link = await linkFor(token);
  if (!link || stateOf(link) !== "valid") throw new DomainError(NO_LONGER_VALID);
  const owner = actor?.id === link.userId;
  let takesPassword = false;
  if (!owner) {
    if (!(await hit("verify-confirm", link.id)).ok)
      throw new DomainError("För många försök. Vänta en stund och försök igen.");
    const account = await db.user.findUnique({
      where: { id: link.userId },
      select: { passwordHash: true },
    });
    const expected = link.passwordHash ?? account?.passwordHash;
    if (!password || !(await verifyPassword(expected, password))) {
      await audit({
        actorId: actor?.id,
        action: "user.email_confirm_refused",
        entityType: "User",
        entityId: link.userId,
        meta: { reason: "password" },
      });
      throw new RuleViolation([
        { code: "WRONG_PASSWORD", path: "password", message: WRONG_PASSWORD },
      ]);
    }
    takesPassword = Boolean(link.passwordHash) && link.passwordHash !== account?.passwordHash;
  }
  await db.$transaction(async (tx) => {
    const now = new Date();
    const { count } = await tx.emailVerification.updateMany({
      where: { id: link.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    const confirmed = await tx.user.updateMany({
      where: { id: link.userId, emailVerifiedAt: null },
      data: {
        emailVerifiedAt: now,
        ...(takesPassword
          ? {
              passwordHash: link.passwordHash,
              name: link.name ?? undefined,
              sessionVersion: { increment: 1 },
            }
          : {}),
      },
    });
    if (count !== 1 || confirmed.count !== 1) throw new DomainError(NO_LONGER_VALID);
    // The other links to this address are of no use now.
    await tx.emailVerification.updateMany({
      where: { userId: link.userId, usedAt: null },
      data: { usedAt: now },
    });
    await audit(
      {
        actorId: link.userId,
        action: "user.email_confirmed",
        entityType: "User",
        entityId: link.userId,
        meta: { passwordSet: takesPassword },
      },
      tx,
    );
  });
  return { email: link.user.email };
}

import "server-only";
import { createHash } from "node:crypto";
import type { Account, Profile } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { db } from "./db";
import { audit } from "./audit";
import { logger } from "./logger";

// Sign-in with e-legitimation (BankID, Freja eID …) through an OpenID Connect broker, the way
// Swedish agencies reach them. On only when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are
// set. A person is known by (issuer, subject); at the first sign-in an account with the same
// verified e-mail address is linked, otherwise an applicant account is made. E-legitimation counts
// as the second factor for staff (it is multi-factor in itself).

export const ELEG_PROVIDER_ID = "eleg";

export type ElegProfile = Profile & {
  sub: string;
  name?: string;
  given_name?: string;
  family_name?: string;
  email?: string;
  email_verified?: boolean;
};

export const elegConfigured = () =>
  Boolean(process.env.OIDC_ISSUER && process.env.OIDC_CLIENT_ID && process.env.OIDC_CLIENT_SECRET);

const elegIssuer = () => (process.env.OIDC_ISSUER ?? "").replace(/\/$/, "");

export function elegProvider(): OAuthConfig<ElegProfile>[] {
  if (!elegConfigured()) return [];
  return [
    {
      id: ELEG_PROVIDER_ID,
      name: "E-legitimation",
      type: "oauth",
      wellKnown: `${elegIssuer()}/.well-known/openid-configuration`,
      clientId: process.env.OIDC_CLIENT_ID,
      clientSecret: process.env.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: process.env.OIDC_SCOPE ?? "openid profile email" } },
      idToken: true,
      checks: ["pkce", "state", "nonce"],
      profile: (profile) => ({
        id: profile.sub,
        name: displayName(profile),
        email: profile.email ?? null,
      }),
    },
  ];
}

function displayName(profile: ElegProfile): string {
  const joined = [profile.given_name, profile.family_name].filter(Boolean).join(" ");
  return (profile.name ?? joined).trim() || "Namn saknas";
}

/** Before a session is made: a linked account that has been deactivated may not sign in. */
export async function elegMaySignIn(account: Account | null): Promise<boolean> {
  if (account?.provider !== ELEG_PROVIDER_ID) return true;
  const identity = await db.externalIdentity.findUnique({
    where: { issuer_subject: { issuer: elegIssuer(), subject: account.providerAccountId } },
    include: { user: { select: { deactivatedAt: true } } },
  });
  return !identity?.user.deactivatedAt;
}

/** Finds or makes the account of the person who signed in; answers what the session needs. */
export async function signInWithEleg(
  rawProfile: Profile | Partial<ElegProfile> | undefined,
  account: Account,
): Promise<{ id: string; sessionVersion: number }> {
  const profile = (rawProfile ?? {}) as ElegProfile;
  const issuer = elegIssuer();
  const subject = account.providerAccountId || profile.sub;
  if (!subject) throw new Error("e-legitimation answered without a subject");
  const known = await db.externalIdentity.findUnique({
    where: { issuer_subject: { issuer, subject } },
    include: { user: true },
  });
  if (known) {
    await db.externalIdentity.update({ where: { id: known.id }, data: { lastUsedAt: new Date() } });
    await audit({
      actorId: known.userId,
      action: "auth.signed_in",
      entityType: "User",
      entityId: known.userId,
      meta: { method: "eleg" },
    });
    return { id: known.user.id, sessionVersion: known.user.sessionVersion };
  }
  const email = profile.email?.trim().toLowerCase();
  const verifiedEmail = email && profile.email_verified === true ? email : null;
  return db.$transaction(async (tx) => {
    const existing = verifiedEmail
      ? await tx.user.findUnique({ where: { email: verifiedEmail } })
      : null;
    const placeholder = `eleg-${createHash("sha256").update(`${issuer}|${subject}`).digest("hex").slice(0, 16)}@e-legitimation.invalid`;
    // The identity is proven by the e-legitimation and an address by its provider: the account
    // counts as confirmed (docs/domain.md §1, accounts). An unconfirmed account with that address
    // may have been registered by someone else: its password and sessions end.
    const user = existing
      ? existing.emailVerifiedAt
        ? existing
        : await tx.user.update({
            where: { id: existing.id },
            data: {
              emailVerifiedAt: new Date(),
              passwordHash: null,
              sessionVersion: { increment: 1 },
            },
          })
      : await tx.user.create({
          data: {
            email: verifiedEmail ?? placeholder,
            name: displayName(profile),
            roles: ["APPLICANT"],
            emailVerifiedAt: new Date(),
          },
        });
    await tx.externalIdentity.create({ data: { userId: user.id, issuer, subject } });
    await audit(
      {
        actorId: user.id,
        action: existing ? "auth.eleg_linked" : "auth.eleg_account_created",
        entityType: "User",
        entityId: user.id,
        meta: { issuer, emailVerified: Boolean(verifiedEmail) },
      },
      tx,
    );
    await audit(
      {
        actorId: user.id,
        action: "auth.signed_in",
        entityType: "User",
        entityId: user.id,
        meta: { method: "eleg" },
      },
      tx,
    );
    logger.info(
      { event: existing ? "auth.eleg_linked" : "auth.eleg_account_created", userId: user.id },
      "e-legitimation identity linked",
    );
    return { id: user.id, sessionVersion: user.sessionVersion };
  });
}

import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "@/lib/validation/zod";
import { db } from "./db";
import { verifyPassword } from "./passwords";
import { audit } from "./audit";
import { logger } from "./logger";
import { clientAddress, hit } from "./rate-limit";
import { verifySecondFactor } from "./two-factor";
import { authSecret, SESSION_MAX_AGE } from "./session-token";
import { endSession, startSession } from "./sessions";
import { requiresTwoFactor } from "@/lib/domain/two-factor";
import { safeNextPath } from "@/lib/domain/safe-redirect";
import { ELEG_PROVIDER_ID, elegMaySignIn, elegProvider, signInWithEleg } from "./eleg";

export const FAILED_SIGN_INS_BEFORE_LOCK = 5;
const LOCK_MINUTES = 15;
const SIGN_IN_LIMIT_PER_IP = Number(process.env.SAMVERKA_SIGNIN_LIMIT_PER_IP ?? 100);

const Credentials = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(1).max(200),
  code: z
    .string()
    .trim()
    .max(40)
    .optional()
    .transform((v) => v || undefined),
});

type UserRow = { id: string; failedSignIns: number };

/** A wrong password or second factor: counted, and the fifth in a row locks the account for a while. */
async function recordFailure(
  user: UserRow | null,
  reason: "password" | "second_factor",
  deactivated = false,
) {
  logger.info({ event: "auth.sign_in_failed", userId: user?.id, reason }, "sign-in failed");
  await audit({
    actorId: user?.id,
    action: "auth.sign_in_failed",
    entityType: "User",
    entityId: user?.id,
    meta: { reason, deactivated },
  });
  if (!user) return;
  const failed = user.failedSignIns + 1;
  const lock = failed >= FAILED_SIGN_INS_BEFORE_LOCK;
  await db.user.update({
    where: { id: user.id },
    data: {
      failedSignIns: lock ? 0 : failed,
      lockedUntil: lock ? new Date(Date.now() + LOCK_MINUTES * 60_000) : undefined,
    },
  });
  if (lock) {
    logger.warn(
      { event: "auth.account_locked", userId: user.id },
      "account locked after failed sign-ins",
    );
    await audit({
      actorId: user.id,
      action: "auth.account_locked",
      entityType: "User",
      entityId: user.id,
      meta: { minutes: LOCK_MINUTES },
    });
  }
}

// Credentials sessions are JWTs; lib/server/actor.ts re-reads the user on every request, so a role
// change or deactivation takes effect at once (see docs/decisions/002-sessions-and-authorization.md).
export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
  pages: { signIn: "/logga-in", error: "/logga-in" },
  providers: [
    CredentialsProvider({
      name: "E-post och lösenord",
      credentials: {
        email: { label: "E-post", type: "email" },
        password: { label: "Lösenord", type: "password" },
        code: { label: "Engångskod", type: "text" },
      },
      async authorize(raw, req) {
        const parsed = Credentials.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        // Abuse limits held in PostgreSQL, so they count across app instances.
        const ip = await clientAddress(req?.headers ?? {});
        if (!(await hit(`signin:ip:${ip}`, SIGN_IN_LIMIT_PER_IP, 300)))
          throw new Error("RATE_LIMITED");
        const user = await db.user.findUnique({ where: { email } });
        // No user enumeration: an unknown address, a locked, deactivated or password-less account
        // and a wrong password get the same answer (null: "wrong e-mail or password, or locked for
        // a while") after the same argon2 work (verifyPassword checks a dummy hash when there is none).
        const passwordOk = await verifyPassword(user?.passwordHash, password);
        if (user?.lockedUntil && user.lockedUntil > new Date()) {
          await audit({
            actorId: user.id,
            action: "auth.sign_in_refused_locked",
            entityType: "User",
            entityId: user.id,
          });
          return null;
        }
        const ok = user && !user.deactivatedAt && passwordOk;
        if (!ok) {
          await recordFailure(user, "password", Boolean(user?.deactivatedAt));
          return null;
        }
        // Staff: the second factor. Enrolled staff must give a code now; staff not yet enrolled get
        // a session without their staff roles until they have enrolled (lib/server/actor.ts).
        let secondFactor = false;
        if (requiresTwoFactor(user.roles) && user.totpEnabledAt) {
          if (!parsed.data.code) throw new Error("TOTP_REQUIRED");
          const result = await verifySecondFactor(user, parsed.data.code);
          if (result !== "ok") {
            await recordFailure(user, "second_factor");
            throw new Error(result === "reused" ? "TOTP_REUSED" : "TOTP_INVALID");
          }
          secondFactor = true;
        }
        await db.user.update({
          where: { id: user.id },
          data: { failedSignIns: 0, lockedUntil: null },
        });
        await audit({
          actorId: user.id,
          action: "auth.signed_in",
          entityType: "User",
          entityId: user.id,
          meta: { method: secondFactor ? "password+totp" : "password" },
        });
        return {
          id: user.id,
          email: user.email,
          name: user.name,
          sessionVersion: user.sessionVersion,
          secondFactor,
        };
      },
    }),
    ...elegProvider(),
  ],
  callbacks: {
    signIn: ({ account }) => elegMaySignIn(account),
    // Every callbackUrl (sign-in, e-legitimation, sign-out) stays on this site.
    redirect: ({ url, baseUrl }) => new URL(safeNextPath(url, "/", baseUrl), baseUrl).toString(),
    async jwt({ token, user, account, profile }) {
      if (account?.provider === ELEG_PROVIDER_ID) {
        // E-legitimation (BankID, Freja …) is itself strong, multi-factor authentication.
        const signedIn = await signInWithEleg(profile, account);
        token.uid = signedIn.id;
        token.sid = await startSession(signedIn.id);
        token.sv = signedIn.sessionVersion;
        token.mfa = true;
        token.amr = "eleg";
      } else if (user) {
        token.uid = user.id;
        token.sid = await startSession(user.id);
        token.sv = user.sessionVersion;
        token.mfa = Boolean(user.secondFactor);
        token.amr = user.secondFactor ? "password+totp" : "password";
      }
      return token;
    },
    session({ session, token }) {
      session.uid = token.uid;
      session.sv = token.sv;
      session.mfa = token.mfa;
      return session;
    },
  },
  events: {
    // Sign-out (POST /api/auth/signout) ends this session on the server: a copy of the cookie is
    // refused from now on (lib/server/sessions.ts).
    async signOut({ token }) {
      if (!token?.sid || !token.uid) return;
      await endSession(token.sid, token.uid);
      await audit({
        actorId: token.uid,
        action: "auth.signed_out",
        entityType: "User",
        entityId: token.uid,
      });
    },
  },
};

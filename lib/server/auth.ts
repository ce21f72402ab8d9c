import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "@/lib/validation/zod";
import { db } from "./db";
import { verifyPassword } from "./passwords";
import { audit } from "./audit";
import { logger } from "./logger";
import { clientAddress } from "./rate-limit";
import {
  signInFailed,
  signInPaused,
  signInSucceeded,
  startSignIn,
  type SignInTurn,
} from "./sign-in-throttle";
import { verifySecondFactor } from "./two-factor";
import { authSecret, SESSION_MAX_AGE } from "./session-token";
import { endSession, startSession } from "./sessions";
import { requiresTwoFactor } from "@/lib/domain/two-factor";
import { safeNextPath } from "@/lib/domain/safe-redirect";
import { ELEG_PROVIDER_ID, elegMaySignIn, elegProvider, signInWithEleg } from "./eleg";

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

/** A wrong password or second factor: logged and counted towards the account's delay. */
async function recordFailure(
  turn: SignInTurn,
  userId: string | undefined,
  reason: "password" | "second_factor",
  deactivated = false,
) {
  const { failures, waitSeconds } = await signInFailed(turn);
  logger.info(
    { event: "auth.sign_in_failed", userId, reason, failures, waitSeconds },
    "sign-in failed",
  );
  await audit({
    actorId: userId,
    action: "auth.sign_in_failed",
    entityType: "User",
    entityId: userId,
    meta: { reason, deactivated, failures, waitSeconds },
  });
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
        // Throttled per account and per address before any password is checked
        // (lib/server/sign-in-throttle.ts); a wait is answered "THROTTLED:<seconds>".
        const start = await startSignIn(email, await clientAddress(req?.headers ?? {}));
        if (!start.ok) {
          logger.info(
            { event: "auth.sign_in_throttled", by: start.by, waitSeconds: start.waitSeconds },
            "sign-in attempt refused: wait first",
          );
          throw new Error(`THROTTLED:${start.waitSeconds}`);
        }
        const { turn } = start;
        const user = await db.user.findUnique({ where: { email } });
        // No user enumeration: an unknown address, a deactivated or password-less account and a
        // wrong password get the same answer (null: "wrong e-mail or password") after the same
        // argon2 work (verifyPassword checks a dummy hash when there is none) and the same count.
        const passwordOk = await verifyPassword(user?.passwordHash, password);
        const ok = user && !user.deactivatedAt && passwordOk;
        if (!ok) {
          await recordFailure(turn, user?.id, "password", Boolean(user?.deactivatedAt));
          return null;
        }
        // Staff: the second factor. Enrolled staff must give a code now; staff not yet enrolled get
        // a session without their staff roles until they have enrolled (lib/server/actor.ts).
        let secondFactor = false;
        if (requiresTwoFactor(user.roles) && user.totpEnabledAt) {
          if (!parsed.data.code) {
            await signInPaused(turn);
            throw new Error("TOTP_REQUIRED");
          }
          const result = await verifySecondFactor(user, parsed.data.code);
          if (result !== "ok") {
            await recordFailure(turn, user.id, "second_factor");
            throw new Error(result === "reused" ? "TOTP_REUSED" : "TOTP_INVALID");
          }
          secondFactor = true;
        }
        await signInSucceeded(turn);
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

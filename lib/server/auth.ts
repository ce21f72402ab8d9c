import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "./db";
import { verifyPassword } from "./passwords";
import { audit } from "./audit";
import { logger } from "./logger";
import { clientAddress, hit } from "./rate-limit";

export const FAILED_SIGN_INS_BEFORE_LOCK = 5;
export const LOCK_MINUTES = 15;
const SIGN_IN_LIMIT_PER_IP = Number(process.env.SAMVERKA_SIGNIN_LIMIT_PER_IP ?? 100);

const Credentials = z.object({ email: z.string().trim().toLowerCase().email(), password: z.string().min(1).max(200) });

export const authSecret = () => process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;

// Credentials sessions are JWTs; lib/server/actor.ts re-reads the user on every request, so a role
// change or deactivation takes effect at once (see docs/decisions/002-sessions-and-authorization.md).
export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/logga-in", error: "/logga-in" },
  providers: [
    CredentialsProvider({
      name: "E-post och lösenord",
      credentials: { email: { label: "E-post", type: "email" }, password: { label: "Lösenord", type: "password" } },
      async authorize(raw, req) {
        const parsed = Credentials.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        // Abuse limits held in PostgreSQL, so they count across app instances.
        const ip = await clientAddress(req?.headers ?? {});
        if (!(await hit(`signin:ip:${ip}`, SIGN_IN_LIMIT_PER_IP, 300))) throw new Error("RATE_LIMITED");
        const user = await db.user.findUnique({ where: { email } });
        if (user?.lockedUntil && user.lockedUntil > new Date()) {
          await audit({ actorId: user.id, action: "auth.sign_in_refused_locked", entityType: "User", entityId: user.id });
          throw new Error("LOCKED");
        }
        const ok = user && !user.deactivatedAt && (await verifyPassword(user.passwordHash, password));
        if (!ok) {
          logger.info({ event: "auth.sign_in_failed", userId: user?.id }, "sign-in failed");
          await audit({ actorId: user?.id, action: "auth.sign_in_failed", entityType: "User", entityId: user?.id, meta: { deactivated: Boolean(user?.deactivatedAt) } });
          if (user) {
            const failed = user.failedSignIns + 1;
            const lock = failed >= FAILED_SIGN_INS_BEFORE_LOCK;
            await db.user.update({ where: { id: user.id }, data: { failedSignIns: lock ? 0 : failed, lockedUntil: lock ? new Date(Date.now() + LOCK_MINUTES * 60_000) : undefined } });
            if (lock) {
              logger.warn({ event: "auth.account_locked", userId: user.id }, "account locked after failed sign-ins");
              await audit({ actorId: user.id, action: "auth.account_locked", entityType: "User", entityId: user.id, meta: { minutes: LOCK_MINUTES } });
            }
          }
          return null;
        }
        await db.user.update({ where: { id: user.id }, data: { failedSignIns: 0, lockedUntil: null } });
        await audit({ actorId: user.id, action: "auth.signed_in", entityType: "User", entityId: user.id });
        return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      session.uid = token.uid;
      session.sv = token.sv;
      return session;
    },
  },
};

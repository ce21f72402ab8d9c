import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "./db";
import { verifyPassword } from "./passwords";
import { audit } from "./audit";
import { logger } from "./logger";

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
      async authorize(raw) {
        const parsed = Credentials.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const user = await db.user.findUnique({ where: { email } });
        const ok = user && !user.deactivatedAt && (await verifyPassword(user.passwordHash, password));
        if (!ok) {
          logger.info({ event: "auth.sign_in_failed", userId: user?.id }, "sign-in failed");
          await audit({ actorId: user?.id, action: "auth.sign_in_failed", entityType: "User", entityId: user?.id, meta: { deactivated: Boolean(user?.deactivatedAt) } });
          return null;
        }
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

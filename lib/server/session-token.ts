import "server-only";
import { cookies } from "next/headers";
import { decode, encode, type JWT } from "next-auth/jwt";

// next-auth (v4) keeps the session in an encrypted JWT cookie. After a person has enrolled in
// two-factor sign-in — proving the new authenticator with a code — their current session is
// re-issued with the second factor noted, so they can go on without signing in again.

/** The secret that encrypts the session cookie (next-auth's authOptions use it too). */
export const authSecret = () => process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
/** How long a session lasts, in seconds. */
export const SESSION_MAX_AGE = 8 * 60 * 60;

const secure = () => (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
const cookieName = () => `${secure() ? "__Secure-" : ""}next-auth.session-token`;

/**
 * The claims of this request's session cookie, decrypted directly (what getServerSession does,
 * without running next-auth's whole request cycle on every page). null when absent, expired or
 * not ours. next-auth splits a large cookie into .0, .1 …; ours is small, but both are read.
 */
export async function sessionClaims(): Promise<JWT | null> {
  const jar = await cookies();
  const name = cookieName();
  const value =
    jar.get(name)?.value ??
    jar
      .getAll()
      .filter((c) => c.name.startsWith(`${name}.`))
      .sort((a, b) => Number(a.name.split(".").pop()) - Number(b.name.split(".").pop()))
      .map((c) => c.value)
      .join("");
  const secret = authSecret();
  if (!value || !secret) return null;
  try {
    return await decode({ token: value, secret });
  } catch {
    return null;
  }
}

export async function markSessionSecondFactor(userId: string): Promise<boolean> {
  const jar = await cookies();
  const current = jar.get(cookieName())?.value;
  const secret = authSecret();
  if (!current || !secret) return false;
  const token = await decode({ token: current, secret });
  if (!token || token.uid !== userId) return false;
  const maxAge = SESSION_MAX_AGE;
  const value = await encode({
    token: { ...token, mfa: true, amr: "password+totp" },
    secret,
    maxAge,
  });
  jar.set(cookieName(), value, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: secure(),
    maxAge,
  });
  return true;
}

import "server-only";
import { db } from "./db";
import { SESSION_MAX_AGE } from "./session-token";

// The session cookie is a JWT, which cannot be taken back by itself; each one carries the id (sid)
// of a UserSession row instead, and lib/server/actor.ts accepts a cookie only while its row
// exists. Signing out deletes the row, so a copied cookie stops working at once
// (docs/decisions/002-sessions-and-authorization.md).

/** A new session for a person who has just signed in; its id goes into the cookie. */
export async function startSession(userId: string): Promise<string> {
  const session = await db.userSession.create({
    data: { userId, expiresAt: new Date(Date.now() + SESSION_MAX_AGE * 1000) },
  });
  return session.id;
}

/** Sign-out: this session ends on the server, whatever copies of its cookie are left. */
export async function endSession(sessionId: string, userId: string): Promise<void> {
  await db.userSession.deleteMany({ where: { id: sessionId, userId } });
}

/** Daily: sessions past their end are cleared (they are refused anyway). */
export const pruneSessions = () =>
  db.userSession.deleteMany({ where: { expiresAt: { lt: new Date() } } });

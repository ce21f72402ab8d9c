import "server-only";
import { db } from "./db";
import { deny, type Actor } from "./actor";

/** The mail outbox, newest first: what was (or will be) sent, for administrators. */
export async function listOutbox(actor: Actor, take = 100) {
  if (!actor.roles.includes("ADMIN")) await deny(actor, "outbox.read");
  return db.mailMessage.findMany({ orderBy: { createdAt: "desc" }, take });
}

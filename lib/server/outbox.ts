import "server-only";
import { db } from "./db";
import { requireRole } from "./actor";

/** The mail outbox, newest first: what was (or will be) sent, for administrators. */
export async function listOutbox(take = 100) {
  await requireRole(["ADMIN"], "outbox.read");
  return db.mailMessage.findMany({ orderBy: { createdAt: "desc" }, take });
}

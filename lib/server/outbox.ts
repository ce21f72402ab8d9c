import "server-only";
import { db } from "./db";
import { deny, type Actor } from "./actor";
import { maskBearerLinks } from "@/lib/domain/bearer-links";

/**
 * The mail outbox, newest first: what was (or will be) sent, for administrators. Personal links
 * are bearer credentials meant for the recipient alone, so the text comes back with them masked
 * (lib/domain/bearer-links.ts); the page never receives a live token.
 */
export async function listOutbox(actor: Actor, take = 100) {
  if (!actor.roles.includes("ADMIN")) await deny(actor, "outbox.read");
  const mails = await db.mailMessage.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, to: true, subject: true, text: true, status: true, createdAt: true },
  });
  return mails.map((m) => ({
    ...m,
    subject: maskBearerLinks(m.subject),
    text: maskBearerLinks(m.text),
  }));
}

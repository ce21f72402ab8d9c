import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { db, type Tx } from "./db";
import { logger } from "./logger";

// Transactional outbox: a mail is written in the same transaction as the change it tells about,
// so it is queued if and only if the change is saved. A job (lib/server/jobs.ts) delivers it.
// Without SMTP_URL the outbox table is the destination (developers and tests read it there).

export type MailInput = {
  to: string;
  subject: string;
  text: string;
  dedupeKey?: string;
  /** The case the mail is about: the case file (lib/server/case-file) lists it there. */
  applicationId?: string;
};

export async function queueMail(tx: Tx, mail: MailInput): Promise<string | null> {
  if (mail.dedupeKey) {
    const existing = await tx.mailMessage.findUnique({
      where: { dedupeKey: mail.dedupeKey },
      select: { id: true },
    });
    if (existing) return null;
  }
  const row = await tx.mailMessage.create({
    data: {
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      dedupeKey: mail.dedupeKey,
      applicationId: mail.applicationId,
    },
  });
  return row.id;
}

let transporter: Transporter | null | undefined;
function smtp(): Transporter | null {
  if (transporter === undefined)
    transporter = process.env.SMTP_URL ? nodemailer.createTransport(process.env.SMTP_URL) : null;
  return transporter;
}

const mailFrom = () => process.env.MAIL_FROM ?? "Samverka <noreply@samverka.example>";

/** Delivers one queued mail. Throws on an SMTP failure so the job is retried; never sends twice. */
export async function deliverMail(id: string): Promise<void> {
  const mail = await db.mailMessage.findUnique({ where: { id } });
  if (!mail || mail.status === "SENT") return;
  const transport = smtp();
  try {
    if (transport)
      await transport.sendMail({
        from: mailFrom(),
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
      });
    await db.mailMessage.update({
      where: { id, status: { not: "SENT" } },
      data: { status: "SENT", sentAt: new Date(), attempts: { increment: 1 }, lastError: null },
    });
    logger.info({ event: "mail.sent", mailId: id, outboxOnly: !transport }, "mail delivered");
  } catch (error) {
    await db.mailMessage.update({
      where: { id },
      data: { attempts: { increment: 1 }, lastError: String(error).slice(0, 500) },
    });
    throw error;
  }
}

/** The public address of the app, for links in mails. */
export const appUrl = (path: string) =>
  new URL(path, process.env.NEXTAUTH_URL ?? "http://localhost:3000").toString();

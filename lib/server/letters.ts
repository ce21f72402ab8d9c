import "server-only";
import { fileTypeFromBuffer } from "file-type";
import { db } from "./db";
import type { Actor } from "./actor";
import { audit } from "./audit";
import { Forbidden, NotFound, RuleViolation } from "./errors";
import { appUrl, queueMail } from "./mail";
import { enqueueMail } from "./job-queue";
import { storage } from "./storage";
import { hashToken, newToken } from "./tokens";
import { getForApplicant } from "./applications";
import { notify } from "./notifications";
import { dateOnly } from "./application-contract";
import { applicantMayEdit } from "@/lib/domain/lifecycle";
import { todayInStockholm } from "@/lib/domain/dates";
import { formatDate } from "@/lib/domain/format";
import type { LetterRequest, LetterUpload } from "@/lib/validation/draft";
import type { z } from "zod";

const LETTER_LINK_DAYS = 14;
export const MAX_LETTER_BYTES = 10 * 1024 * 1024;

async function editablePartner(actor: Actor, applicationId: string, partnerId: string) {
  const app = await getForApplicant(actor, applicationId);
  const partner = app.partners.find((p) => p.id === partnerId);
  if (!partner) throw new NotFound();
  if (!applicantMayEdit(app.status))
    throw new Forbidden("Ansökan är inskickad och kan inte ändras.");
  return { app, partner };
}

/**
 * Sends (or re-sends, as a reminder) the partner's contact person a personal link to confirm the
 * letter of intent. Every send makes a new link and retires the earlier ones.
 */
export async function sendLetterLink(
  actor: Actor,
  applicationId: string,
  partnerId: string,
  input: z.infer<typeof LetterRequest>,
  reminder = false,
) {
  const { app, partner } = await editablePartner(actor, applicationId, partnerId);
  const { token, hash } = newToken();
  const expiresAt = new Date(Date.now() + LETTER_LINK_DAYS * 86_400_000);
  const mailId = await db.$transaction(async (tx) => {
    await tx.partner.update({
      where: { id: partner.id },
      data: { contactName: input.contactName, contactEmail: input.contactEmail },
    });
    const terms = {
      competences: input.competences,
      resources: input.resources,
      fromDate: dateOnly(input.from),
      toDate: dateOnly(input.to),
    };
    const letter = await tx.letterOfIntent.upsert({
      where: { partnerId: partner.id },
      create: { partnerId: partner.id, channel: "LINK", status: "PENDING", ...terms },
      update: {
        channel: "LINK",
        status: "PENDING",
        ...terms,
        signedBy: null,
        signedAt: null,
        declinedReason: null,
        fileId: null,
      },
    });
    await tx.letterOfIntentLink.updateMany({
      where: { letterId: letter.id, usedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await tx.letterOfIntentLink.create({
      data: { letterId: letter.id, tokenHash: hash, sentTo: input.contactEmail, expiresAt },
    });
    await audit(
      {
        actorId: actor.id,
        action: reminder ? "letter.reminder_sent" : "letter.link_sent",
        entityType: "LetterOfIntent",
        entityId: letter.id,
        meta: { applicationId, partnerId },
      },
      tx,
    );
    return queueMail(tx, {
      to: input.contactEmail,
      applicationId,
      subject: `${reminder ? "Påminnelse: " : ""}Avsiktsförklaring för ${app.organisation.name}`,
      text: [
        `Hej ${input.contactName}!`,
        "",
        `${app.organisation.name} söker statsbidrag från Delegationen mot segregation för projektet "${app.title || "(utan titel)"}" och har angett ${partner.name} som partner.`,
        "Vi ber dig bekräfta – eller avböja – avsiktsförklaringen: vilken roll ni har, vilka aktiviteter, kompetenser och resurser ni bidrar med och under vilken period.",
        "",
        `Öppna din personliga länk (den gäller till ${formatDate(expiresAt)} och kan användas en gång):`,
        appUrl(`/avsiktsforklaring/${token}`),
        "",
        "Du behöver inget konto.",
        "",
        "Vänliga hälsningar",
        "Samverka",
      ].join("\n"),
    });
  });
  await enqueueMail([mailId]);
}

/** The applicant uploads a signed letter as PDF (checked by its content) and enters its terms. */
export async function uploadLetter(
  actor: Actor,
  applicationId: string,
  partnerId: string,
  data: Buffer,
  fileName: string,
  input: z.infer<typeof LetterUpload>,
) {
  if (data.length > MAX_LETTER_BYTES)
    throw new RuleViolation([
      {
        code: "FILE_TOO_LARGE",
        path: "file",
        message: "Filen är större än 10 MB. Spara den i lägre upplösning och försök igen.",
      },
    ]);
  const type = await fileTypeFromBuffer(data);
  if (type?.mime !== "application/pdf")
    throw new RuleViolation([
      {
        code: "FILE_NOT_PDF",
        path: "file",
        message: "Filen är inte en PDF. Spara avsiktsförklaringen som PDF och ladda upp den igen.",
      },
    ]);
  const { partner } = await editablePartner(actor, applicationId, partnerId);
  await db.$transaction(async (tx) => {
    const file = await storage.put({ data, contentType: "application/pdf", fileName }, tx);
    const values = {
      channel: "UPLOAD" as const,
      status: "SIGNED" as const,
      competences: input.competences,
      resources: input.resources,
      fromDate: dateOnly(input.from),
      toDate: dateOnly(input.to),
      signedBy: input.signedBy,
      signedAt: dateOnly(input.signedAt),
      declinedReason: null,
      fileId: file.id,
    };
    const letter = await tx.letterOfIntent.upsert({
      where: { partnerId: partner.id },
      create: { partnerId: partner.id, ...values },
      update: values,
    });
    await tx.letterOfIntentLink.updateMany({
      where: { letterId: letter.id, usedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await audit(
      {
        actorId: actor.id,
        action: "letter.uploaded",
        entityType: "LetterOfIntent",
        entityId: letter.id,
        meta: { applicationId, partnerId, sha256: file.sha256, size: file.size },
      },
      tx,
    );
  });
}

/** A letter's PDF for members of the applying organisation (officers get theirs through the review). */
export async function letterFileForApplicant(
  actor: Actor,
  applicationId: string,
  partnerId: string,
) {
  const app = await getForApplicant(actor, applicationId);
  const fileId = app.partners.find((p) => p.id === partnerId)?.letter?.fileId;
  const file = fileId ? await storage.get(fileId) : null;
  if (!file) throw new NotFound();
  return file;
}

export type LinkState =
  | { state: "unknown" | "used" | "expired" }
  | {
      state: "valid";
      organisation: string;
      title: string;
      partner: string;
      role: string;
      activities: string;
      competences: string;
      resources: string;
      from: string | null;
      to: string | null;
    };

/** What the partner's contact sees behind their link, without an account. */
export async function findLetterLink(token: string): Promise<LinkState> {
  const link = await db.letterOfIntentLink.findUnique({
    where: { tokenHash: hashToken(token) },
    include: {
      letter: {
        include: {
          partner: {
            include: { application: { include: { organisation: { select: { name: true } } } } },
          },
        },
      },
    },
  });
  if (!link) return { state: "unknown" };
  if (link.usedAt || link.revokedAt) return { state: "used" };
  if (link.expiresAt < new Date()) return { state: "expired" };
  const { letter } = link;
  const { partner } = letter;
  return {
    state: "valid",
    organisation: partner.application.organisation.name,
    title: partner.application.title,
    partner: partner.name,
    role: partner.role,
    activities: partner.activities,
    competences: letter.competences,
    resources: letter.resources,
    from: letter.fromDate?.toISOString().slice(0, 10) ?? null,
    to: letter.toDate?.toISOString().slice(0, 10) ?? null,
  };
}

/** Confirms or declines through the link. The link works once: the first answer wins. */
export async function answerLetterLink(
  token: string,
  answer: { confirm: true; signedBy: string } | { confirm: false; reason: string },
) {
  const result = await db.$transaction(async (tx) => {
    const now = new Date();
    const link = await tx.letterOfIntentLink.findUnique({
      where: { tokenHash: hashToken(token) },
      include: {
        letter: {
          include: {
            partner: {
              include: {
                application: {
                  include: {
                    organisation: { include: { memberships: { include: { user: true } } } },
                  },
                },
              },
            },
          },
        },
      },
    });
    if (!link)
      throw new NotFound("Länken finns inte. Kontrollera att du har kopierat hela adressen.");
    const { count } = await tx.letterOfIntentLink.updateMany({
      where: { id: link.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (count !== 1)
      throw new Forbidden(
        "Länken har redan använts eller har gått ut. Be den som sökt bidraget att skicka en ny länk.",
      );
    await tx.letterOfIntent.update({
      where: { id: link.letterId },
      data: answer.confirm
        ? {
            status: "SIGNED",
            signedBy: answer.signedBy.trim(),
            signedAt: dateOnly(todayInStockholm(now)),
            declinedReason: null,
          }
        : { status: "DECLINED", declinedReason: answer.reason.trim() },
    });
    await audit(
      {
        actorId: null,
        action: answer.confirm ? "letter.signed" : "letter.declined",
        entityType: "LetterOfIntent",
        entityId: link.letterId,
        meta: { by: link.sentTo },
      },
      tx,
    );
    const application = link.letter.partner.application;
    await notify(
      tx,
      application.organisation.memberships.map((m) => m.userId),
      {
        kind: answer.confirm ? "letter_signed" : "letter_declined",
        title: `${link.letter.partner.name} har ${answer.confirm ? "bekräftat" : "avböjt"} avsiktsförklaringen`,
        href: `/ansokningar/${application.id}/avsiktsforklaringar`,
      },
    );
    const mails: (string | null)[] = [];
    for (const member of application.organisation.memberships) {
      mails.push(
        await queueMail(tx, {
          to: member.user.email,
          applicationId: application.id,
          dedupeKey: `letter:${link.id}:${member.userId}`,
          subject: answer.confirm
            ? `${link.letter.partner.name} har bekräftat avsiktsförklaringen`
            : `${link.letter.partner.name} har avböjt avsiktsförklaringen`,
          text: answer.confirm
            ? `Hej!\n\n${link.letter.partner.name} har bekräftat avsiktsförklaringen för "${application.title}". Underskriven av: ${answer.signedBy}.\n\n${appUrl(`/ansokningar/${application.id}/partner`)}\n\nSamverka`
            : `Hej!\n\n${link.letter.partner.name} har avböjt avsiktsförklaringen för "${application.title}".\nSkäl: ${answer.reason}\n\n${appUrl(`/ansokningar/${application.id}/partner`)}\n\nSamverka`,
        }),
      );
    }
    return mails;
  });
  await enqueueMail(result);
}

import "server-only";
import { db } from "../db";
import { deny, type Actor } from "../actor";
import { audit } from "../audit";
import { Forbidden, NotFound, RuleViolation } from "../errors";
import { isStaff } from "@/lib/domain/roles";
import { requireCaseAccess } from "../case-access";
import { reportForMember } from "./access";

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** A PDF attached to a report by the grantee (checked by content, at most 10 MB, stored with its SHA-256). */
export async function addReportAttachment(
  actor: Actor,
  reportId: string,
  data: Buffer,
  fileName: string,
) {
  const report = await reportForMember(actor, reportId);
  if (!["NOT_STARTED", "DRAFT", "COMPLEMENT_REQUESTED"].includes(report.status))
    throw new Forbidden("Rapporten är inskickad och kan inte ändras.");
  if (data.length > MAX_ATTACHMENT_BYTES)
    throw new RuleViolation([
      { code: "FILE_TOO_LARGE", path: "file", message: "Filen är större än 10 MB." },
    ]);
  const { fileTypeFromBuffer } = await import("file-type");
  if ((await fileTypeFromBuffer(data))?.mime !== "application/pdf")
    throw new RuleViolation([
      {
        code: "FILE_NOT_PDF",
        path: "file",
        message: "Filen är inte en PDF. Spara bilagan som PDF och försök igen.",
      },
    ]);
  await db.$transaction(async (tx) => {
    const { storage } = await import("../storage");
    const file = await storage.put({ data, contentType: "application/pdf", fileName }, tx);
    await tx.reportAttachment.create({ data: { reportId, fileId: file.id } });
    await audit(
      {
        actorId: actor.id,
        action: "report.attachment_added",
        entityType: "FollowUpReport",
        entityId: reportId,
        meta: { sha256: file.sha256, size: file.size },
      },
      tx,
    );
  });
}

/** An attachment for the grantee's members, or for staff without a declared conflict in the case. */
export async function reportAttachmentFile(actor: Actor, reportId: string, fileId: string) {
  const attachment = await db.reportAttachment.findUnique({
    where: { reportId_fileId: { reportId, fileId } },
    include: {
      report: {
        include: {
          application: {
            select: {
              id: true,
              organisation: { select: { memberships: { where: { userId: actor.id } } } },
            },
          },
        },
      },
    },
  });
  const member = (attachment?.report.application.organisation.memberships.length ?? 0) > 0;
  if (!attachment || (!member && !isStaff(actor.roles)))
    await deny(actor, "report.attachment", "FollowUpReport", reportId);
  if (!member)
    await requireCaseAccess(actor, attachment!.report.application.id, "report.attachment", {
      stage: "follow-up",
    });
  const { storage } = await import("../storage");
  const file = await storage.get(fileId);
  if (!file) throw new NotFound();
  return file;
}

export const listReportAttachments = (reportId: string) =>
  db.reportAttachment.findMany({
    where: { reportId },
    include: { file: { select: { id: true, fileName: true, size: true } } },
  });

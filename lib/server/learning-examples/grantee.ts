import "server-only";
import type { z } from "zod";
import { db } from "../db";
import type { Actor } from "../actor";
import { audit } from "../audit";
import { Conflict, Forbidden } from "../errors";
import { appUrl, queueMail } from "../mail";
import { enqueueMail } from "../job-queue";
import { granteeMayEdit, type ExamplePart } from "@/lib/domain/learning-examples";
import {
  checkExampleParts,
  type ExampleSubmission,
  type ExampleDraft,
  type ExampleTexts,
} from "@/lib/validation/learning-example";
import { finalReportForMember } from "./access";

const STALE =
  "Sammanfattningen har ändrats någon annanstans sedan du öppnade den. Ladda om sidan – kopiera gärna det du skrev först.";
const LOCKED = "Sammanfattningen är inskickad och kan inte ändras just nu.";

/** Writes the parts of the summary at `expectedVersion` (0: not begun); answers the new version. */
async function write(
  reportId: string,
  expectedVersion: number,
  data: Partial<ExampleTexts> & Record<string, unknown>,
) {
  if (expectedVersion === 0) {
    const created = await db.learningExample
      .create({ data: { reportId, ...data }, select: { version: true } })
      .catch(() => null); // someone else began it first (the unique report id)
    if (!created) throw new Conflict(STALE);
    return created.version;
  }
  const { count } = await db.learningExample.updateMany({
    where: { reportId, version: expectedVersion },
    data: { ...data, version: { increment: 1 } },
  });
  if (count !== 1) throw new Conflict(STALE);
  return expectedVersion + 1;
}

/**
 * Saves the grantee's draft of the summary, part by part: each valid part is saved, a part with
 * personal data (or too long) is refused and keeps its saved text. Answers the new version and the
 * refused parts' messages. Precondition: a member of the grantee, the summary still editable.
 */
export async function saveExampleDraft(
  actor: Actor,
  reportId: string,
  expectedVersion: number,
  draft: ExampleDraft,
): Promise<{ version: number; errors: Partial<Record<ExamplePart, string>> }> {
  const report = await finalReportForMember(actor, reportId);
  if (!granteeMayEdit(report.learningExample?.status ?? null)) throw new Forbidden(LOCKED);
  const { valid, errors } = checkExampleParts(draft);
  const consentedAt = draft.consent ? (report.learningExample?.consentedAt ?? new Date()) : null;
  const version = await write(reportId, expectedVersion, { ...valid, consentedAt });
  return { version, errors };
}

/**
 * Sends the summary to the officer with the grantee's consent to publication.
 * Precondition: a member of the grantee, the summary still editable, every part written.
 */
export async function submitExample(
  actor: Actor,
  reportId: string,
  expectedVersion: number,
  input: z.infer<typeof ExampleSubmission>,
) {
  const report = await finalReportForMember(actor, reportId);
  const before = report.learningExample?.status ?? null;
  if (!granteeMayEdit(before)) throw new Forbidden(LOCKED);
  const { place, purpose, process, results, lessons } = input;
  const now = new Date();
  const mails = await db.$transaction(async (tx) => {
    const data = {
      place,
      purpose,
      process,
      results,
      lessons,
      status: "SUBMITTED" as const,
      consentedAt: now,
      submittedAt: now,
    };
    let exampleId: string;
    if (expectedVersion === 0) {
      const created = await tx.learningExample
        .create({ data: { reportId, ...data }, select: { id: true } })
        .catch(() => null);
      if (!created) throw new Conflict(STALE);
      exampleId = created.id;
    } else {
      const { count } = await tx.learningExample.updateMany({
        where: { reportId, version: expectedVersion },
        data: { ...data, version: { increment: 1 } },
      });
      if (count !== 1) throw new Conflict(STALE);
      exampleId = report.learningExample!.id;
    }
    await audit(
      {
        actorId: actor.id,
        action: "learning_example.submitted",
        entityType: "LearningExample",
        entityId: exampleId,
        before: { status: before ?? "DRAFT" },
        after: { status: "SUBMITTED", consent: true },
      },
      tx,
    );
    const officer = report.application.assignedToId
      ? await tx.user.findUnique({ where: { id: report.application.assignedToId } })
      : null;
    const reference = report.application.referenceNumber ?? "";
    return officer
      ? [
          await queueMail(tx, {
            to: officer.email,
            dedupeKey: `example-submitted:${exampleId}:${expectedVersion}`,
            applicationId: report.applicationId,
            subject: `Erfarenhetsexempel att granska för ${reference}`,
            text: `Bidragsmottagaren har skickat in en offentlig sammanfattning av slutredovisningen för ${reference}. Granska den innan den publiceras.\n${appUrl(`/uppfoljning/${report.applicationId}`)}`,
          }),
        ]
      : [];
  });
  await enqueueMail(mails);
  return expectedVersion + 1;
}

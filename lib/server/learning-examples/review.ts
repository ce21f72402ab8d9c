import "server-only";
import { db, type Tx } from "../db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "../actor";
import { audit } from "../audit";
import { Forbidden } from "../errors";
import { appUrl, queueMail } from "../mail";
import { enqueueMail } from "../job-queue";
import { notifyMembers } from "../notifications";
import { refreshExampleSearchVector } from "../search-index";
import { grantsChanged } from "../grants";
import { officerMay, type ReviewStep } from "@/lib/domain/learning-examples";
import { officerExample } from "./access";

type Example = Awaited<ReturnType<typeof officerExample>>;

const REFUSED: Record<ReviewStep, string> = {
  approve: "Bara en inskickad sammanfattning kan godkännas.",
  requestChanges: "Ändringar kan bara begäras i en inskickad eller avpublicerad sammanfattning.",
  unpublish: "Bara ett publicerat exempel kan avpubliceras.",
};

/** Finds the example for a step the officer may take now; the case check comes first. */
async function exampleFor(actor: Actor, exampleId: string, step: ReviewStep, what: string) {
  const example = await officerExample(actor, exampleId, what);
  if (!officerMay(step, example.status)) throw new Forbidden(REFUSED[step]);
  return example;
}

/** Moves the example on, only from the status it was read in (two officers cannot both act). */
async function move(tx: Tx, example: Example, data: Prisma.LearningExampleUpdateManyMutationInput) {
  const { count } = await tx.learningExample.updateMany({
    where: { id: example.id, status: example.status, version: example.version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count !== 1) throw new Forbidden("Exemplet har ändrats av någon annan. Ladda om sidan.");
}

/**
 * Publishes the summary at /erfarenheter. The officer has confirmed that no individual is named.
 * Precondition: a follow-up officer without a conflict; the summary is submitted.
 */
export async function approveExample(actor: Actor, exampleId: string) {
  const example = await exampleFor(actor, exampleId, "approve", "learning_example.approve");
  await db.$transaction(async (tx) => {
    await move(tx, example, {
      status: "PUBLISHED",
      publishedAt: new Date(),
      publishedById: actor.id,
      changesMessage: null,
      unpublishedAt: null,
      unpublishReason: null,
    });
    await refreshExampleSearchVector(tx, example.id);
    await notifyMembers(tx, example.report.applicationId, {
      kind: "example_published",
      title: `Ert erfarenhetsexempel för ${example.report.application.referenceNumber} är publicerat`,
      href: `/erfarenheter/${example.id}`,
    });
    await audit(
      {
        actorId: actor.id,
        action: "learning_example.published",
        entityType: "LearningExample",
        entityId: example.id,
        before: { status: example.status },
        after: { status: "PUBLISHED", noIndividualsNamed: true },
      },
      tx,
    );
  });
  grantsChanged(); // the public list links a grant's published example
}

/**
 * Sends the summary back to the grantee with what to change; they are notified in the app and by
 * e-mail. Precondition: a follow-up officer without a conflict; the summary is submitted (or was
 * unpublished).
 */
export async function requestExampleChanges(actor: Actor, exampleId: string, message: string) {
  const example = await exampleFor(
    actor,
    exampleId,
    "requestChanges",
    "learning_example.request_changes",
  );
  const { applicationId, application } = example.report;
  const href = `/ansokningar/${applicationId}/rapport/${example.reportId}#sammanfattning`;
  const mails = await db.$transaction(async (tx) => {
    await move(tx, example, { status: "CHANGES_REQUESTED", changesMessage: message });
    await notifyMembers(tx, applicationId, {
      kind: "example_changes",
      title: `Ändringar begärda i erfarenhetsexemplet för ${application.referenceNumber}`,
      body: message,
      href,
    });
    await audit(
      {
        actorId: actor.id,
        action: "learning_example.changes_requested",
        entityType: "LearningExample",
        entityId: example.id,
        before: { status: example.status },
        after: { status: "CHANGES_REQUESTED", message },
      },
      tx,
    );
    const members = await tx.membership.findMany({
      where: { organisationId: application.organisationId },
      include: { user: true },
    });
    const ids = [];
    for (const m of members)
      ids.push(
        await queueMail(tx, {
          to: m.user.email,
          dedupeKey: `example-changes:${example.id}:${example.version}:${m.userId}`,
          applicationId,
          subject: `Ändra sammanfattningen för ${application.referenceNumber}`,
          text: `Hej ${m.user.name}!\n\nHandläggaren vill att ni ändrar den offentliga sammanfattningen innan den publiceras:\n\n${message}\n\n${appUrl(href)}\n\nSamverka`,
        }),
      );
    return ids;
  });
  await enqueueMail(mails);
}

/**
 * Takes a published example off /erfarenheter, with the reason.
 * Precondition: a follow-up officer without a conflict; the example is published.
 */
export async function unpublishExample(actor: Actor, exampleId: string, reason: string) {
  const example = await exampleFor(actor, exampleId, "unpublish", "learning_example.unpublish");
  await db.$transaction(async (tx) => {
    await move(tx, example, {
      status: "UNPUBLISHED",
      unpublishedAt: new Date(),
      unpublishReason: reason,
    });
    await notifyMembers(tx, example.report.applicationId, {
      kind: "example_unpublished",
      title: `Erfarenhetsexemplet för ${example.report.application.referenceNumber} är avpublicerat`,
      body: reason,
      href: `/ansokningar/${example.report.applicationId}/rapport/${example.reportId}#sammanfattning`,
    });
    await audit(
      {
        actorId: actor.id,
        action: "learning_example.unpublished",
        entityType: "LearningExample",
        entityId: example.id,
        before: { status: "PUBLISHED" },
        after: { status: "UNPUBLISHED", reason },
      },
      tx,
    );
  });
  grantsChanged();
}

import "server-only";
import type { z } from "zod";
import { db } from "../db";
import { deny, type Actor } from "../actor";
import { audit } from "../audit";
import { Forbidden } from "../errors";
import { appUrl } from "../mail";
import { enqueueMail } from "../job-queue";
import { notifyMembers } from "../notifications";
import { dateOnly } from "../application-contract";
import type { CompletionRequestInput } from "@/lib/validation/review";
import { openedApplication } from "./case-access";
import { transition } from "./transition";
import { mailMembers } from "./mail-members";

/** Komplettering: the applicant is asked for what is missing and can edit and resubmit. */
export async function requestCompletion(
  actor: Actor,
  id: string,
  input: z.infer<typeof CompletionRequestInput>,
) {
  if (!actor.roles.includes("REVIEWER"))
    await deny(actor, "application.request_completion", "Application", id);
  const app = await openedApplication(actor, id, "application.request_completion");
  if (!["SUBMITTED", "IN_REVIEW"].includes(app.status))
    throw new Forbidden("Komplettering kan bara begäras medan ärendet handläggs.");
  const mails = await db.$transaction(async (tx) => {
    await transition(tx, app, "COMPLEMENT_REQUESTED");
    const request = await tx.complementRequest.create({
      data: {
        applicationId: id,
        requestedById: actor.id,
        message: input.message,
        dueDate: input.dueDate ? dateOnly(input.dueDate) : null,
      },
    });
    await notifyMembers(tx, id, {
      kind: "complement_requested",
      title: `Komplettering begärd för ${app.referenceNumber}`,
      body: input.message,
      href: `/ansokningar/${id}`,
    });
    await audit(
      {
        actorId: actor.id,
        action: "application.complement_requested",
        entityType: "Application",
        entityId: id,
        before: { status: app.status },
        after: { status: "COMPLEMENT_REQUESTED", message: input.message },
      },
      tx,
    );
    return mailMembers(tx, app.organisationId, (name) => ({
      dedupeKey: `complement:${request.id}`,
      applicationId: id,
      subject: `Komplettering behövs för ansökan ${app.referenceNumber}`,
      text: `Hej ${name}!\n\nVi behöver mer information om ansökan "${app.title}" (${app.referenceNumber}) – en komplettering:\n\n${input.message}\n\n${input.dueDate ? `Komplettera senast ${input.dueDate}.\n\n` : ""}Logga in, ändra ansökan och skicka in den igen:\n${appUrl(`/ansokningar/${id}`)}\n\nVänliga hälsningar\nSamverka`,
    }));
  });
  await enqueueMail(mails);
}

import "server-only";
import type { z } from "zod";
import { db } from "../db";
import { deny, type Actor } from "../actor";
import { audit } from "../audit";
import { Forbidden, RuleViolation } from "../errors";
import { appUrl } from "../mail";
import { enqueueMail } from "../job-queue";
import { notifyMembers } from "../notifications";
import { dateOnly } from "../application-contract";
import { COMPLETION_DUE_MESSAGES, type CompletionRequestInput } from "@/lib/validation/review";
import { completionDueProblem, defaultCompletionDue } from "@/lib/domain/case-time";
import { todayInStockholm } from "@/lib/domain/dates";
import { formatDate } from "@/lib/domain/format";
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
  // The server's today decides, whatever the form's clock said.
  const today = todayInStockholm();
  const dueDate = input.dueDate || defaultCompletionDue(today);
  const problem = completionDueProblem(dueDate, today);
  if (problem)
    throw new RuleViolation([
      { code: "INVALID_FIELD", path: "dueDate", message: COMPLETION_DUE_MESSAGES[problem] },
    ]);
  const mails = await db.$transaction(async (tx) => {
    await transition(tx, app, "COMPLEMENT_REQUESTED");
    const request = await tx.complementRequest.create({
      data: {
        applicationId: id,
        requestedById: actor.id,
        message: input.message,
        dueDate: dateOnly(dueDate),
      },
    });
    await notifyMembers(tx, id, {
      kind: "complement_requested",
      title: `Komplettering begärd för ${app.referenceNumber}, senast ${formatDate(dueDate)}`,
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
        after: { status: "COMPLEMENT_REQUESTED", message: input.message, dueDate },
      },
      tx,
    );
    return mailMembers(tx, app.organisationId, (name) => ({
      dedupeKey: `complement:${request.id}`,
      applicationId: id,
      subject: `Komplettering behövs för ansökan ${app.referenceNumber}`,
      text: `Hej ${name}!\n\nVi behöver mer information om ansökan "${app.title}" (${app.referenceNumber}) – en komplettering:\n\n${input.message}\n\nKomplettera senast ${formatDate(dueDate)}.\n\nLogga in, ändra ansökan och skicka in den igen:\n${appUrl(`/ansokningar/${id}`)}\n\nVänliga hälsningar\nSamverka`,
    }));
  });
  await enqueueMail(mails);
}

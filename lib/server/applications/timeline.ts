import "server-only";
import { db } from "../db";
import type { Actor } from "../actor";
import { getForApplicant } from "./get-for-applicant";

/** Audit events about the application that the applicant may see, as a timeline. */
export async function timelineFor(actor: Actor, id: string) {
  await getForApplicant(actor, id);
  return db.auditEvent.findMany({
    where: {
      entityType: "Application",
      entityId: id,
      action: {
        in: [
          "application.created",
          "application.submitted",
          "application.completed",
          "application.withdrawn",
          "application.review_started",
          "application.complement_requested",
          "decision.made",
        ],
      },
    },
    orderBy: { at: "asc" },
    select: { id: true, at: true, action: true },
  });
}

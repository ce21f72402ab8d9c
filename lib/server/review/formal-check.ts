import "server-only";
import type { z } from "zod";
import { db } from "../db";
import { deny, type Actor } from "../actor";
import { audit } from "../audit";
import { Forbidden } from "../errors";
import type { FormalCheckInput } from "@/lib/validation/review";
import { openedApplication } from "./case-access";
import { transition } from "./transition";

/** Step one of the assessment: the formal requirements. Passing moves the case to step two. */
export async function completeFormalCheck(
  actor: Actor,
  id: string,
  input: z.infer<typeof FormalCheckInput>,
) {
  if (!actor.roles.includes("REVIEWER"))
    await deny(actor, "application.formal_check", "Application", id);
  const app = await openedApplication(actor, id, "application.formal_check");
  if (!["SUBMITTED", "IN_REVIEW"].includes(app.status))
    throw new Forbidden("Den formella kontrollen görs medan ärendet handläggs.");
  await db.$transaction(async (tx) => {
    if (app.status === "SUBMITTED") {
      await transition(tx, app, "IN_REVIEW", {});
      await audit(
        {
          actorId: actor.id,
          action: "application.review_started",
          entityType: "Application",
          entityId: id,
          before: { status: "SUBMITTED" },
          after: { status: "IN_REVIEW" },
        },
        tx,
      );
    }
    await tx.application.update({
      where: { id },
      data: {
        formalCheckPassed: input.passed,
        formalCheckNote: input.note,
        formalCheckById: actor.id,
        formalCheckAt: new Date(),
        assessmentStep: input.passed ? "MATERIAL" : "FORMAL",
        assignedToId: app.assignedToId ?? actor.id,
      },
    });
    await audit(
      {
        actorId: actor.id,
        action: "application.formal_check",
        entityType: "Application",
        entityId: id,
        after: { passed: input.passed, note: input.note },
      },
      tx,
    );
  });
}

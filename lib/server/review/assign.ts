import "server-only";
import { db } from "../db";
import { deny, type Actor } from "../actor";
import { audit } from "../audit";
import { Forbidden, RuleViolation } from "../errors";
import { mayOpen } from "@/lib/domain/review";
import { openedApplication } from "./case-access";
import { transition } from "./transition";

/** A reviewer takes the case (or an admin assigns it); a newly submitted case moves into review. */
export async function assign(actor: Actor, id: string, userId: string = actor.id) {
  const app = await openedApplication(actor, id, "application.assign");
  if (userId !== actor.id && !actor.roles.includes("ADMIN"))
    await deny(actor, "application.assign_other", "Application", id);
  const assignee = await db.user.findFirst({
    where: { id: userId, roles: { has: "REVIEWER" }, deactivatedAt: null },
  });
  if (!assignee)
    throw new RuleViolation([
      { code: "INVALID_FIELD", path: "userId", message: "Välj en aktiv handläggare." },
    ]);
  const assigneeDeclaration = await db.conflictDeclaration.findUnique({
    where: { applicationId_userId: { applicationId: id, userId } },
  });
  if (assigneeDeclaration && !mayOpen(assigneeDeclaration))
    throw new Forbidden("Handläggaren har anmält jäv i ärendet.");
  await db.$transaction(async (tx) => {
    if (app.status === "SUBMITTED") {
      await transition(tx, app, "IN_REVIEW", { assignedToId: userId, assessmentStep: "FORMAL" });
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
    } else {
      await tx.application.update({ where: { id }, data: { assignedToId: userId } });
    }
    await audit(
      {
        actorId: actor.id,
        action: "application.assigned",
        entityType: "Application",
        entityId: id,
        before: { assignedToId: app.assignedToId },
        after: { assignedToId: userId },
      },
      tx,
    );
  });
}

export const reviewersForAssignment = () =>
  db.user.findMany({
    where: { roles: { has: "REVIEWER" }, deactivatedAt: null },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });

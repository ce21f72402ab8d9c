import "server-only";
import { cache } from "react";
import { db } from "../db";
import { deny, type Actor } from "../actor";
import { requireCaseAccess } from "../case-access";
import { isStaff } from "@/lib/domain/roles";

// The application is found only among submitted ones (never drafts), and its content only after a
// declaration of no conflict (the one case-access check, lib/server/case-access.ts).

// Read once per page render (the gate and the case both need it); actions are not memoised.
const findSubmitted = cache((actorId: string, id: string) =>
  db.application.findFirst({
    where: { id, status: { notIn: ["DRAFT"] } },
    include: {
      conflicts: { where: { userId: actorId } },
      organisation: {
        include: {
          boardMembers: {
            orderBy: { position: "asc" },
            select: { name: true, role: true, signatory: true },
          },
        },
      },
      partners: {
        orderBy: { position: "asc" },
        select: { name: true, orgNumber: true, contactName: true },
      },
    },
  }),
);

export async function submittedApplication(actor: Actor, id: string, what: string) {
  if (!isStaff(actor.roles)) await deny(actor, what, "Application", id);
  const app = await findSubmitted(actor.id, id);
  if (!app) await deny(actor, what, "Application", id);
  return app!;
}

/** Precondition: staff with a declaration of no conflict (or one lifted by an admin); see ../case-access.ts. */
export async function openedApplication(actor: Actor, id: string, what: string) {
  const app = await submittedApplication(actor, id, what);
  await requireCaseAccess(actor, id, what, { stage: "review" });
  return app;
}

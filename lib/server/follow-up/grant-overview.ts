import "server-only";
import { db } from "../db";
import { deny, type Actor } from "../actor";
import { NotFound } from "../errors";
import { requireCaseAccess, withoutConflictOf } from "../case-access";
import { dateOnly } from "../application-contract";
import { isStaff } from "@/lib/domain/roles";
import { todayInStockholm } from "@/lib/domain/dates";
import { blockedFor } from "./instalment-blocked";

const grantInclude = {
  organisation: true,
  instalments: { orderBy: { number: "asc" as const } },
  reports: { orderBy: { dueDate: "asc" as const }, include: { learningExample: true } },
  repaymentClaims: {
    orderBy: { createdAt: "desc" as const },
    include: { payments: { orderBy: { receivedOn: "asc" as const } } },
  },
  decisions: { where: { outcome: "APPROVED" as const, correctedBy: null }, take: 1 },
  budgetLines: true,
} as const;

/** Approved grants with their plan, for staff; not the grants they declared a conflict in. */
export async function listGrants(actor: Actor) {
  if (!isStaff(actor.roles)) await deny(actor, "followup.list");
  return db.application.findMany({
    where: {
      status: { in: ["APPROVED", "REPORT_SUBMITTED", "CLOSED"] },
      ...withoutConflictOf(actor),
    },
    orderBy: { referenceNumber: "asc" },
    take: 500,
    include: {
      organisation: { select: { name: true } },
      reports: { orderBy: { dueDate: "asc" } },
      instalments: { orderBy: { number: "asc" } },
    },
  });
}

/** Reports past their due date and not yet submitted, for staff; not of grants they declared a conflict in. */
export async function overdueReports(actor: Actor, today = todayInStockholm()) {
  if (!isStaff(actor.roles)) await deny(actor, "followup.overdue");
  return db.followUpReport.findMany({
    where: {
      status: { in: ["NOT_STARTED", "DRAFT", "COMPLEMENT_REQUESTED"] },
      dueDate: { lt: dateOnly(today) },
      application: withoutConflictOf(actor),
    },
    orderBy: { dueDate: "asc" },
    include: {
      application: {
        select: {
          id: true,
          referenceNumber: true,
          title: true,
          organisation: { select: { name: true } },
        },
      },
    },
  });
}

/** Precondition: staff without a declared conflict in the case. */
export async function grantForOfficer(actor: Actor, applicationId: string) {
  await requireCaseAccess(actor, applicationId, "followup.read", { stage: "follow-up" });
  const app = await db.application.findFirst({
    where: { id: applicationId, status: { in: ["APPROVED", "REPORT_SUBMITTED", "CLOSED"] } },
    include: grantInclude,
  });
  if (!app) throw new NotFound();
  const ids = [
    ...app.instalments.flatMap((i) => [i.releasedById, i.attestedById, i.paidById]),
    ...app.repaymentClaims.flatMap((c) => [c.createdById, c.decidedById]),
  ].filter((id): id is string => !!id);
  const people = await db.user.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, name: true },
  });
  const name = new Map(people.map((p) => [p.id, p.name]));
  return {
    ...app,
    /** A person's name by id (who released, attested, paid, proposed, decided). */
    nameOf: (id: string | null) => (id ? (name.get(id) ?? "–") : "–"),
    instalments: app.instalments.map((i) => ({ ...i, blocked: blockedFor(i, app.reports) })),
  };
}

import "server-only";
import { db } from "../db";
import type { Actor } from "../actor";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The applicant's organisations and their applications. */
export async function listForApplicant(actor: Actor) {
  return db.organisation.findMany({
    where: { memberships: { some: { userId: actor.id } } },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      orgNumber: true,
      applications: {
        orderBy: { updatedAt: "desc" },
        select: {
          id: true,
          title: true,
          status: true,
          referenceNumber: true,
          requestedSek: true,
          updatedAt: true,
          round: { select: { title: true } },
        },
      },
    },
  });
}

/** Submitted applications (never drafts) for officers. Caller checks the role. */
export async function listForOfficers(statuses: Prisma.ApplicationWhereInput["status"], take = 50) {
  return db.application.findMany({
    where: { status: statuses ?? { not: "DRAFT" } },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take,
    select: {
      id: true,
      title: true,
      status: true,
      referenceNumber: true,
      requestedSek: true,
      track: true,
      submittedAt: true,
      organisation: { select: { name: true } },
      proposals: { where: { status: "OPEN" }, select: { outcome: true, amountSek: true }, take: 1 },
    },
  });
}

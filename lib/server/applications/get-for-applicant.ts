import "server-only";
import { db } from "../db";
import { deny, type Actor } from "../actor";
import { applicationContractInclude } from "../application-contract";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PartName } from "@/lib/validation/draft";

const ownedBy = (actor: Actor): Prisma.ApplicationWhereInput => ({
  organisation: { memberships: { some: { userId: actor.id } } },
});

const applicantInclude = {
  ...applicationContractInclude,
  round: true,
  partners: {
    orderBy: { position: "asc" },
    include: {
      letter: {
        include: {
          file: { select: { id: true, fileName: true, size: true, sha256: true } },
          links: { orderBy: { createdAt: "desc" }, take: 1 },
        },
      },
    },
  },
  versions: {
    orderBy: { number: "asc" },
    select: { id: true, number: true, reason: true, createdAt: true },
  },
  complementRequests: { orderBy: { createdAt: "desc" } },
  decisions: {
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      outcome: true,
      amountSek: true,
      reasons: true,
      decidedOn: true,
      letterFileId: true,
    },
  },
  instalments: { orderBy: { number: "asc" } },
  reports: { orderBy: { dueDate: "asc" } },
  // Only decided claims: a proposal is the authority's internal step (docs/domain.md §5).
  repaymentClaims: {
    where: { status: { in: ["CLAIMED", "PAID"] } },
    orderBy: { createdAt: "desc" },
    include: { payments: { select: { amountSek: true } } },
  },
} satisfies Prisma.ApplicationInclude;

export type ApplicantApplication = Prisma.ApplicationGetPayload<{
  include: typeof applicantInclude;
}>;

/** The whole application for a member of its organisation; anyone else gets "not found". */
export async function getForApplicant(actor: Actor, id: string): Promise<ApplicantApplication> {
  const app = await db.application.findFirst({
    where: { id, ...ownedBy(actor) },
    include: applicantInclude,
  });
  if (!app) await deny(actor, "application.read", "Application", id);
  return app!;
}

/**
 * What saving one part reads: the application's own columns and only the rows that part writes
 * (its areas, partners, budget lines and other funding, or the organisation's founding date), for
 * a member of its organisation; anyone else gets "not found". An autosave runs every few seconds
 * for every applicant at work, so it does not load the whole application.
 */
export async function getForSaving(actor: Actor, id: string, part: PartName) {
  const app = await db.application.findFirst({
    where: { id, ...ownedBy(actor) },
    include: {
      organisation: part === "intyganden" && { select: { foundedOn: true } },
      areas: part === "omrade" && { orderBy: { position: "asc" } },
      partners: part === "partner" && { orderBy: { position: "asc" } },
      budgetLines: part === "budget" && { orderBy: { position: "asc" } },
      otherFunding: part === "budget" && { orderBy: { position: "asc" } },
    },
  });
  if (!app) await deny(actor, "application.read", "Application", id);
  return app!;
}
/** An application as getForSaving reads it: the relations are there only for the part saved. */
export type SavingApplication = Awaited<ReturnType<typeof getForSaving>>;

/** The same check, lighter, for actions before they read their input: a member of its organisation. */
export async function requireApplicationMember(actor: Actor, id: string) {
  // Plain SQL: every autosave runs it, and a plain statement skips Prisma's query compilation.
  const [member] = await db.$queryRaw<unknown[]>`
    SELECT 1 FROM "Application" a JOIN "Membership" m ON m."organisationId" = a."organisationId"
    WHERE a.id = ${id} AND m."userId" = ${actor.id}`;
  if (!member) await deny(actor, "application.read", "Application", id);
}

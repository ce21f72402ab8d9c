import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "./db";
import { deny, type Actor } from "./actor";
import { isStaff } from "@/lib/domain/roles";
import type { DashboardFilters } from "@/lib/validation/dashboard";

export const PAGE_SIZE = 25;

export type DashboardRow = {
  id: string; referenceNumber: string; title: string; organisationName: string; track: string | null; variant: string | null; status: string;
  requestedSek: number; submittedAt: Date; municipalityCode: string | null; assessmentStep: string | null; assignedTo: string | null;
  myConflict: string | null; reviewed: boolean;
};

const SORT_COLUMN = { submitted: Prisma.sql`a."submittedAt"`, amount: Prisma.sql`a."requestedSek"`, reference: Prisma.sql`a."referenceNumber"` } as const;

type Cursor = { v: string | number; id: string };
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString("base64url");
function decodeCursor(value: string | undefined): Cursor | null {
  if (!value) return null;
  try {
    const c = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as Cursor;
    return typeof c.id === "string" && (typeof c.v === "string" || typeof c.v === "number") ? c : null;
  } catch {
    return null;
  }
}

/** The filters as SQL, shared by the page and the counts (which leave the status filter out). */
function conditions(actor: Actor, f: DashboardFilters, roundId: string, withStatus: boolean) {
  const where: Prisma.Sql[] = [Prisma.sql`a."roundId" = ${roundId}`, Prisma.sql`a.status <> 'DRAFT'`];
  if (withStatus && f.status.length) where.push(Prisma.sql`a.status = ANY(${f.status}::"ApplicationStatus"[])`);
  if (f.track) where.push(Prisma.sql`a.track::text = ${f.track}`);
  if (f.variant) where.push(Prisma.sql`a.variant::text = ${f.variant}`);
  if (f.county) where.push(Prisma.sql`a."countyCode" = ${f.county}`);
  if (f.municipality) where.push(Prisma.sql`a."primaryMunicipalityCode" = ${f.municipality}`);
  if (f.focus) where.push(Prisma.sql`a."focusAreas" @> ARRAY[${f.focus}]::"FocusArea"[]`);
  if (f.min !== undefined) where.push(Prisma.sql`a."requestedSek" >= ${f.min}`);
  if (f.max !== undefined) where.push(Prisma.sql`a."requestedSek" <= ${f.max}`);
  if (f.mine) where.push(Prisma.sql`a."assignedToId" = ${actor.id}`);
  if (f.unreviewed) where.push(Prisma.sql`NOT EXISTS (SELECT 1 FROM "Review" r WHERE r."applicationId" = a.id AND r."completedAt" IS NOT NULL)`);
  if (f.q) where.push(Prisma.sql`a.id IN (SELECT id FROM hits)`);
  return Prisma.join(where, " AND ");
}

/**
 * A search is answered from the full-text index first (a materialised list of hits), whatever
 * the other filters: otherwise the planner may walk the sort index through the whole round
 * looking for rows that match a rare term (or no row at all), which took half a second.
 */
function searchHits(f: DashboardFilters, roundId: string) {
  if (!f.q) return Prisma.empty;
  return Prisma.sql`WITH hits AS MATERIALIZED (
    SELECT id FROM "Application"
    WHERE "roundId" = ${roundId} AND ("searchVector" @@ websearch_to_tsquery('swedish', ${f.q}) OR "referenceNumber" = ${f.q})) `;
}

/** Submitted applications of a round for officers: filters, Swedish full-text search, keyset pages, counts per status. */
export async function dashboard(actor: Actor, f: DashboardFilters) {
  if (!isStaff(actor.roles)) await deny(actor, "dashboard.read");
  const rounds = await db.grantRound.findMany({ orderBy: [{ year: "desc" }, { opensAt: "desc" }], select: { id: true, title: true, status: true } });
  const round = rounds.find((r) => r.id === f.round) ?? rounds.find((r) => r.status === "OPEN") ?? rounds[0];
  if (!round) return { rounds, round: null, rows: [] as DashboardRow[], counts: {} as Record<string, number>, total: 0, next: null };

  const sort = f.sort ?? "submitted";
  const desc = f.dir === "desc";
  const column = SORT_COLUMN[sort];
  const cursor = decodeCursor(f.after);
  const where = [conditions(actor, f, round.id, true)];
  if (cursor) {
    const value = sort === "submitted" ? Prisma.sql`${new Date(cursor.v as string)}::timestamptz` : Prisma.sql`${cursor.v}`;
    where.push(desc ? Prisma.sql`(${column}, a.id) < (${value}, ${cursor.id})` : Prisma.sql`(${column}, a.id) > (${value}, ${cursor.id})`);
  }
  const order = desc ? Prisma.sql`${column} DESC, a.id DESC` : Prisma.sql`${column} ASC, a.id ASC`;

  const [rows, counts] = await Promise.all([
    db.$queryRaw<DashboardRow[]>`${searchHits(f, round.id)}
      SELECT a.id, a."referenceNumber", a.title, coalesce(a."organisationName", '') AS "organisationName", a.track::text, a.variant::text, a.status::text,
             a."requestedSek", a."submittedAt", a."primaryMunicipalityCode" AS "municipalityCode", a."assessmentStep"::text,
             u.name AS "assignedTo", c.status::text AS "myConflict",
             EXISTS (SELECT 1 FROM "Review" r WHERE r."applicationId" = a.id AND r."completedAt" IS NOT NULL) AS reviewed
      FROM "Application" a
      LEFT JOIN "User" u ON u.id = a."assignedToId"
      LEFT JOIN "ConflictDeclaration" c ON c."applicationId" = a.id AND c."userId" = ${actor.id}
      WHERE ${Prisma.join(where, " AND ")}
      ORDER BY ${order}
      LIMIT ${PAGE_SIZE + 1}`,
    db.$queryRaw<{ status: string; count: bigint }[]>`${searchHits(f, round.id)}
      SELECT a.status::text, count(*) AS count FROM "Application" a WHERE ${conditions(actor, f, round.id, false)} GROUP BY a.status`,
  ]);
  const page = rows.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  const next = rows.length > PAGE_SIZE && last
    ? encodeCursor({ v: sort === "submitted" ? last.submittedAt.toISOString() : sort === "amount" ? last.requestedSek : last.referenceNumber, id: last.id })
    : null;
  const byStatus: Record<string, number> = Object.fromEntries(counts.map((c) => [c.status, Number(c.count)]));
  const total = f.status.length ? f.status.reduce((s, st) => s + (byStatus[st] ?? 0), 0) : Object.values(byStatus).reduce((s, n) => s + n, 0);
  return { rounds, round, rows: page, counts: byStatus, total, next };
}

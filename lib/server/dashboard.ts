import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "./db";
import { deny, type Actor } from "./actor";
import { isStaff } from "@/lib/domain/roles";
import type { DashboardFilters } from "@/lib/validation/dashboard";

export const PAGE_SIZE = 25;

export type DashboardRow = {
  id: string;
  referenceNumber: string;
  title: string;
  organisationName: string;
  track: string | null;
  variant: string | null;
  status: string;
  requestedSek: number;
  submittedAt: Date;
  municipalityCode: string | null;
  assessmentStep: string | null;
  assignedTo: string | null;
  myConflict: string | null;
  reviewed: boolean;
};

const SORT_COLUMN = {
  submitted: Prisma.sql`e."submittedAt"`,
  amount: Prisma.sql`e."requestedSek"`,
  reference: Prisma.sql`e."referenceNumber"`,
} as const;

type Cursor = { v: string | number; id: string };
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString("base64url");
const CURSOR_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** A sort value as the dashboard writes it: a finite number, or short text without control characters. */
const validValue = (v: unknown) =>
  (typeof v === "number" && Number.isFinite(v)) ||
  (typeof v === "string" && v.length <= 200 && !/[\u0000-\u001f\u007f]/.test(v));
/** A cursor that does not fit the sort (a tampered one) is ignored: the first page is shown. */
function decodeCursor(value: string | undefined): Cursor | null {
  if (!value) return null;
  try {
    const c = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as Cursor;
    return c !== null && typeof c === "object" && CURSOR_ID.test(String(c.id)) && validValue(c.v)
      ? c
      : null;
  } catch {
    return null;
  }
}

/**
 * The filters as SQL over the read model "DashboardEntry" (alias e: narrow rows kept by a trigger),
 * shared by the page and the counts (which leave the status filter out).
 */
function conditions(
  actor: Actor,
  f: DashboardFilters,
  roundId: string,
  options: { status: boolean; search: boolean },
) {
  const where: Prisma.Sql[] = [Prisma.sql`e."roundId" = ${roundId}`];
  if (options.status && f.status.length)
    where.push(Prisma.sql`e.status = ANY(${f.status}::"ApplicationStatus"[])`);
  if (f.track) where.push(Prisma.sql`e.track::text = ${f.track}`);
  if (f.variant) where.push(Prisma.sql`e.variant::text = ${f.variant}`);
  if (f.county) where.push(Prisma.sql`e."countyCode" = ${f.county}`);
  if (f.municipality) where.push(Prisma.sql`e."municipalityCode" = ${f.municipality}`);
  if (f.focus) where.push(Prisma.sql`e."focusAreas" @> ARRAY[${f.focus}]::"FocusArea"[]`);
  if (f.min !== undefined) where.push(Prisma.sql`e."requestedSek" >= ${f.min}`);
  if (f.max !== undefined) where.push(Prisma.sql`e."requestedSek" <= ${f.max}`);
  if (f.mine) where.push(Prisma.sql`e."assignedToId" = ${actor.id}`);
  if (f.unreviewed)
    where.push(
      Prisma.sql`NOT EXISTS (SELECT 1 FROM "Review" r WHERE r."applicationId" = e."applicationId" AND r."completedAt" IS NOT NULL)`,
    );
  if (options.search && f.q)
    where.push(
      Prisma.sql`(e."searchVector" @@ websearch_to_tsquery('swedish', ${f.q}) OR e."referenceNumber" = ${f.q})`,
    );
  return Prisma.join(where, " AND ");
}

/**
 * With a search, the matching applications are found through the full-text index first (a
 * materialised set), whatever the other filters: otherwise the planner may walk the sort index
 * through the whole round looking for rows that match a rare term, or none.
 */
function source(actor: Actor, f: DashboardFilters, roundId: string) {
  if (!f.q) return { with: Prisma.empty, from: Prisma.sql`"DashboardEntry"` };
  return {
    with: Prisma.sql`WITH matching AS MATERIALIZED (SELECT e."applicationId", e."roundId", e.status, e.track, e.variant, e."countyCode", e."municipalityCode",
      e."focusAreas", e."requestedSek", e."submittedAt", e."referenceNumber", e."assignedToId" FROM "DashboardEntry" e WHERE ${conditions(actor, f, roundId, { status: false, search: true })}) `,
    from: Prisma.sql`matching`,
  };
}

const hasFiltersBesideStatus = (f: DashboardFilters) =>
  Boolean(
    f.q ||
    f.track ||
    f.variant ||
    f.county ||
    f.municipality ||
    f.focus ||
    f.mine ||
    f.unreviewed ||
    f.min !== undefined ||
    f.max !== undefined,
  );

export async function dashboard(actor: Actor, f: DashboardFilters) {
  if (!isStaff(actor.roles)) await deny(actor, "dashboard.read");
  const rounds = await db.$queryRaw<{ id: string; title: string; status: string }[]>`
    SELECT id, title, status::text FROM "GrantRound" ORDER BY year DESC, "opensAt" DESC`;
  const round =
    rounds.find((r) => r.id === f.round) ?? rounds.find((r) => r.status === "OPEN") ?? rounds[0];
  if (!round)
    return {
      rounds,
      round: null,
      rows: [] as DashboardRow[],
      counts: {} as Record<string, number>,
      total: 0,
      next: null,
    };

  const sort = f.sort ?? "submitted";
  const desc = f.dir === "desc";
  const column = SORT_COLUMN[sort];
  const decoded = decodeCursor(f.after);
  const cursor =
    decoded &&
    (sort === "submitted"
      ? typeof decoded.v === "string" && !Number.isNaN(new Date(decoded.v).getTime())
      : sort === "amount"
        ? typeof decoded.v === "number"
        : typeof decoded.v === "string")
      ? decoded
      : null;
  const where = [conditions(actor, f, round.id, { status: true, search: false })];
  if (cursor) {
    const value =
      sort === "submitted"
        ? Prisma.sql`${new Date(cursor.v)}::timestamptz`
        : Prisma.sql`${cursor.v}`;
    where.push(
      desc
        ? Prisma.sql`(${column}, e."applicationId") < (${value}, ${cursor.id})`
        : Prisma.sql`(${column}, e."applicationId") > (${value}, ${cursor.id})`,
    );
  }
  const innerOrder = desc
    ? Prisma.sql`${column} DESC, e."applicationId" DESC`
    : Prisma.sql`${column} ASC, e."applicationId" ASC`;
  const outerOrder = desc
    ? Prisma.sql`page.sorted DESC, page.id DESC`
    : Prisma.sql`page.sorted ASC, page.id ASC`;
  const src = source(actor, f, round.id);

  // The page's ids from the narrow rows, then the 26 applications by primary key.
  const [rows, counts] = await Promise.all([
    db.$queryRaw<DashboardRow[]>`${src.with}
      SELECT a.id, a."referenceNumber", a.title, coalesce(a."organisationName", '') AS "organisationName", a.track::text, a.variant::text, a.status::text,
             a."requestedSek", a."submittedAt", a."primaryMunicipalityCode" AS "municipalityCode", a."assessmentStep"::text,
             u.name AS "assignedTo", c.status::text AS "myConflict",
             EXISTS (SELECT 1 FROM "Review" r WHERE r."applicationId" = a.id AND r."completedAt" IS NOT NULL) AS reviewed
      FROM (SELECT e."applicationId" AS id, ${column} AS sorted FROM ${src.from} e WHERE ${Prisma.join(where, " AND ")} ORDER BY ${innerOrder} LIMIT ${PAGE_SIZE + 1}) page
      JOIN "Application" a ON a.id = page.id
      LEFT JOIN "User" u ON u.id = a."assignedToId"
      LEFT JOIN "ConflictDeclaration" c ON c."applicationId" = a.id AND c."userId" = ${actor.id}
      ORDER BY ${outerOrder}`,
    hasFiltersBesideStatus(f)
      ? db.$queryRaw<{ status: string; count: bigint }[]>`${src.with}
          SELECT e.status::text, count(*) AS count FROM ${src.from} e WHERE ${conditions(actor, f, round.id, { status: false, search: false })} GROUP BY e.status`
      : db.$queryRaw<{ status: string; count: bigint }[]>`
          SELECT status::text, count::bigint AS count FROM "RoundStatusCount" WHERE "roundId" = ${round.id} AND count > 0`,
  ]);
  const page = rows.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  const next =
    rows.length > PAGE_SIZE && last
      ? encodeCursor({
          v:
            sort === "submitted"
              ? last.submittedAt.toISOString()
              : sort === "amount"
                ? last.requestedSek
                : last.referenceNumber,
          id: last.id,
        })
      : null;
  const byStatus: Record<string, number> = Object.fromEntries(
    counts.map((c) => [c.status, Number(c.count)]),
  );
  const total = f.status.length
    ? f.status.reduce((s, st) => s + (byStatus[st] ?? 0), 0)
    : Object.values(byStatus).reduce((s, n) => s + n, 0);
  return { rounds, round, rows: page, counts: byStatus, total, next };
}

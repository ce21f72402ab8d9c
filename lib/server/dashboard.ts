import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "./db";
import { deny, type Actor } from "./actor";
import { isStaff } from "@/lib/domain/roles";
import { ALL_ROUNDS, type DashboardFilters } from "@/lib/validation/dashboard";
import { addDays, isIsoDate, todayInStockholm } from "@/lib/domain/dates";
import { isoDate } from "@/lib/domain/format";

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
  /** The open completion request's due date, if any. */
  complementDueOn: Date | null;
  roundTitle: string;
  targetDecisionOn: Date | null;
  sortValue: Date | number | string | null;
};

type SortKey = NonNullable<DashboardFilters["sort"]>;
// The sortable columns of the read model; the two dates may be empty, and empty rows come last
// in either direction (keyset paging over "empty last, then the value, then the id").
const SORTS: Record<
  SortKey,
  { column: Prisma.Sql; kind: "timestamp" | "number" | "text" | "date"; nullable: boolean }
> = {
  submitted: { column: Prisma.sql`e."submittedAt"`, kind: "timestamp", nullable: false },
  amount: { column: Prisma.sql`e."requestedSek"`, kind: "number", nullable: false },
  reference: { column: Prisma.sql`e."referenceNumber"`, kind: "text", nullable: false },
  due: { column: Prisma.sql`e."complementDueOn"`, kind: "date", nullable: true },
  target: { column: Prisma.sql`e."targetDecisionOn"`, kind: "date", nullable: true },
};

type Cursor = { v: string | number | null; id: string };
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString("base64url");
const CURSOR_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** A sort value as the dashboard writes it: a finite number, or short text without control characters. */
const validValue = (v: unknown) =>
  v === null ||
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
  roundId: string | null,
  options: { status: boolean; search: boolean },
) {
  const where: Prisma.Sql[] = roundId ? [Prisma.sql`e."roundId" = ${roundId}`] : [Prisma.sql`TRUE`];
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
  const today = todayInStockholm();
  if (f.minAge !== undefined)
    // Submitted on or before this day (Stockholm) is at least minAge days old.
    where.push(
      Prisma.sql`e."submittedAt" < (${addDays(today, 1 - f.minAge)}::date::timestamp AT TIME ZONE 'Europe/Stockholm')`,
    );
  if (f.completion === "open") where.push(Prisma.sql`e."complementDueOn" IS NOT NULL`);
  if (f.completion === "overdue") where.push(Prisma.sql`e."complementDueOn" < ${today}::date`);
  if (f.targetBefore) where.push(Prisma.sql`e."targetDecisionOn" <= ${f.targetBefore}::date`);
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
function source(actor: Actor, f: DashboardFilters, roundId: string | null) {
  if (!f.q) return { with: Prisma.empty, from: Prisma.sql`"DashboardEntry"` };
  return {
    with: Prisma.sql`WITH matching AS MATERIALIZED (SELECT e."applicationId", e."roundId", e.status, e.track, e.variant, e."countyCode", e."municipalityCode",
      e."focusAreas", e."requestedSek", e."submittedAt", e."referenceNumber", e."assignedToId", e."complementDueOn", e."targetDecisionOn"
      FROM "DashboardEntry" e WHERE ${conditions(actor, f, roundId, { status: false, search: true })}) `,
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
    f.completion ||
    f.targetBefore ||
    f.minAge !== undefined ||
    f.min !== undefined ||
    f.max !== undefined,
  );

/** Where the page continues after a cursor, for the chosen sort (empty values last). */
function after(sort: SortKey, desc: boolean, cursor: Cursor): Prisma.Sql {
  const { column, kind, nullable } = SORTS[sort];
  const cmp = desc ? Prisma.sql`<` : Prisma.sql`>`;
  if (cursor.v === null)
    return Prisma.sql`(${column} IS NULL AND e."applicationId" ${cmp} ${cursor.id})`;
  const value =
    kind === "timestamp"
      ? Prisma.sql`${new Date(cursor.v)}::timestamptz`
      : kind === "date"
        ? Prisma.sql`${String(cursor.v)}::date`
        : Prisma.sql`${cursor.v}`;
  const past = Prisma.sql`(${column}, e."applicationId") ${cmp} (${value}, ${cursor.id})`;
  return nullable ? Prisma.sql`(${past} OR ${column} IS NULL)` : past;
}

/** Whether a decoded cursor's value fits the sort; a cursor that does not is ignored. */
function fits(sort: SortKey, v: Cursor["v"]): boolean {
  const { kind, nullable } = SORTS[sort];
  if (v === null) return nullable;
  if (kind === "number") return typeof v === "number";
  if (typeof v !== "string") return false;
  if (kind === "timestamp") return !Number.isNaN(new Date(v).getTime());
  if (kind === "date") return isIsoDate(v);
  return true;
}

const cursorValue = (sort: SortKey, value: DashboardRow["sortValue"]): Cursor["v"] =>
  value === null
    ? null
    : value instanceof Date
      ? SORTS[sort].kind === "date"
        ? isoDate(value)
        : value.toISOString()
      : value;

export async function dashboard(actor: Actor, f: DashboardFilters) {
  if (!isStaff(actor.roles)) await deny(actor, "dashboard.read");
  const rounds = await db.$queryRaw<
    { id: string; title: string; status: string; targetDecisionOn: Date | null }[]
  >`
    SELECT id, title, status::text, "targetDecisionOn" FROM "GrantRound" ORDER BY year DESC, "opensAt" DESC`;
  const allRounds = f.round === ALL_ROUNDS && rounds.length > 0;
  const round = allRounds
    ? null
    : (rounds.find((r) => r.id === f.round) ??
      rounds.find((r) => r.status === "OPEN") ??
      rounds[0]);
  if (!round && !allRounds)
    return {
      rounds,
      round: null,
      allRounds,
      rows: [] as DashboardRow[],
      counts: {} as Record<string, number>,
      total: 0,
      next: null,
    };
  const roundId = round?.id ?? null;

  const sort = f.sort ?? "submitted";
  const desc = f.dir === "desc";
  const { column, nullable } = SORTS[sort];
  const decoded = decodeCursor(f.after);
  const cursor = decoded && fits(sort, decoded.v) ? decoded : null;
  const where = [conditions(actor, f, roundId, { status: true, search: false })];
  if (cursor) where.push(after(sort, desc, cursor));
  const emptyLast = nullable ? Prisma.sql`(${column} IS NULL), ` : Prisma.empty;
  const innerOrder = desc
    ? Prisma.sql`${emptyLast}${column} DESC, e."applicationId" DESC`
    : Prisma.sql`${emptyLast}${column} ASC, e."applicationId" ASC`;
  const pageEmptyLast = nullable ? Prisma.sql`(page.sorted IS NULL), ` : Prisma.empty;
  const outerOrder = desc
    ? Prisma.sql`${pageEmptyLast}page.sorted DESC, page.id DESC`
    : Prisma.sql`${pageEmptyLast}page.sorted ASC, page.id ASC`;
  const src = source(actor, f, roundId);
  const countsWhere = roundId ? Prisma.sql`"roundId" = ${roundId} AND` : Prisma.empty;

  // The page's ids from the narrow rows, then the 26 applications by primary key.
  const [rows, counts] = await Promise.all([
    db.$queryRaw<DashboardRow[]>`${src.with}
      SELECT a.id, a."referenceNumber", a.title, coalesce(a."organisationName", '') AS "organisationName", a.track::text, a.variant::text, a.status::text,
             a."requestedSek", a."submittedAt", a."primaryMunicipalityCode" AS "municipalityCode", a."assessmentStep"::text,
             u.name AS "assignedTo", c.status::text AS "myConflict",
             EXISTS (SELECT 1 FROM "Review" r WHERE r."applicationId" = a.id AND r."completedAt" IS NOT NULL) AS reviewed,
             page."complementDueOn", page."targetDecisionOn", g.title AS "roundTitle", page.sorted AS "sortValue"
      FROM (SELECT e."applicationId" AS id, ${column} AS sorted, e."complementDueOn", e."targetDecisionOn"
            FROM ${src.from} e WHERE ${Prisma.join(where, " AND ")} ORDER BY ${innerOrder} LIMIT ${PAGE_SIZE + 1}) page
      JOIN "Application" a ON a.id = page.id
      JOIN "GrantRound" g ON g.id = a."roundId"
      LEFT JOIN "User" u ON u.id = a."assignedToId"
      LEFT JOIN "ConflictDeclaration" c ON c."applicationId" = a.id AND c."userId" = ${actor.id}
      ORDER BY ${outerOrder}`,
    hasFiltersBesideStatus(f)
      ? db.$queryRaw<{ status: string; count: bigint }[]>`${src.with}
          SELECT e.status::text, count(*) AS count FROM ${src.from} e WHERE ${conditions(actor, f, roundId, { status: false, search: false })} GROUP BY e.status`
      : db.$queryRaw<{ status: string; count: bigint }[]>`
          SELECT status::text, sum(count)::bigint AS count FROM "RoundStatusCount" WHERE ${countsWhere} count > 0 GROUP BY status`,
  ]);
  const page = rows.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  const next =
    rows.length > PAGE_SIZE && last
      ? encodeCursor({ v: cursorValue(sort, last.sortValue), id: last.id })
      : null;
  const byStatus: Record<string, number> = Object.fromEntries(
    counts.map((c) => [c.status, Number(c.count)]),
  );
  const total = f.status.length
    ? f.status.reduce((s, st) => s + (byStatus[st] ?? 0), 0)
    : Object.values(byStatus).reduce((s, n) => s + n, 0);
  return { rounds, round, allRounds, rows: page, counts: byStatus, total, next };
}

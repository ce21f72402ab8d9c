import "server-only";
import { db } from "./db";
import { Prisma } from "@/lib/generated/prisma/client";
import { grantConditions, type GrantFilter } from "./exports";

/** The public list of approved grants, newest first: no personal data (no contact persons, no e-mail addresses). */
export const PUBLIC_PAGE_SIZE = 100;

// The list's pages, its totals and the list of years are the same for every visitor and change
// only with a decision (or a published learning example): each instance keeps them for a short
// while, per filter and page (a change made through this instance clears them at once; other
// instances follow within TOTALS_TTL_MS). The public list is what a news article links to: a
// spike of visitors then reads memory, not the database.
const TOTALS_TTL_MS = 30_000;
type Totals = { count: number; totalSek: number };
const totalsCache = new Map<string, { at: number; value: Promise<Totals> }>();
const pageCache = new Map<string, { at: number; value: Promise<ListRow[]> }>();
let yearsCache: { at: number; value: Promise<number[]> } | null = null;

export function grantsChanged() {
  totalsCache.clear();
  pageCache.clear();
  yearsCache = null;
}

function fresh<T>(entry: { at: number; value: Promise<T> } | null | undefined) {
  return entry && Date.now() - entry.at < TOTALS_TTL_MS ? entry.value : null;
}

function totalsFor(filter: GrantFilter): Promise<Totals> {
  const key = JSON.stringify(filter);
  const cached = fresh(totalsCache.get(key));
  if (cached) return cached;
  const where = Prisma.join(grantConditions(filter), " AND ");
  // The application is joined only when a filter needs it.
  const needsApplication = Boolean(filter.track || filter.county || filter.reference);
  const value = db.$queryRaw<{ count: number; total: bigint | null }[]>`
      SELECT count(*)::int AS count, sum(d."amountSek") AS total
      FROM "Decision" d ${needsApplication ? Prisma.sql`JOIN "Application" a ON a.id = d."applicationId"` : Prisma.empty} WHERE ${where}`.then(
    ([row]) => ({ count: row?.count ?? 0, totalSek: Number(row?.total ?? 0) }),
  );
  value.catch(() => totalsCache.delete(key));
  if (totalsCache.size > 500) totalsCache.clear();
  totalsCache.set(key, { at: Date.now(), value });
  return value;
}

function years(): Promise<number[]> {
  const cached = fresh(yearsCache);
  if (cached) return cached;
  const value = db.$queryRaw<
    { year: number }[]
  >`SELECT DISTINCT extract(year FROM "decidedOn")::int AS year FROM "Decision" WHERE outcome = 'APPROVED' ORDER BY 1 DESC`.then(
    (rows) => rows.map((r) => r.year),
  );
  value.catch(() => {
    yearsCache = null;
  });
  yearsCache = { at: Date.now(), value };
  return value;
}

type ListRow = {
  id: string;
  referenceNumber: string | null;
  organisation: string;
  title: string;
  track: string | null;
  municipalityCode: string;
  amountSek: number | null;
  periodStart: Date | null;
  periodEnd: Date | null;
  decidedOn: Date;
  /** The grant's published learning example, if it has one. */
  exampleId: string | null;
};

/** One page of approved grants (newest decisions first) and the totals over all pages, in plain SQL. */
export async function listApprovedGrants(
  filter: GrantFilter = {},
  page = 1,
  take = PUBLIC_PAGE_SIZE,
) {
  const [rows, totals, yearList] = await Promise.all([
    pageFor(filter, page, take),
    totalsFor(filter),
    years(),
  ]);
  const grants = rows.map((r) => ({
    ...r,
    track: r.track as "KNOWLEDGE" | "COLLABORATION" | "INTERVENTION" | null,
    amountSek: r.amountSek ?? 0,
  }));
  return { grants, count: totals.count, totalSek: totals.totalSek, years: yearList };
}

function pageFor(filter: GrantFilter, page: number, take: number): Promise<ListRow[]> {
  const key = JSON.stringify([filter, page, take]);
  const cached = fresh(pageCache.get(key));
  if (cached) return cached;
  const where = Prisma.join(grantConditions(filter), " AND ");
  const offset = (Math.max(1, page) - 1) * take;
  const value = db.$queryRaw<ListRow[]>`
      SELECT d.id, a."referenceNumber", o.name AS organisation, a.title, a.track::text, d."amountSek", a."periodStart", a."periodEnd", d."decidedOn",
             (SELECT le.id FROM "LearningExample" le JOIN "FollowUpReport" r ON r.id = le."reportId"
               WHERE r."applicationId" = a.id AND le.status = 'PUBLISHED' LIMIT 1) AS "exampleId",
             coalesce(a."primaryMunicipalityCode", (SELECT ar."municipalityCode" FROM "ApplicationArea" ar WHERE ar."applicationId" = a.id ORDER BY ar.position LIMIT 1), o."municipalityCode") AS "municipalityCode"
      FROM "Decision" d JOIN "Application" a ON a.id = d."applicationId" JOIN "Organisation" o ON o.id = a."organisationId"
      WHERE ${where}
      ORDER BY d."decidedOn" DESC, d.id ASC
      LIMIT ${take} OFFSET ${offset}`;
  value.catch(() => pageCache.delete(key));
  if (pageCache.size > 500) pageCache.clear();
  pageCache.set(key, { at: Date.now(), value });
  return value;
}

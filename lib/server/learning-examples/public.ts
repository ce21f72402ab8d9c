import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "../db";
import { NotFound } from "../errors";
import type { ExampleFilter } from "@/lib/validation/learning-example";
import { recordId } from "@/lib/validation/query";
import { countyNameOf, municipalityName } from "@/lib/reference/municipalities";
import { appUrl } from "../mail";
import type { FocusArea, Track } from "@/lib/validation/application";

// The public side of learning examples (docs/domain.md §8): only published examples, and of them
// only what the grantee wrote for the public and what /beviljade already shows. No personal data.

/** Examples on one page of /erfarenheter. */
const EXAMPLES_PAGE_SIZE = 12;

type PublicExample = {
  id: string;
  title: string;
  organisation: string;
  referenceNumber: string | null;
  track: Track | null;
  focusAreas: FocusArea[];
  municipalityCode: string | null;
  year: number | null;
  publishedAt: Date;
  place: string;
  purpose: string;
};
type FullExample = PublicExample & { process: string; results: string; lessons: string };

// The example with its grant: the municipality is the first area's (as on /beviljade), the year
// the year of the grant's decision.
const FROM = Prisma.sql`
  FROM "LearningExample" le
  JOIN "FollowUpReport" r ON r.id = le."reportId"
  JOIN "Application" a ON a.id = r."applicationId"
  JOIN "Organisation" o ON o.id = a."organisationId"
  CROSS JOIN LATERAL (SELECT coalesce(a."primaryMunicipalityCode",
      (SELECT ar."municipalityCode" FROM "ApplicationArea" ar WHERE ar."applicationId" = a.id ORDER BY ar.position LIMIT 1),
      o."municipalityCode") AS code) m
  LEFT JOIN LATERAL (SELECT d."decidedOn" FROM "Decision" d
      WHERE d."applicationId" = a.id AND d.outcome = 'APPROVED'
        AND NOT EXISTS (SELECT 1 FROM "Decision" c WHERE c."correctsId" = d.id)
      ORDER BY d."decidedOn" DESC LIMIT 1) d ON TRUE`;
const COLUMNS = Prisma.sql`le.id, a.title, o.name AS organisation, a."referenceNumber", a.track::text AS track,
  a."focusAreas"::text[] AS "focusAreas", m.code AS "municipalityCode",
  extract(year FROM d."decidedOn")::int AS year, le."publishedAt", le.place, le.purpose`;

function conditions(f: ExampleFilter): Prisma.Sql {
  const where = [Prisma.sql`le.status = 'PUBLISHED'`];
  if (f.track) where.push(Prisma.sql`a.track::text = ${f.track}`);
  if (f.focus) where.push(Prisma.sql`a."focusAreas" @> ARRAY[${f.focus}]::"FocusArea"[]`);
  if (f.county) where.push(Prisma.sql`left(m.code, 2) = ${f.county}`);
  if (f.municipality) where.push(Prisma.sql`m.code = ${f.municipality}`);
  if (f.year) where.push(Prisma.sql`extract(year FROM d."decidedOn")::int = ${f.year}`);
  if (f.q) where.push(Prisma.sql`le."searchVector" @@ websearch_to_tsquery('swedish', ${f.q})`);
  return Prisma.join(where, " AND ");
}

type Cursor = { p: string; id: string };
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString("base64url");
/** A cursor that is not one of ours (tampered, or from nowhere) gives the first page. */
function decodeCursor(value: string | undefined): Cursor | null {
  if (!value) return null;
  try {
    const c = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as unknown;
    if (c === null || typeof c !== "object") return null;
    const { p, id } = c as Record<string, unknown>;
    return typeof p === "string" &&
      /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(p) &&
      !Number.isNaN(new Date(p).getTime()) &&
      typeof id === "string" &&
      /^[A-Za-z0-9_-]{1,64}$/.test(id)
      ? { p, id }
      : null;
  } catch {
    return null;
  }
}

/**
 * One page of published examples, newest first, with the number that match the filter and the
 * cursor of the next page (keyset paging: the same page whatever is published meanwhile).
 */
export async function listPublishedExamples(f: ExampleFilter, take = EXAMPLES_PAGE_SIZE) {
  const where = conditions(f);
  const cursor = decodeCursor(f.after);
  const after = cursor
    ? Prisma.sql` AND (le."publishedAt", le.id) < (${new Date(cursor.p)}::timestamptz, ${cursor.id})`
    : Prisma.empty;
  const [rows, [total]] = await Promise.all([
    db.$queryRaw<PublicExample[]>`SELECT ${COLUMNS} ${FROM} WHERE ${where}${after}
      ORDER BY le."publishedAt" DESC, le.id DESC LIMIT ${take + 1}`,
    db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count ${FROM} WHERE ${where}`,
  ]);
  const examples = rows.slice(0, take);
  const last = examples.at(-1);
  const next =
    rows.length > take && last
      ? encodeCursor({ p: last.publishedAt.toISOString(), id: last.id })
      : null;
  return { examples, count: total?.count ?? 0, next };
}

/** What the filters offer: the years, counties and municipalities that have published examples. */
export async function exampleFilterOptions() {
  const rows = await db.$queryRaw<{ municipalityCode: string | null; year: number | null }[]>`
    SELECT DISTINCT m.code AS "municipalityCode", extract(year FROM d."decidedOn")::int AS year
    ${FROM} WHERE le.status = 'PUBLISHED'`;
  const years = [...new Set(rows.map((r) => r.year).filter((y) => y !== null))].sort(
    (a, b) => b - a,
  );
  const municipalities = [
    ...new Set(rows.map((r) => r.municipalityCode).filter((c) => c !== null)),
  ];
  return { years, municipalities };
}

/** One published example with all five parts; anything else is "not found". */
export async function publishedExample(id: string): Promise<FullExample> {
  if (!recordId.safeParse(id).success) throw new NotFound();
  const [row] = await db.$queryRaw<FullExample[]>`
    SELECT ${COLUMNS}, le.process, le.results, le.lessons ${FROM}
    WHERE le.id = ${id} AND le.status = 'PUBLISHED'`;
  if (!row) throw new NotFound();
  return row;
}

/** Examples in one answer of the open data. */
const OPEN_DATA_PAGE_SIZE = 50;

/**
 * The published examples as open data: every field of the public page, the grant's reference
 * number and links, 50 at a time newest first, with the address of the next batch.
 */
export async function examplesOpenData(f: ExampleFilter) {
  const { examples, count, next } = await listPublishedExamples(f, OPEN_DATA_PAGE_SIZE);
  const full = await Promise.all(examples.map((e) => publishedExample(e.id)));
  const params = new URLSearchParams(
    Object.entries(f)
      .filter(([k, v]) => k !== "after" && v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  );
  if (next) params.set("after", next);
  return {
    count,
    next: next ? appUrl(`/api/open-data/erfarenheter?${params.toString()}`) : null,
    examples: full.map((e) => ({
      id: e.id,
      url: appUrl(`/erfarenheter/${e.id}`),
      title: e.title,
      organisation: e.organisation,
      referenceNumber: e.referenceNumber,
      grantUrl: e.referenceNumber
        ? appUrl(`/beviljade?diarienummer=${encodeURIComponent(e.referenceNumber)}`)
        : null,
      track: e.track,
      focusAreas: e.focusAreas,
      municipalityCode: e.municipalityCode,
      municipality: e.municipalityCode ? (municipalityName(e.municipalityCode) ?? null) : null,
      countyCode: e.municipalityCode?.slice(0, 2) ?? null,
      county: e.municipalityCode ? (countyNameOf(e.municipalityCode) ?? null) : null,
      year: e.year,
      publishedAt: e.publishedAt.toISOString(),
      place: e.place,
      purpose: e.purpose,
      process: e.process,
      results: e.results,
      lessons: e.lessons,
    })),
  };
}

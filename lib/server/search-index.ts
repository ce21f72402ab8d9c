// Keeps the officers' dashboard columns of an application up to date: organisation name, the first
// area's municipality and county, and the Swedish full-text vector (title and reference number
// weigh most, then the organisation, then the summary). Run at each submission; without an id it
// refreshes every submitted application. No "server-only" marker: the seed uses it too.
import type { Tx } from "./db";

export async function refreshSearchIndex(
  tx: Pick<Tx, "$executeRaw">,
  applicationId: string | null = null,
) {
  await tx.$executeRaw`
    UPDATE "Application" a SET
      "organisationName" = o.name,
      "primaryMunicipalityCode" = first_area.code,
      "countyCode" = left(first_area.code, 2),
      "searchVector" =
        setweight(to_tsvector('simple', coalesce(a."referenceNumber", '')), 'A') ||
        setweight(to_tsvector('swedish', a.title), 'A') ||
        setweight(to_tsvector('swedish', o.name), 'B') ||
        setweight(to_tsvector('swedish', a.summary), 'C')
    FROM "Organisation" o,
      (SELECT ar."applicationId", min(ar."municipalityCode") FILTER (WHERE ar.position = (SELECT min(position) FROM "ApplicationArea" x WHERE x."applicationId" = ar."applicationId")) AS code
         FROM "ApplicationArea" ar WHERE ar."applicationId" = ${applicationId}::text OR ${applicationId}::text IS NULL GROUP BY ar."applicationId") first_area
    WHERE o.id = a."organisationId" AND first_area."applicationId" = a.id AND a.status <> 'DRAFT'
      AND (a.id = ${applicationId}::text OR ${applicationId}::text IS NULL)`;
}

/**
 * The Swedish full-text vector of a learning example (docs/domain.md §8): the grant's title weighs
 * most, then the organisation, the place and the purpose, then the rest. Set when it is published;
 * without an id, for every published example.
 */
export async function refreshExampleSearchVector(
  tx: Pick<Tx, "$executeRaw">,
  exampleId: string | null = null,
) {
  await tx.$executeRaw`
    UPDATE "LearningExample" le SET "searchVector" =
        setweight(to_tsvector('swedish', a.title), 'A') ||
        setweight(to_tsvector('swedish', o.name), 'B') ||
        setweight(to_tsvector('swedish', le.place || ' ' || le.purpose), 'C') ||
        setweight(to_tsvector('swedish', le.process || ' ' || le.results || ' ' || le.lessons), 'D')
    FROM "FollowUpReport" r, "Application" a, "Organisation" o
    WHERE r.id = le."reportId" AND a.id = r."applicationId" AND o.id = a."organisationId"
      AND le.status = 'PUBLISHED' AND (le.id = ${exampleId}::text OR ${exampleId}::text IS NULL)`;
}

import "server-only";
import { db } from "./db";
import { Prisma } from "@/lib/generated/prisma/client";
import { grantConditions, type GrantFilter } from "./exports";

/** The public list of approved grants, newest first: no personal data (no contact persons, no e-mail addresses). */
export const PUBLIC_PAGE_SIZE = 100;

type ListRow = {
  id: string; referenceNumber: string | null; organisation: string; title: string; track: string | null; municipalityCode: string;
  amountSek: number | null; periodStart: Date | null; periodEnd: Date | null; decidedOn: Date;
};

/** One page of approved grants (newest decisions first) and the totals over all pages, in plain SQL. */
export async function listApprovedGrants(filter: GrantFilter = {}, page = 1, take = PUBLIC_PAGE_SIZE) {
  const where = Prisma.join(grantConditions(filter), " AND ");
  const offset = (Math.max(1, page) - 1) * take;
  const [rows, [totals], years] = await Promise.all([
    db.$queryRaw<ListRow[]>`
      SELECT d.id, a."referenceNumber", o.name AS organisation, a.title, a.track::text, d."amountSek", a."periodStart", a."periodEnd", d."decidedOn",
             coalesce(a."primaryMunicipalityCode", (SELECT ar."municipalityCode" FROM "ApplicationArea" ar WHERE ar."applicationId" = a.id ORDER BY ar.position LIMIT 1), o."municipalityCode") AS "municipalityCode"
      FROM "Decision" d JOIN "Application" a ON a.id = d."applicationId" JOIN "Organisation" o ON o.id = a."organisationId"
      WHERE ${where}
      ORDER BY d."decidedOn" DESC, d.id ASC
      LIMIT ${take} OFFSET ${offset}`,
    db.$queryRaw<{ count: number; total: bigint | null }[]>`
      SELECT count(*)::int AS count, sum(d."amountSek") AS total
      FROM "Decision" d JOIN "Application" a ON a.id = d."applicationId" WHERE ${where}`,
    db.$queryRaw<{ year: number }[]>`SELECT DISTINCT extract(year FROM "decidedOn")::int AS year FROM "Decision" WHERE outcome = 'APPROVED' ORDER BY 1 DESC`,
  ]);
  const grants = rows.map((r) => ({ ...r, track: r.track as "KNOWLEDGE" | "COLLABORATION" | "INTERVENTION" | null, amountSek: r.amountSek ?? 0 }));
  return { grants, count: totals?.count ?? 0, totalSek: Number(totals?.total ?? 0), years: years.map((y) => y.year) };
}

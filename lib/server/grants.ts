import "server-only";
import { db } from "./db";
import { approvedWhere, type GrantFilter } from "./exports";

/** The public list of approved grants, newest first: no personal data (no contact persons, no e-mail addresses). */
export const PUBLIC_PAGE_SIZE = 100;

export async function listApprovedGrants(filter: GrantFilter = {}, page = 1, take = PUBLIC_PAGE_SIZE) {
  const where = approvedWhere(filter);
  const [decisions, totals, years] = await Promise.all([
    db.decision.findMany({
      where,
      orderBy: [{ decidedOn: "desc" }, { id: "asc" }],
      skip: (Math.max(1, page) - 1) * take,
      take,
      select: {
        id: true, amountSek: true, decidedOn: true,
        application: {
          select: {
            referenceNumber: true, title: true, track: true, periodStart: true, periodEnd: true,
            organisation: { select: { name: true, municipalityCode: true } },
            areas: { select: { municipalityCode: true, name: true }, orderBy: { position: "asc" }, take: 1 },
          },
        },
      },
    }),
    db.decision.aggregate({ where, _sum: { amountSek: true }, _count: true }),
    db.$queryRaw<{ year: number }[]>`SELECT DISTINCT extract(year FROM "decidedOn")::int AS year FROM "Decision" WHERE outcome = 'APPROVED' ORDER BY 1 DESC`,
  ]);
  const grants = decisions.map((d) => ({
    id: d.id,
    referenceNumber: d.application.referenceNumber,
    organisation: d.application.organisation.name,
    title: d.application.title,
    track: d.application.track,
    municipalityCode: d.application.areas[0]?.municipalityCode ?? d.application.organisation.municipalityCode,
    amountSek: d.amountSek ?? 0,
    periodStart: d.application.periodStart,
    periodEnd: d.application.periodEnd,
    decidedOn: d.decidedOn,
  }));
  return { grants, count: totals._count, totalSek: totals._sum.amountSek ?? 0, years: years.map((y) => y.year) };
}

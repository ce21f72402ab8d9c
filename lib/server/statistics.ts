import "server-only";
import { db } from "./db";
import { deny, type Actor } from "./actor";
import { isStaff } from "@/lib/domain/roles";

export type StatRow = { key: string; applications: number; approved: number; approvedSek: number };
const toRows = (
  rows: {
    key: string | null;
    applications: bigint;
    approved: bigint;
    approved_sek: bigint | null;
  }[],
): StatRow[] =>
  rows.map((r) => ({
    key: r.key ?? "–",
    applications: Number(r.applications),
    approved: Number(r.approved),
    approvedSek: Number(r.approved_sek ?? 0),
  }));

/** Applications and approved amounts per track, county and focus area; approval rate; budget use per round. Staff only. */
export async function statistics(actor: Actor, roundId?: string) {
  if (!isStaff(actor.roles)) await deny(actor, "statistics.read");
  const round = roundId ?? null;
  const [byTrack, byCounty, byMunicipality, byFocus, rounds, decided] = await Promise.all([
    db.$queryRaw<
      { key: string; applications: bigint; approved: bigint; approved_sek: bigint | null }[]
    >`
      SELECT a.track::text AS key, count(*) AS applications, count(d.id) AS approved, sum(d."amountSek") AS approved_sek
      FROM "Application" a LEFT JOIN "Decision" d ON d."applicationId" = a.id AND d.outcome = 'APPROVED'
      WHERE a.status <> 'DRAFT' AND (a."roundId" = ${round} OR ${round}::text IS NULL) GROUP BY 1 ORDER BY 1`,
    db.$queryRaw<
      { key: string; applications: bigint; approved: bigint; approved_sek: bigint | null }[]
    >`
      SELECT a."countyCode" AS key, count(*) AS applications, count(d.id) AS approved, sum(d."amountSek") AS approved_sek
      FROM "Application" a LEFT JOIN "Decision" d ON d."applicationId" = a.id AND d.outcome = 'APPROVED'
      WHERE a.status <> 'DRAFT' AND (a."roundId" = ${round} OR ${round}::text IS NULL) GROUP BY 1 ORDER BY 1`,
    db.$queryRaw<
      { key: string; applications: bigint; approved: bigint; approved_sek: bigint | null }[]
    >`
      SELECT a."primaryMunicipalityCode" AS key, count(*) AS applications, count(d.id) AS approved, sum(d."amountSek") AS approved_sek
      FROM "Application" a LEFT JOIN "Decision" d ON d."applicationId" = a.id AND d.outcome = 'APPROVED'
      WHERE a.status <> 'DRAFT' AND (a."roundId" = ${round} OR ${round}::text IS NULL) GROUP BY 1 ORDER BY 1`,
    db.$queryRaw<
      { key: string; applications: bigint; approved: bigint; approved_sek: bigint | null }[]
    >`
      SELECT f::text AS key, count(*) AS applications, count(d.id) AS approved, sum(d."amountSek") AS approved_sek
      FROM "Application" a CROSS JOIN LATERAL unnest(a."focusAreas") f LEFT JOIN "Decision" d ON d."applicationId" = a.id AND d.outcome = 'APPROVED'
      WHERE a.status <> 'DRAFT' AND (a."roundId" = ${round} OR ${round}::text IS NULL) GROUP BY 1 ORDER BY 1`,
    db.$queryRaw<{ id: string; title: string; budget: number; approved_sek: bigint | null }[]>`
      SELECT r.id, r.title, r."budgetSek" AS budget, (SELECT sum("amountSek") FROM "Decision" d WHERE d."roundId" = r.id AND d.outcome = 'APPROVED') AS approved_sek
      FROM "GrantRound" r ORDER BY r.year DESC`,
    db.$queryRaw<{ outcome: string; n: bigint }[]>`
      SELECT d.outcome::text, count(*) AS n FROM "Decision" d WHERE (d."roundId" = ${round} OR ${round}::text IS NULL) GROUP BY 1`,
  ]);
  const approvedCount = Number(decided.find((d) => d.outcome === "APPROVED")?.n ?? 0);
  const decidedCount = decided.reduce((s, d) => s + Number(d.n), 0);
  return {
    byTrack: toRows(byTrack),
    byCounty: toRows(byCounty),
    byMunicipality: toRows(byMunicipality),
    byFocus: toRows(byFocus),
    approvalRate: decidedCount ? approvedCount / decidedCount : null,
    approvedCount,
    decidedCount,
    rounds: rounds.map((r) => ({
      id: r.id,
      title: r.title,
      budgetSek: r.budget,
      approvedSek: Number(r.approved_sek ?? 0),
    })),
  };
}

import "server-only";
import { db } from "./db";

/** Rounds that accept applications right now (public information). */
export async function listOpenRounds(now = new Date()) {
  return db.grantRound.findMany({
    where: { status: "OPEN", opensAt: { lte: now }, closesAt: { gt: now } },
    orderBy: { closesAt: "asc" },
  });
}

/** Every round with its approved total, for administrators (caller checks the role). */
export async function listRoundsWithBudgetUse() {
  const [rounds, sums] = await Promise.all([
    db.grantRound.findMany({ orderBy: [{ year: "desc" }, { opensAt: "desc" }] }),
    db.decision.groupBy({ by: ["roundId"], where: { outcome: "APPROVED", correctedBy: null }, _sum: { amountSek: true } }),
  ]);
  const approved = new Map(sums.map((s) => [s.roundId, s._sum.amountSek ?? 0]));
  return rounds.map((round) => ({ ...round, approvedSek: approved.get(round.id) ?? 0 }));
}

import "server-only";
import { db } from "./db";
import { audit } from "./audit";
import { deny, type Actor } from "./actor";
import { NotFound, RuleViolation } from "./errors";
import { stockholmToUtc } from "@/lib/domain/dates";
import { dateOnly } from "./application-contract";
import type { RoundInput } from "@/lib/validation/round";

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
    db.decision.groupBy({
      by: ["roundId"],
      where: { outcome: "APPROVED", correctedBy: null },
      _sum: { amountSek: true },
    }),
  ]);
  const approved = new Map(sums.map((s) => [s.roundId, s._sum.amountSek ?? 0]));
  return rounds.map((round) => ({ ...round, approvedSek: approved.get(round.id) ?? 0 }));
}

const requireAdmin = async (actor: Actor, what: string) => {
  if (!actor.roles.includes("ADMIN")) await deny(actor, what, "GrantRound");
};

const toData = (input: RoundInput) => ({
  title: input.title,
  year: input.year,
  opensAt: stockholmToUtc(input.opensAt),
  closesAt: stockholmToUtc(input.closesAt),
  budgetSek: input.budgetSek,
  acceptedTracks: input.acceptedTracks,
  longestPeriodMonths: input.longestPeriodMonths,
  reviewsRequired: input.reviewsRequired,
  targetDecisionOn: input.targetDecisionOn ? dateOnly(input.targetDecisionOn) : null,
});

export async function getRound(actor: Actor, id: string) {
  await requireAdmin(actor, "round.read");
  const round = await db.grantRound.findUnique({ where: { id } });
  if (!round) throw new NotFound();
  return round;
}

export async function createRound(actor: Actor, input: RoundInput) {
  await requireAdmin(actor, "round.create");
  return db.$transaction(async (tx) => {
    const round = await tx.grantRound.create({ data: { ...toData(input), status: "PLANNED" } });
    await audit(
      {
        actorId: actor.id,
        action: "round.created",
        entityType: "GrantRound",
        entityId: round.id,
        after: round,
      },
      tx,
    );
    return round;
  });
}

export async function updateRound(actor: Actor, id: string, input: RoundInput) {
  const before = await getRound(actor, id);
  const approved = await db.decision.aggregate({
    where: { roundId: id, outcome: "APPROVED", correctedBy: null },
    _sum: { amountSek: true },
  });
  if (input.budgetSek < (approved._sum.amountSek ?? 0)) {
    throw new RuleViolation([
      {
        code: "BUDGET_BELOW_APPROVED",
        path: "budgetSek",
        message: "Budgetramen kan inte vara lägre än det som redan är beviljat i utlysningen.",
      },
    ]);
  }
  return db.$transaction(async (tx) => {
    const round = await tx.grantRound.update({ where: { id }, data: toData(input) });
    await audit(
      {
        actorId: actor.id,
        action: "round.updated",
        entityType: "GrantRound",
        entityId: id,
        before,
        after: round,
      },
      tx,
    );
    return round;
  });
}

/** Opens or closes a round; submissions are accepted only while it is open and within its times. */
export async function setRoundStatus(actor: Actor, id: string, status: "OPEN" | "CLOSED") {
  const before = await getRound(actor, id);
  await db.$transaction(async (tx) => {
    await tx.grantRound.update({ where: { id }, data: { status } });
    await audit(
      {
        actorId: actor.id,
        action: status === "OPEN" ? "round.opened" : "round.closed",
        entityType: "GrantRound",
        entityId: id,
        before: { status: before.status },
        after: { status },
      },
      tx,
    );
  });
}

import "server-only";
import { db, type Tx } from "../db";
import { deny, type Actor } from "../actor";
import { NotFound } from "../errors";
import { isStaff } from "@/lib/domain/roles";
import { BLOCKING_CONFLICT, deciderRefusal } from "@/lib/domain/review";
import {
  meanOfReviews,
  municipalSupport,
  rankCases,
  type MeetingStanding,
} from "@/lib/domain/meeting";
import { countyName } from "@/lib/reference/counties";
import type { Track } from "@/lib/generated/prisma/client";

// The decision basis (beslutsunderlag) of a round, docs/domain.md §7: every proposed case, ranked,
// with what this person may do with it in the meeting. Staff read it; a case in which the reader
// has declared a conflict of interest shows only its reference number and place.

/** Everything the basis and the meeting read of a proposed case, for one person. */
const proposedCaseSelect = (actorId: string) =>
  ({
    id: true,
    version: true,
    status: true,
    roundId: true,
    organisationId: true,
    referenceNumber: true,
    title: true,
    track: true,
    variant: true,
    countyCode: true,
    requestedSek: true,
    periodStart: true,
    periodEnd: true,
    organisation: {
      select: { name: true, orgNumber: true, streetAddress: true, postalCode: true, city: true },
    },
    proposals: {
      where: { status: "OPEN" as const },
      take: 1,
      select: {
        id: true,
        outcome: true,
        amountSek: true,
        reasons: true,
        proposedById: true,
        proposedBy: { select: { name: true } },
      },
    },
    reviews: {
      select: { reviewerId: true, completedAt: true, scores: { select: { score: true } } },
    },
    conflicts: { where: { userId: actorId }, select: { status: true } },
    partners: { select: { sector: true, letter: { select: { status: true } } } },
    basisPlacement: {
      select: { sortKey: true, reason: true, movedAt: true, movedBy: { select: { name: true } } },
    },
  }) as const;

export async function proposedCases(
  client: Tx | typeof db,
  roundId: string,
  actorId: string,
  ids?: string[],
) {
  return client.application.findMany({
    where: { roundId, status: "PROPOSED", ...(ids ? { id: { in: ids } } : {}) },
    select: proposedCaseSelect(actorId),
  });
}

export type ProposedCase = Awaited<ReturnType<typeof proposedCases>>[number];

/** What `actor` may do with the case in a meeting (four eyes, conflict of interest). */
export function standingOf(actor: Actor, c: ProposedCase): MeetingStanding {
  const declaration = c.conflicts[0] ?? null;
  if (declaration && BLOCKING_CONFLICT.includes(declaration.status)) return "CONFLICT";
  const proposal = c.proposals[0];
  const refusal = deciderRefusal({
    deciderId: actor.id,
    roles: actor.roles,
    proposerId: proposal?.proposedById ?? "",
    reviewerIds: c.reviews.map((r) => r.reviewerId),
    // The meeting is where the decider judges the question for a case not yet declared.
    declaration: declaration ?? { status: "NO_CONFLICT" },
  });
  if (refusal === "NOT_DECIDER") return "NOT_DECIDER";
  if (refusal === "IS_PROPOSER") return "PROPOSER";
  if (refusal === "IS_REVIEWER") return "REVIEWER";
  if (refusal) return "CONFLICT";
  return "DECIDABLE";
}

/** The cases in the order of the basis: mean score, municipal support, then officers' moves. */
export function ranked(cases: readonly ProposedCase[]) {
  return rankCases(
    cases.map((c) => ({
      c,
      id: c.id,
      referenceNumber: c.referenceNumber ?? "",
      meanScore: meanOfReviews(c.reviews.filter((r) => r.completedAt)),
      support: municipalSupport(
        c.partners.map((p) => ({ sector: p.sector, letterStatus: p.letter?.status ?? null })),
      ),
      sortKey: c.basisPlacement?.sortKey ?? null,
    })),
  );
}

export type BasisRow = {
  id: string;
  version: number;
  referenceNumber: string;
  standing: MeetingStanding;
  /** True when the reader has a conflict in the case: nothing of it is shown but its reference. */
  hidden: boolean;
  /** Whether the reader has already judged the conflict question for this case. */
  declared: boolean;
  title: string;
  organisation: string;
  track: Track | null;
  countyCode: string | null;
  county: string;
  meanScore: number | null;
  support: number;
  requestedSek: number;
  proposal: {
    outcome: "APPROVED" | "REJECTED";
    amountSek: number | null;
    reasons: string;
    presenter: string;
  } | null;
  moved: { reason: string; by: string; at: Date } | null;
};

export async function approvedInRound(client: Tx | typeof db, roundId: string) {
  const approved = await client.decision.aggregate({
    where: { roundId, outcome: "APPROVED", correctedBy: null },
    _sum: { amountSek: true },
  });
  return approved._sum.amountSek ?? 0;
}

/** The decision basis of round `roundId` as `actor` may read it. Staff only. */
export async function decisionBasis(actor: Actor, roundId: string) {
  if (!isStaff(actor.roles)) await deny(actor, "meeting.basis", "GrantRound", roundId);
  const round = await db.grantRound.findUnique({
    where: { id: roundId },
    select: { id: true, title: true, year: true, budgetSek: true },
  });
  if (!round) throw new NotFound();
  const [cases, approvedBeforeSek, meetings] = await Promise.all([
    proposedCases(db, roundId, actor.id),
    approvedInRound(db, roundId),
    db.decisionMeeting.findMany({
      where: { roundId },
      orderBy: { createdAt: "desc" },
      select: {
        id: true,
        heldOn: true,
        approvedSek: true,
        decider: { select: { name: true } },
        _count: { select: { cases: true } },
      },
    }),
  ]);
  const rows: BasisRow[] = ranked(cases).map(({ c, meanScore, support }) => {
    const standing = standingOf(actor, c);
    const hidden = standing === "CONFLICT";
    const proposal = c.proposals[0];
    return {
      id: c.id,
      version: c.version,
      referenceNumber: c.referenceNumber ?? "",
      standing,
      hidden,
      declared: !!c.conflicts[0],
      title: hidden ? "" : c.title,
      organisation: hidden ? "" : c.organisation.name,
      track: hidden ? null : c.track,
      countyCode: hidden ? null : c.countyCode,
      county: hidden || !c.countyCode ? "" : (countyName(c.countyCode) ?? c.countyCode),
      meanScore: hidden ? null : meanScore,
      support: hidden ? 0 : support,
      requestedSek: hidden ? 0 : c.requestedSek,
      proposal:
        hidden || !proposal
          ? null
          : {
              outcome: proposal.outcome,
              amountSek: proposal.amountSek,
              reasons: proposal.reasons,
              presenter: proposal.proposedBy.name,
            },
      moved:
        hidden || !c.basisPlacement
          ? null
          : {
              reason: c.basisPlacement.reason,
              by: c.basisPlacement.movedBy.name,
              at: c.basisPlacement.movedAt,
            },
    };
  });
  return {
    round,
    approvedBeforeSek,
    frameLeftSek: round.budgetSek - approvedBeforeSek,
    rows,
    meetings: meetings.map((m) => ({
      id: m.id,
      heldOn: m.heldOn,
      approvedSek: m.approvedSek,
      decider: m.decider.name,
      cases: m._count.cases,
    })),
  };
}

export type DecisionBasis = Awaited<ReturnType<typeof decisionBasis>>;

/** The rounds that have proposed cases, for choosing a meeting. Staff only. */
export async function meetingRounds(actor: Actor) {
  if (!isStaff(actor.roles)) await deny(actor, "meeting.rounds");
  const counts = await db.application.groupBy({
    by: ["roundId"],
    where: { status: "PROPOSED" },
    _count: { _all: true },
  });
  const rounds = await db.grantRound.findMany({
    where: { OR: [{ id: { in: counts.map((c) => c.roundId) } }, { meetings: { some: {} } }] },
    orderBy: [{ year: "desc" }, { title: "asc" }],
    select: { id: true, title: true, year: true },
  });
  const count = new Map(counts.map((c) => [c.roundId, c._count._all]));
  return rounds.map((r) => ({ ...r, proposed: count.get(r.id) ?? 0 }));
}

// The decision meeting (beslutsmöte) of docs/domain.md §7: the ranking of a round's decision
// basis, the running total against the budget frame, and the standard reasons. Pure: the page
// (live, in the browser) and the server (when the meeting decides) compute with the same code.

/** What the decider does with one case in the meeting. */
export type MeetingAction = "APPROVE" | "REJECT" | "SEND_BACK";

/** The standard reason of each outcome; the decider edits it per case. */
export const STANDARD_REASONS: Record<MeetingAction, string> = {
  APPROVE:
    "Ansökan uppfyller de formella kraven och bedöms väl bidra till att minska och motverka segregation. Bidrag beviljas inom utlysningens budgetram.",
  REJECT:
    "Ansökan har prövats mot övriga ansökningar i utlysningen. Den har inte prioriterats inom den budgetram som finns.",
  SEND_BACK: "Ärendet behöver beredas ytterligare innan beslut.",
};

/** Whether the case's applicant has the municipality's support: a signed letter of intent weighs more than a named partner. */
export function municipalSupport(
  partners: readonly { sector: string; letterStatus: string | null }[],
): 0 | 1 | 2 {
  const municipal = partners.filter((p) => p.sector === "MUNICIPALITY");
  if (municipal.some((p) => p.letterStatus === "SIGNED")) return 2;
  return municipal.length ? 1 : 0;
}

/** The mean of every criterion score of the completed reviews, or null when there is none. */
export function meanOfReviews(reviews: readonly { scores: readonly { score: number }[] }[]) {
  const scores = reviews.flatMap((r) => r.scores.map((s) => s.score));
  return scores.length ? scores.reduce((s, x) => s + x, 0) / scores.length : null;
}

export type Rankable = {
  id: string;
  referenceNumber: string;
  meanScore: number | null;
  support: number;
  /** An officer's placement (a sort key in the places of the default ranking), or null. */
  sortKey: number | null;
};

/**
 * The decision basis in order: by default by mean score (highest first, unscored last), then by
 * municipal support, then by reference number. A case an officer moved sits at its sort key: a
 * number between the places of the cases it was moved between.
 */
export function rankCases<T extends Rankable>(cases: readonly T[]): T[] {
  const byDefault = [...cases].sort(
    (a, b) =>
      (b.meanScore ?? -1) - (a.meanScore ?? -1) ||
      b.support - a.support ||
      a.referenceNumber.localeCompare(b.referenceNumber),
  );
  const keyed = byDefault.map((c, index) => ({ c, index, key: c.sortKey ?? index }));
  keyed.sort((a, b) => a.key - b.key || a.index - b.index);
  return keyed.map((k) => k.c);
}

/** The effective sort keys of a ranked list, as rankCases placed them. */
function sortKeys(ranked: readonly Rankable[]): number[] {
  const byDefault = rankCases(ranked.map((c) => ({ ...c, sortKey: null })));
  const index = new Map(byDefault.map((c, i) => [c.id, i]));
  return ranked.map((c) => c.sortKey ?? index.get(c.id)!);
}

/**
 * The sort key that moves the case at `position` one place up or down in `ranked`, or null when
 * it is already first (up) or last (down).
 */
export function movedKey(
  ranked: readonly Rankable[],
  position: number,
  direction: "UP" | "DOWN",
): number | null {
  const keys = sortKeys(ranked);
  if (direction === "UP") {
    if (position <= 0) return null;
    const above = keys[position - 1];
    const twoAbove = position >= 2 ? keys[position - 2] : above - 1;
    return (twoAbove + above) / 2;
  }
  if (position >= ranked.length - 1) return null;
  const below = keys[position + 1];
  const twoBelow = position + 2 < ranked.length ? keys[position + 2] : below + 1;
  return (below + twoBelow) / 2;
}

export type TotalsRow = { id: string; action: MeetingAction | null; amountSek: number };

/**
 * The running total of the amounts approved in the list, in order, and what the frame has left
 * after each case. `fits` is false from the first case the money does not reach: the line where
 * the money runs out is drawn above it.
 */
export function runningTotals(rows: readonly TotalsRow[], frameLeftSek: number) {
  let total = 0;
  let runOut = false;
  const perRow = rows.map((r) => {
    if (r.action === "APPROVE") total += r.amountSek;
    if (total > frameLeftSek) runOut = true;
    return { id: r.id, totalSek: total, leftSek: frameLeftSek - total, fits: !runOut };
  });
  const count = (a: MeetingAction) => rows.filter((r) => r.action === a).length;
  return {
    rows: perRow,
    approvedSek: total,
    leftSek: frameLeftSek - total,
    overFrame: total > frameLeftSek,
    /** The id of the first case the money does not reach, or null when it reaches them all. */
    lineBefore: perRow.find((r) => !r.fits)?.id ?? null,
    approved: count("APPROVE"),
    rejected: count("REJECT"),
    sentBack: count("SEND_BACK"),
  };
}

/** Why a case cannot be decided by this person in the meeting (four eyes, conflict), or null. */
export type MeetingStanding = "DECIDABLE" | "CONFLICT" | "PROPOSER" | "REVIEWER" | "NOT_DECIDER";

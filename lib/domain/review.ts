// Assessment and decision rules of docs/domain.md §5: criteria, conflict of interest (jäv), four eyes, budget. Pure.
export const CRITERIA = [
  "NEED",
  "LOCAL_ANCHORING",
  "COLLABORATION",
  "LONG_TERM",
  "FEASIBILITY",
  "FOLLOW_UP",
  "GENDER_EQUALITY",
] as const;

import { hasAnyRole, type Role } from "./roles";

export type ConflictStatus = "NO_CONFLICT" | "DECLARED" | "CONFIRMED" | "LIFTED";

/** A declared conflict (DECLARED, or CONFIRMED by an admin) keeps the officer out of the whole case. */
export const BLOCKING_CONFLICT: readonly ConflictStatus[] = ["DECLARED", "CONFIRMED"];

/** An officer sees the content of an application only after declaring no conflict (or when an admin lifted theirs). */
export const mayOpen = (declaration: { status: ConflictStatus } | null | undefined) =>
  declaration?.status === "NO_CONFLICT" || declaration?.status === "LIFTED";

/**
 * The one case-access rule (docs/domain.md §5): the officer holds one of the roles, and has no
 * declared conflict in the case, follow-up included. In review the officer must also have judged
 * the question first (no conflict, or lifted by an admin). In follow-up no declaration at all is
 * allowed: an officer (or an admin paying out) may never have opened the case in review, and the
 * follow-up page offers no declaration; a declared or confirmed conflict still blocks.
 */
export function mayHandleCase(
  actor: { roles: readonly Role[] },
  declaration: { status: ConflictStatus } | null | undefined,
  access: { roles: readonly Role[]; stage: "review" | "follow-up" },
): boolean {
  if (!hasAnyRole(actor.roles, access.roles)) return false;
  if (declaration && BLOCKING_CONFLICT.includes(declaration.status)) return false;
  return access.stage === "follow-up" || mayOpen(declaration);
}

/** A step that must be done before a case can be proposed for decision. */
export type MissingStep =
  { step: "FORMAL_CHECK" } | { step: "REVIEWS"; completed: number; required: number };

/**
 * Steps that can't be skipped: a proposal needs a passed formal check and at least the round's
 * `reviewsRequired` completed reviews by officers who declared no conflict (or whose conflict an
 * admin lifted). Returns what is still missing; an empty list means the case may be proposed.
 */
export function missingSteps(input: {
  formalCheckPassed: boolean | null;
  reviewsRequired: number;
  reviews: readonly {
    completedAt: Date | string | null;
    declaration: { status: ConflictStatus } | null;
  }[];
}): MissingStep[] {
  const missing: MissingStep[] = [];
  if (input.formalCheckPassed !== true) missing.push({ step: "FORMAL_CHECK" });
  const completed = input.reviews.filter((r) => r.completedAt && mayOpen(r.declaration)).length;
  const required = Math.max(1, input.reviewsRequired);
  if (completed < required) missing.push({ step: "REVIEWS", completed, required });
  return missing;
}

/** What is missing, in Swedish, one sentence per step (the server's refusal and the audit log). */
export const missingStepText = (m: MissingStep) =>
  m.step === "FORMAL_CHECK"
    ? "Den formella kontrollen är inte godkänd."
    : `${m.required === 1 ? "En slutförd bedömning behövs" : `${m.required} slutförda bedömningar behövs`} (${m.completed} av ${m.required} klara).`;

export type DecisionRefusal =
  | "NOT_DECIDER"
  | "IS_PROPOSER"
  | "IS_REVIEWER"
  | "CONFLICT"
  | "NO_DECLARATION"
  | "NOT_PROPOSED"
  | "AMOUNT_OUT_OF_RANGE"
  | "OVER_BUDGET";

/**
 * Four eyes: the decider holds the DECIDER role, has declared no conflict, and neither reviewed nor
 * proposed the application. Returns why not, or null when the decider may decide.
 */
export function deciderRefusal(input: {
  deciderId: string;
  roles: readonly string[];
  proposerId: string;
  reviewerIds: readonly string[];
  declaration: { status: ConflictStatus } | null;
}): DecisionRefusal | null {
  if (!input.roles.includes("DECIDER")) return "NOT_DECIDER";
  if (input.deciderId === input.proposerId) return "IS_PROPOSER";
  if (input.reviewerIds.includes(input.deciderId)) return "IS_REVIEWER";
  if (!input.declaration) return "NO_DECLARATION";
  if (!mayOpen(input.declaration)) return "CONFLICT";
  return null;
}

/** 1 ≤ amount ≤ requested, in whole kronor. */
export const approvalAmountValid = (amount: number, requested: number) =>
  Number.isInteger(amount) && amount >= 1 && amount <= requested;

/** The round's approved total may never exceed its budget frame. */
export const fitsBudget = (approvedSoFar: number, amount: number, budget: number) =>
  approvedSoFar + amount <= budget;

export const REFUSAL_TEXT: Record<DecisionRefusal, string> = {
  NOT_DECIDER: "Bara en beslutsfattare kan fatta beslut.",
  IS_PROPOSER:
    "Du har själv föreslagit beslutet. En annan person måste besluta (fyraögonsprincipen).",
  IS_REVIEWER: "Du har granskat ansökan. En annan person måste besluta (fyraögonsprincipen).",
  NO_DECLARATION: "Pröva först om du är jävig i ärendet.",
  CONFLICT: "Du har anmält jäv i ärendet och kan inte besluta.",
  NOT_PROPOSED: "Det finns inget förslag till beslut att ta ställning till.",
  AMOUNT_OUT_OF_RANGE: "Beloppet ska vara minst 1 kr och högst det sökta beloppet.",
  OVER_BUDGET: "Beloppet ryms inte i utlysningens budgetram. Sänk beloppet eller avslå.",
};

/** The mean score of a completed review, for the dashboard. */
export const meanScore = (scores: readonly { score: number }[]) =>
  scores.length
    ? Math.round((scores.reduce((s, x) => s + x.score, 0) / scores.length) * 10) / 10
    : null;

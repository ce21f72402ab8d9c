import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { listDecidable, submitApplication } from "@/lib/server/applications";
import {
  assign,
  completeFormalCheck,
  decide,
  declareConflict,
  getForReview,
  proposeDecision,
  requestCompletion,
  saveReview,
} from "@/lib/server/review";
import { Forbidden, NotFound, RuleViolation } from "@/lib/server/errors";
import { CRITERIA } from "@/lib/domain/review";
import type { Actor } from "@/lib/server/actor";
import { makeDraft, makeRound, makeUser, readyForProposal } from "../factories";

// Steps that can't be skipped, and every refusal in the audit log (docs/domain.md §5): each
// refused action leaves an entry naming the actor, the case and the reason, even though the
// transaction that tried it rolled back.

const review = { scores: CRITERIA.map((criterion) => ({ criterion, score: 4, comment: "" })) };
const proposal = {
  outcome: "APPROVED" as const,
  amountSek: 300_000,
  reasons: "Väl förankrad ansökan med tydliga roller.",
};

async function inReview(roundId?: string) {
  const applicant = await makeUser();
  const draft = await makeDraft(applicant, { roundId });
  await submitApplication(applicant, draft.id);
  const officer = await makeUser(["REVIEWER"], "Erik Handläggare");
  await declareConflict(officer, draft.id, { hasConflict: false });
  await assign(officer, draft.id);
  return { applicant, officer, id: draft.id };
}

async function proposed(roundId?: string) {
  const c = await inReview(roundId);
  await readyForProposal(c.officer, c.id);
  await proposeDecision(c.officer, c.id, proposal);
  return c;
}

async function decider(id: string, name = "Maria Beslutsfattare"): Promise<Actor> {
  const person = await makeUser(["DECIDER"], name);
  await declareConflict(person, id, { hasConflict: false });
  return person;
}

const refusals = (actorId: string, entityId: string) =>
  db.auditEvent.findMany({ where: { actorId, entityId }, orderBy: { id: "asc" } });

describe("steps that can't be skipped", () => {
  it("refuses a proposal without a formal check or a review, says what is missing, and logs it", async () => {
    const { officer, id } = await inReview();
    const error = (await proposeDecision(officer, id, proposal).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(Forbidden);
    expect(error.message).toContain("formella kontrollen");
    expect(error.message).toContain("bedömning");
    expect((await db.application.findUniqueOrThrow({ where: { id } })).status).toBe("IN_REVIEW");
    expect(await db.decisionProposal.count({ where: { applicationId: id } })).toBe(0);
    const [entry] = (await refusals(officer.id, id)).filter(
      (e) => e.action === "decision.proposal_refused",
    );
    expect(entry).toMatchObject({ entityType: "Application", entityId: id, actorId: officer.id });
    expect(entry.meta).toMatchObject({
      reason: "MISSING_STEP",
      missing: [{ step: "FORMAL_CHECK" }, { step: "REVIEWS", completed: 0, required: 1 }],
    });
    expect((await getForReview(officer, id)).missing.map((m) => m.step)).toEqual([
      "FORMAL_CHECK",
      "REVIEWS",
    ]);
  });

  it("needs as many completed reviews as the round asks for", async () => {
    const round = await makeRound();
    await db.grantRound.update({ where: { id: round.id }, data: { reviewsRequired: 2 } });
    const { officer, id } = await inReview(round.id);
    await completeFormalCheck(officer, id, { passed: true, note: "" });
    await saveReview(officer, id, { ...review, recommendation: "APPROVE", summary: "" });
    await expect(proposeDecision(officer, id, proposal)).rejects.toThrow(/1 av 2/);
    const second = await makeUser(["REVIEWER"]);
    await declareConflict(second, id, { hasConflict: false });
    await saveReview(second, id, { ...review, recommendation: "APPROVE", summary: "" });
    expect((await getForReview(officer, id)).missing).toEqual([]);
    await proposeDecision(officer, id, proposal);
    expect((await db.application.findUniqueOrThrow({ where: { id } })).status).toBe("PROPOSED");
  });

  it("does not count a failed formal check", async () => {
    const { officer, id } = await inReview();
    await completeFormalCheck(officer, id, { passed: false, note: "Intyg saknas." });
    await saveReview(officer, id, { ...review, recommendation: "REJECT", summary: "" });
    await expect(proposeDecision(officer, id, proposal)).rejects.toThrow(/formella kontrollen/);
  });
});

describe("every refusal in the audit log", () => {
  it("logs an approval over the budget, although the decision rolled back", async () => {
    const round = await makeRound();
    await db.grantRound.update({ where: { id: round.id }, data: { budgetSek: 200_000 } });
    const { id } = await proposed(round.id);
    const boss = await decider(id);
    await expect(
      decide(boss, id, { action: "APPROVE", amountSek: 300_000, reasons: "Skulle spräcka ramen." }),
    ).rejects.toBeInstanceOf(RuleViolation);
    expect(await db.decision.count({ where: { applicationId: id } })).toBe(0);
    const entries = await refusals(boss.id, id);
    expect(entries.map((e) => e.action)).toContain("decision.refused");
    expect(entries.find((e) => e.action === "decision.refused")?.meta).toMatchObject({
      reason: "OVER_BUDGET",
      amount: 300_000,
      approvedSoFar: 0,
      budget: 200_000,
    });
  });

  it("logs a four-eyes refusal: the proposer and a reviewer may not decide", async () => {
    const { officer, id } = await proposed();
    await db.user.update({ where: { id: officer.id }, data: { roles: ["REVIEWER", "DECIDER"] } });
    const proposer = { ...officer, roles: ["REVIEWER", "DECIDER"] as Actor["roles"] };
    await expect(
      decide(proposer, id, { action: "REJECT", reasons: "Mitt eget förslag avslås." }),
    ).rejects.toThrow(/fyraögonsprincipen/);
    expect((await refusals(officer.id, id)).at(-1)).toMatchObject({
      action: "decision.refused",
      entityType: "Application",
      meta: expect.objectContaining({ reason: "IS_PROPOSER" }) as unknown,
    });
    expect((await db.application.findUniqueOrThrow({ where: { id } })).status).toBe("PROPOSED");
  });

  it("logs a conflict of interest: a decider who declared one, and an officer who tries to propose", async () => {
    const { id } = await proposed();
    const conflicted = await makeUser(["DECIDER"], "Jävig Beslutsfattare");
    await declareConflict(conflicted, id, {
      hasConflict: true,
      description: "Min bror sitter i styrelsen.",
    });
    await expect(
      decide(conflicted, id, { action: "REJECT", reasons: "Avslag trots jäv." }),
    ).rejects.toThrow(/jäv/);
    expect((await refusals(conflicted.id, id)).at(-1)).toMatchObject({
      action: "decision.refused",
      meta: expect.objectContaining({ reason: "CONFLICT" }) as unknown,
    });

    const other = await inReview();
    const officer = await makeUser(["REVIEWER"]);
    await declareConflict(officer, other.id, {
      hasConflict: true,
      description: "Jag är medlem i föreningen.",
    });
    await expect(proposeDecision(officer, other.id, proposal)).rejects.toBeInstanceOf(NotFound);
    expect((await refusals(officer.id, other.id)).at(-1)).toMatchObject({
      action: "access.denied",
      meta: { what: "decision.propose", reason: "conflict" },
    });
  });
});

describe("deciding", () => {
  it("lists only the cases this decider may decide", async () => {
    const mine = await proposed();
    const boss = await decider(mine.id);
    const reviewed = await inReview();
    const reviewerDecider = await makeUser(["REVIEWER", "DECIDER"]);
    await declareConflict(reviewerDecider, reviewed.id, { hasConflict: false });
    await readyForProposal(reviewerDecider, reviewed.id);
    await proposeDecision(reviewed.officer, reviewed.id, proposal);
    const conflicted = await proposed();
    await declareConflict(boss, conflicted.id, { hasConflict: true, description: "Styrelsen." });

    const ids = (await listDecidable(boss)).map((r) => r.id);
    expect(ids).toContain(mine.id);
    expect(ids).toContain(reviewed.id);
    expect(ids).not.toContain(conflicted.id);
    const theirs = (await listDecidable(reviewerDecider)).map((r) => r.id);
    expect(theirs).not.toContain(reviewed.id); // they reviewed it
    expect(theirs).toContain(mine.id);
  });
});

describe("notifications to staff", () => {
  it("tells the deciders who may decide that a proposal waits, with a link to the case", async () => {
    const waiting = await makeUser(["DECIDER"], "Väntande Beslutsfattare");
    const c = await inReview();
    const reviewerDecider = await makeUser(["REVIEWER", "DECIDER"]);
    await declareConflict(reviewerDecider, c.id, { hasConflict: false });
    await readyForProposal(reviewerDecider, c.id);
    const conflicted = await makeUser(["DECIDER"]);
    await declareConflict(conflicted, c.id, { hasConflict: true, description: "Jäv." });
    await completeFormalCheck(c.officer, c.id, { passed: true, note: "" });
    await proposeDecision(c.officer, c.id, proposal);
    const told = await db.notification.findMany({
      where: { kind: "proposal_waiting", href: `/handlaggning/${c.id}` },
    });
    const who = told.map((n) => n.userId);
    expect(who).toContain(waiting.id);
    expect(who).not.toContain(reviewerDecider.id);
    expect(who).not.toContain(conflicted.id);
    expect(who).not.toContain(c.officer.id);
  });

  it("tells the assigned officer when the applicant has answered a completion request", async () => {
    const { applicant, officer, id } = await inReview();
    await requestCompletion(officer, id, { message: "Beskriv målgruppen närmare.", dueDate: "" });
    await submitApplication(applicant, id);
    const [note] = await db.notification.findMany({
      where: { userId: officer.id, kind: "completion_arrived" },
    });
    expect(note).toMatchObject({ href: `/handlaggning/${id}` });
    expect(note.title).toContain("Komplettering inkommen");
  });
});

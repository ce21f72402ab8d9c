import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { submitApplication, getForApplicant, saveDraftPart } from "@/lib/server/applications";
import {
  assign,
  completeFormalCheck,
  decide,
  declareConflict,
  decisionLetterFile,
  getForReview,
  proposeDecision,
  requestCompletion,
  ruleOnConflict,
  saveReview,
} from "@/lib/server/review";
import { dashboard } from "@/lib/server/dashboard";
import { listApprovedGrants } from "@/lib/server/grants";
import { DashboardFilters } from "@/lib/validation/dashboard";
import { NotFound, RuleViolation } from "@/lib/server/errors";
import { CRITERIA } from "@/lib/domain/review";
import type { Actor } from "@/lib/server/actor";
import { makeDraft, makeRound, makeUser, readyForProposal } from "../factories";

const scores = (n: number) => CRITERIA.map((criterion) => ({ criterion, score: n, comment: "" }));

async function submitted(roundId?: string) {
  const applicant = await makeUser();
  const draft = await makeDraft(applicant, { roundId });
  await submitApplication(applicant, draft.id);
  return { applicant, id: draft.id };
}

async function proposed(amountSek: number, roundId?: string) {
  const { applicant, id } = await submitted(roundId);
  const officer = await makeUser(["REVIEWER"], "Erik Handläggare");
  await declareConflict(officer, id, { hasConflict: false });
  await assign(officer, id);
  await readyForProposal(officer, id);
  await proposeDecision(officer, id, {
    outcome: "APPROVED",
    amountSek,
    reasons: "Väl förankrad ansökan med tydliga roller.",
  });
  return { applicant, officer, id };
}

async function decider(id: string): Promise<Actor> {
  const person = await makeUser(["DECIDER"], "Maria Beslutsfattare");
  await declareConflict(person, id, { hasConflict: false });
  return person;
}

describe("the conflict-of-interest gate", () => {
  it("shows nothing but reference, organisation and partners until the officer declares no conflict", async () => {
    const { id } = await submitted();
    const officer = await makeUser(["REVIEWER"]);
    await expect(getForReview(officer, id)).rejects.toBeInstanceOf(NotFound);
    await declareConflict(officer, id, { hasConflict: false });
    expect((await getForReview(officer, id)).title).toBe("Mötesplats Skärholmen");
  });

  it("keeps an officer with a declared conflict out of opening, reviewing and deciding, until an admin lifts it", async () => {
    const { id } = await submitted();
    const officer = await makeUser(["REVIEWER", "DECIDER"]);
    await declareConflict(officer, id, {
      hasConflict: true,
      description: "Jag sitter i föreningens styrelse.",
    });
    await expect(getForReview(officer, id)).rejects.toBeInstanceOf(NotFound);
    await expect(
      saveReview(officer, id, { scores: scores(3), recommendation: "APPROVE", summary: "" }),
    ).rejects.toBeInstanceOf(NotFound);
    await expect(declareConflict(officer, id, { hasConflict: false })).rejects.toThrow(/redan/);
    const admin = await makeUser(["ADMIN"]);
    const declaration = await db.conflictDeclaration.findFirstOrThrow({
      where: { applicationId: id, userId: officer.id },
    });
    await expect(
      ruleOnConflict(officer, declaration.id, { lift: true, reason: "x" }),
    ).rejects.toBeInstanceOf(NotFound);
    await ruleOnConflict(admin, declaration.id, {
      lift: true,
      reason: "Styrelseuppdraget upphörde 2023.",
    });
    expect((await getForReview(officer, id)).id).toBe(id);
    expect(
      await db.auditEvent.count({
        where: { action: { in: ["conflict.declared", "conflict.lifted"] } },
      }),
    ).toBeGreaterThanOrEqual(2);
  });

  it("never shows drafts, and keeps applicants out entirely", async () => {
    const applicant = await makeUser();
    const draft = await makeDraft(applicant);
    const officer = await makeUser(["REVIEWER"]);
    await expect(declareConflict(officer, draft.id, { hasConflict: false })).rejects.toBeInstanceOf(
      NotFound,
    );
    const { id } = await submitted();
    await expect(declareConflict(applicant, id, { hasConflict: false })).rejects.toBeInstanceOf(
      NotFound,
    );
    await expect(
      saveReview(applicant, id, { scores: scores(3), recommendation: "APPROVE", summary: "" }),
    ).rejects.toBeInstanceOf(NotFound);
  });
});

describe("assessment", () => {
  it("runs the formal check, then the review, a completion request and the applicant's resubmission back to the officer", async () => {
    const { applicant, id } = await submitted();
    const officer = await makeUser(["REVIEWER"]);
    await declareConflict(officer, id, { hasConflict: false });
    await completeFormalCheck(officer, id, { passed: true, note: "Allt finns." });
    let app = await db.application.findUniqueOrThrow({ where: { id } });
    expect([app.status, app.assessmentStep, app.assignedToId]).toEqual([
      "IN_REVIEW",
      "MATERIAL",
      officer.id,
    ]);
    await requestCompletion(officer, id, {
      message: "Beskriv hur ni når föräldrar som inte talar svenska.",
      dueDate: "",
    });
    expect((await db.application.findUniqueOrThrow({ where: { id } })).status).toBe(
      "COMPLEMENT_REQUESTED",
    );
    expect(
      await db.mailMessage.count({
        where: { to: applicant.email, subject: { contains: "Komplettering" } },
      }),
    ).toBe(1);
    const own = await getForApplicant(applicant, id);
    await saveDraftPart(applicant, id, own.version, "genomforande", {
      methods: own.methods,
      previousGrantReference: "",
      strategicFramework: own.strategicFramework ?? "",
      genderEqualityPerspective: own.genderEqualityPerspective,
      longTermPlan: "Med tolk på tre språk.",
    });
    await submitApplication(applicant, id);
    app = await db.application.findUniqueOrThrow({ where: { id } });
    expect(app.status).toBe("IN_REVIEW");
  });

  it("refuses a proposal outside 1 ≤ amount ≤ requested", async () => {
    const { id } = await submitted();
    const officer = await makeUser(["REVIEWER"]);
    await declareConflict(officer, id, { hasConflict: false });
    await assign(officer, id);
    await readyForProposal(officer, id);
    await expect(
      proposeDecision(officer, id, {
        outcome: "APPROVED",
        amountSek: 0,
        reasons: "Motivering finns här.",
      }),
    ).rejects.toBeInstanceOf(RuleViolation);
    const { requestedSek } = await db.application.findUniqueOrThrow({ where: { id } });
    await expect(
      proposeDecision(officer, id, {
        outcome: "APPROVED",
        amountSek: requestedSek + 1,
        reasons: "Motivering finns här.",
      }),
    ).rejects.toBeInstanceOf(RuleViolation);
    await proposeDecision(officer, id, {
      outcome: "APPROVED",
      amountSek: requestedSek,
      reasons: "Motivering finns här.",
    });
  });
});

describe("four-eyes decisions within the budget", () => {
  it("approves with an amount, writes a decision letter, an audit entry and a mail", async () => {
    const { applicant, id } = await proposed(300_000);
    const boss = await decider(id);
    const { roundId } = await db.application.findUniqueOrThrow({ where: { id } });
    const before = await listApprovedGrants({ roundId }); // the public totals are kept a while …
    await decide(boss, id, {
      action: "APPROVE",
      amountSek: 300_000,
      reasons: "Ansökan svarar väl mot syftet med bidraget.",
    });
    const after = await listApprovedGrants({ roundId }); // … and a decision clears them at once
    expect(before.grants.map((g) => g.id)).toEqual([]); // so are the list's pages
    expect(after.grants).toHaveLength(1);
    expect(after.count).toBe(before.count + 1);
    expect(after.totalSek).toBe(before.totalSek + 300_000);
    const app = await db.application.findUniqueOrThrow({
      where: { id },
      include: { decisions: true },
    });
    expect(app.status).toBe("APPROVED");
    expect(app.decisions[0]).toMatchObject({
      outcome: "APPROVED",
      amountSek: 300_000,
      deciderId: boss.id,
    });
    const letter = await decisionLetterFile(applicant, app.decisions[0].id);
    expect(letter.data.subarray(0, 5).toString()).toBe("%PDF-");
    expect(await db.auditEvent.count({ where: { entityId: id, action: "decision.made" } })).toBe(1);
    expect(
      await db.mailMessage.count({
        where: { to: applicant.email, subject: { contains: "Beslut" } },
      }),
    ).toBe(1);
    await expect(decisionLetterFile(await makeUser(), app.decisions[0].id)).rejects.toBeInstanceOf(
      NotFound,
    );
  });

  it("refuses the proposer, a reviewer of the case, someone with a conflict, and a non-decider", async () => {
    const { officer, id } = await proposed(200_000);
    const proposerAsDecider = { ...officer, roles: [...officer.roles, "DECIDER" as const] };
    await db.user.update({ where: { id: officer.id }, data: { roles: ["REVIEWER", "DECIDER"] } });
    await expect(
      decide(proposerAsDecider, id, {
        action: "APPROVE",
        amountSek: 200_000,
        reasons: "Jag godkänner mitt eget förslag.",
      }),
    ).rejects.toThrow(/föreslagit/);

    const reviewerDecider = await makeUser(["REVIEWER", "DECIDER"]);
    await declareConflict(reviewerDecider, id, { hasConflict: false });
    await db.review.create({
      data: { applicationId: id, reviewerId: reviewerDecider.id, completedAt: new Date() },
    });
    await expect(
      decide(reviewerDecider, id, { action: "REJECT", reasons: "Avslag av granskaren själv." }),
    ).rejects.toThrow(/granskat/);

    const conflicted = await makeUser(["DECIDER"]);
    await declareConflict(conflicted, id, {
      hasConflict: true,
      description: "Min syster är ordförande.",
    });
    await expect(
      decide(conflicted, id, { action: "REJECT", reasons: "Avslag trots jäv här." }),
    ).rejects.toThrow(/jäv/);

    const undeclared = await makeUser(["DECIDER"]);
    await expect(
      decide(undeclared, id, { action: "REJECT", reasons: "Avslag utan jävsprövning." }),
    ).rejects.toThrow(/jävig/);

    await expect(
      decide(await makeUser(["REVIEWER"]), id, {
        action: "REJECT",
        reasons: "Inte beslutsfattare.",
      }),
    ).rejects.toBeInstanceOf(NotFound);
    expect((await db.application.findUniqueOrThrow({ where: { id } })).status).toBe("PROPOSED");
  });

  it("refuses an approval over the round's remaining budget", async () => {
    const round = await makeRound();
    await db.grantRound.update({ where: { id: round.id }, data: { budgetSek: 500_000 } });
    const first = await proposed(300_000, round.id);
    await decide(await decider(first.id), first.id, {
      action: "APPROVE",
      amountSek: 300_000,
      reasons: "Första beviljade ansökan.",
    });
    const second = await proposed(300_000, round.id);
    const error = (await decide(await decider(second.id), second.id, {
      action: "APPROVE",
      amountSek: 300_000,
      reasons: "Skulle spräcka ramen.",
    }).catch((e: unknown) => e)) as RuleViolation;
    expect(error).toBeInstanceOf(RuleViolation);
    expect(error.problems[0]).toMatchObject({ code: "OVER_BUDGET" });
    expect((await db.application.findUniqueOrThrow({ where: { id: second.id } })).status).toBe(
      "PROPOSED",
    );
    await decide(await decider(second.id), second.id, {
      action: "APPROVE",
      amountSek: 200_000,
      reasons: "Sänkt belopp som ryms i ramen.",
    });
  });

  it("lets exactly one of two simultaneous approvals through when together they exceed the budget", async () => {
    const round = await makeRound();
    await db.grantRound.update({ where: { id: round.id }, data: { budgetSek: 500_000 } });
    const a = await proposed(300_000, round.id);
    const b = await proposed(300_000, round.id);
    const [da, db2] = [await decider(a.id), await decider(b.id)];
    const results = await Promise.allSettled([
      decide(da, a.id, { action: "APPROVE", amountSek: 300_000, reasons: "Samtidigt beslut ett." }),
      decide(db2, b.id, {
        action: "APPROVE",
        amountSek: 300_000,
        reasons: "Samtidigt beslut två.",
      }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((rejected.reason as RuleViolation).problems[0].code).toBe("OVER_BUDGET");
    const total = await db.decision.aggregate({
      where: { roundId: round.id, outcome: "APPROVED" },
      _sum: { amountSek: true },
    });
    expect(total._sum.amountSek).toBe(300_000);
  });

  it("sends a case back to the officer", async () => {
    const { id } = await proposed(100_000);
    await decide(await decider(id), id, {
      action: "SEND_BACK",
      reasons: "Komplettera motiveringen.",
    });
    const app = await db.application.findUniqueOrThrow({
      where: { id },
      include: { proposals: true },
    });
    expect(app.status).toBe("IN_REVIEW");
    expect(app.proposals[0]).toMatchObject({
      status: "RETURNED",
      returnReason: "Komplettera motiveringen.",
    });
  });
});

describe("the officers' dashboard", () => {
  it("filters, searches in Swedish and pages through exactly the right rows", async () => {
    const round = await makeRound();
    const officer = await makeUser(["REVIEWER"]);
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await submitted(round.id)).id);
    await db.application.update({
      where: { id: ids[0] },
      data: { title: "Läxhjälp för barnen i Hjällbo", requestedSek: 120_000 },
    });
    await db.application.update({
      where: { id: ids[1] },
      data: { track: "INTERVENTION", variant: null, requestedSek: 900_000 },
    });
    await db.$executeRaw`UPDATE "Application" SET "primaryMunicipalityCode" = '1480', "countyCode" = '14' WHERE id = ${ids[2]}`;
    const { refreshSearchIndex } = await import("@/lib/server/search-index");
    await refreshSearchIndex(db, ids[0]);
    await declareConflict(officer, ids[3], { hasConflict: false });
    await assign(officer, ids[3]);
    const draft = await makeDraft(await makeUser(), { roundId: round.id });

    const get = (query: Record<string, string | string[]>) =>
      dashboard(officer, DashboardFilters.parse({ round: round.id, ...query }));
    const all = await get({});
    expect(all.total).toBe(7);
    expect(all.rows.map((r) => r.id)).not.toContain(draft.id);
    expect(all.counts).toEqual({ SUBMITTED: 6, IN_REVIEW: 1 });

    // A Swedish word in inflected form finds its application ("barn" → "barnen").
    expect((await get({ q: "barn" })).rows.map((r) => r.id)).toEqual([ids[0]]);
    expect(
      (
        await get({
          q: (await db.application.findUniqueOrThrow({ where: { id: ids[4] } })).referenceNumber!,
        })
      ).rows.map((r) => r.id),
    ).toEqual([ids[4]]);
    expect((await get({ track: "INTERVENTION" })).rows.map((r) => r.id)).toEqual([ids[1]]);
    expect((await get({ county: "14" })).rows.map((r) => r.id)).toEqual([ids[2]]);
    expect((await get({ municipality: "1480" })).rows.map((r) => r.id)).toEqual([ids[2]]);
    expect((await get({ min: "500000", max: "1000000" })).rows.map((r) => r.id)).toEqual([ids[1]]);
    expect((await get({ max: "200000" })).rows.map((r) => r.id)).toEqual([ids[0]]);
    expect((await get({ mine: "1" })).rows.map((r) => r.id)).toEqual([ids[3]]);
    expect((await get({ status: "IN_REVIEW" })).rows.map((r) => r.id)).toEqual([ids[3]]);
    expect((await get({ focus: "DEMOCRACY" })).total).toBe(7);
    expect((await get({ focus: "HOUSING" })).total).toBe(0);
    await saveReview(officer, ids[3], { scores: scores(3), recommendation: "REJECT", summary: "" });
    expect((await get({ unreviewed: "1" })).rows.map((r) => r.id)).not.toContain(ids[3]);

    // Keyset pages by amount: every row once, in order, across pages.
    const seen: number[] = [];
    let after: string | undefined;
    const { PAGE_SIZE } = await import("@/lib/server/dashboard");
    for (let i = 0; i < 10; i++) {
      const page = await get({ sort: "amount", dir: "desc", ...(after ? { after } : {}) });
      seen.push(...page.rows.map((r) => r.requestedSek));
      expect(page.rows.length).toBeLessThanOrEqual(PAGE_SIZE);
      if (!page.next) break;
      after = page.next;
    }
    expect(seen).toEqual([...seen].sort((x, y) => y - x));
    expect(seen).toHaveLength(7);
  });

  it("is refused to applicants", async () => {
    await expect(dashboard(await makeUser(), DashboardFilters.parse({}))).rejects.toBeInstanceOf(
      NotFound,
    );
  });
});

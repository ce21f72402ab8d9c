import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import {
  getForApplicant,
  partAsTyped,
  saveDraftPart,
  submitApplication,
  withdrawApplication,
  createDraft,
} from "@/lib/server/applications";
import { Conflict, Forbidden, NotFound, RuleViolation } from "@/lib/server/errors";
import { makeDraft, makeOrganisation, makeRound, makeUser } from "../factories";

const year = () => new Date().toLocaleString("sv-SE", { timeZone: "Europe/Stockholm" }).slice(0, 4);

describe("submitting an application", () => {
  it("gives a reference number, freezes a version, queues one confirmation mail and writes the audit log", async () => {
    const applicant = await makeUser();
    const draft = await makeDraft(applicant);
    const outcome = await submitApplication(applicant, draft.id);
    expect(outcome.referenceNumber).toMatch(new RegExp(`^${year()}/\\d{4}$`));
    expect(outcome.alreadySubmitted).toBe(false);
    const app = await db.application.findUniqueOrThrow({
      where: { id: draft.id },
      include: { versions: true },
    });
    expect(app.status).toBe("SUBMITTED");
    expect(app.versions).toHaveLength(1);
    expect((app.versions[0].content as { title: string }).title).toBe("Mötesplats Skärholmen");
    expect((app.versions[0].ruleResult as { valid: boolean }).valid).toBe(true);
    expect(
      await db.mailMessage.count({
        where: { to: applicant.email, subject: { contains: outcome.referenceNumber } },
      }),
    ).toBe(1);
    expect(
      await db.auditEvent.count({ where: { entityId: draft.id, action: "application.submitted" } }),
    ).toBe(1);
  });

  it("answers a repeated or simultaneous request with the same reference number, and submits once", async () => {
    const applicant = await makeUser();
    const draft = await makeDraft(applicant);
    const [a, b] = await Promise.all([
      submitApplication(applicant, draft.id),
      submitApplication(applicant, draft.id),
    ]);
    const again = await submitApplication(applicant, draft.id);
    expect(new Set([a.referenceNumber, b.referenceNumber, again.referenceNumber]).size).toBe(1);
    expect(again.alreadySubmitted).toBe(true);
    expect(await db.applicationVersion.count({ where: { applicationId: draft.id } })).toBe(1);
    expect(await db.mailMessage.count({ where: { to: applicant.email } })).toBe(1);
  });

  it("numbers concurrent submissions uniquely and without gaps", async () => {
    const round = await makeRound();
    const drafts = await Promise.all(
      Array.from({ length: 12 }, async () => {
        const applicant = await makeUser();
        return { applicant, draft: await makeDraft(applicant, { roundId: round.id }) };
      }),
    );
    const before =
      (await db.referenceCounter.findUnique({ where: { year: Number(year()) } }))?.last ?? 0;
    const results = await Promise.all(
      drafts.map(({ applicant, draft }) => submitApplication(applicant, draft.id)),
    );
    const numbers = results
      .map((r) => Number(r.referenceNumber.split("/")[1]))
      .sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => before + i + 1));
  });

  it("refuses an application that breaks the rules, with every problem, and uses no reference number", async () => {
    const applicant = await makeUser();
    const draft = await makeDraft(applicant);
    await db.application.update({
      where: { id: draft.id },
      data: { declNonProfit: false, title: "" },
    });
    await db.partner.deleteMany({ where: { applicationId: draft.id } });
    const error = await submitApplication(applicant, draft.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RuleViolation);
    expect((error as RuleViolation).problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(["title"]),
    );
    const app = await db.application.findUniqueOrThrow({ where: { id: draft.id } });
    expect(app.status).toBe("DRAFT");
    expect(app.referenceNumber).toBeNull();
  });

  it("refuses a submission when the round is closed", async () => {
    const applicant = await makeUser();
    const closed = await makeRound(false);
    const draft = await makeDraft(applicant, { roundId: closed.id });
    const error = (await submitApplication(applicant, draft.id).catch(
      (e: unknown) => e,
    )) as RuleViolation;
    expect(error.problems.map((p) => p.code)).toContain("ROUND_CLOSED");
  });

  it("lets a member of the organisation submit, and gives everyone else 'not found' with an audit entry", async () => {
    const owner = await makeUser();
    const draft = await makeDraft(owner);
    const outsider = await makeUser();
    const reviewer = await makeUser(["REVIEWER"]);
    for (const actor of [outsider, reviewer]) {
      await expect(getForApplicant(actor, draft.id)).rejects.toBeInstanceOf(NotFound);
      await expect(submitApplication(actor, draft.id)).rejects.toBeInstanceOf(NotFound);
      await expect(
        saveDraftPart(actor, draft.id, 1, "grunduppgifter", {
          track: "INTERVENTION",
          variant: null,
          title: "Kapad",
          summary: "",
          focusAreas: [],
          periodStart: "",
          periodEnd: "",
        }),
      ).rejects.toBeInstanceOf(NotFound);
    }
    expect((await db.application.findUniqueOrThrow({ where: { id: draft.id } })).title).toBe(
      "Mötesplats Skärholmen",
    );
    expect(
      await db.auditEvent.count({ where: { action: "access.denied", actorId: outsider.id } }),
    ).toBeGreaterThanOrEqual(3);

    const colleague = await makeUser();
    await db.membership.create({
      data: { userId: colleague.id, organisationId: draft.organisationId },
    });
    expect((await submitApplication(colleague, draft.id)).referenceNumber).toMatch(/\d{4}\/\d{4}/);
  });
});

describe("saving a draft", () => {
  it("saves a part and refuses a stale copy without overwriting the newer one", async () => {
    const applicant = await makeUser();
    const draft = await makeDraft(applicant);
    const basics = {
      track: "INTERVENTION" as const,
      variant: null,
      title: "Första titeln",
      summary: "S",
      focusAreas: [],
      periodStart: "2027-01-01",
      periodEnd: "2027-12-31",
    };
    const saved = await saveDraftPart(applicant, draft.id, 1, "grunduppgifter", basics);
    expect(saved).toEqual({ version: 2, kept: {} });
    await expect(
      saveDraftPart(applicant, draft.id, 1, "grunduppgifter", { ...basics, title: "Gammal flik" }),
    ).rejects.toBeInstanceOf(Conflict);
    const app = await db.application.findUniqueOrThrow({ where: { id: draft.id } });
    expect(app.title).toBe("Första titeln");
    expect(app.variant).toBeNull();
  });

  it("computes the requested amount from the budget, never from what is typed", async () => {
    const applicant = await makeUser();
    const draft = await makeDraft(applicant);
    await saveDraftPart(applicant, draft.id, 1, "budget", {
      budget: [
        { year: 2027, category: "STAFF", amountSek: 300000, description: "" },
        { year: 2028, category: "PREMISES", amountSek: 50000, description: "" },
      ],
      cofinancingSek: 20000,
      otherFunding: [],
      stateAid: false,
    });
    expect((await db.application.findUniqueOrThrow({ where: { id: draft.id } })).requestedSek).toBe(
      330000,
    );
  });

  it("saves every valid field and keeps each invalid one as typed until it is fixed", async () => {
    const applicant = await makeUser();
    const draft = await makeDraft(applicant);
    const typed = {
      budget: [
        { year: 2027, category: "STAFF" as const, amountSek: 12.5, description: "Ledare" },
        { year: 2028, category: "PREMISES" as const, amountSek: 40000, description: "Lokal" },
      ],
      cofinancingSek: -1,
      otherFunding: [],
      stateAid: true,
    };
    const [firstLine] = await db.budgetLine.findMany({
      where: { applicationId: draft.id },
      orderBy: { position: "asc" },
    });
    const saved = await saveDraftPart(applicant, draft.id, 1, "budget", typed);
    expect(saved.version).toBe(2);
    expect(saved.kept).toEqual({
      "budget.0.amountSek": {
        value: 12.5,
        message: "Ange beloppet i hela kronor, utan decimaler.",
      },
      cofinancingSek: { value: -1, message: "Beloppet kan inte vara negativt." },
    });
    // The valid fields are in the columns; the invalid ones keep their last valid value there.
    const app = await db.application.findUniqueOrThrow({
      where: { id: draft.id },
      include: { budgetLines: { orderBy: { position: "asc" } } },
    });
    expect(app.stateAid).toBe(true);
    expect(app.budgetLines.map((b) => [b.description, b.amountSek])).toEqual([
      ["Ledare", firstLine.amountSek],
      ["Lokal", 40000],
    ]);
    // A reload shows the part as it was typed, and the application cannot be submitted.
    const reloaded = await getForApplicant(applicant, draft.id);
    expect(partAsTyped(reloaded, "budget")).toMatchObject({
      cofinancingSek: -1,
      budget: [{ amountSek: 12.5, description: "Ledare" }, { amountSek: 40000 }],
    });
    const refusal = (await submitApplication(applicant, draft.id).catch(
      (e: unknown) => e,
    )) as RuleViolation;
    expect(refusal).toBeInstanceOf(RuleViolation);
    expect(refusal.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: "INVALID_FIELD", path: "cofinancingSek" }),
      ]),
    );
    // Fixed: nothing is kept any more.
    const fixed = await saveDraftPart(applicant, draft.id, 2, "budget", {
      ...typed,
      budget: [{ ...typed.budget[0], amountSek: 300000 }, typed.budget[1]],
      cofinancingSek: 0,
    });
    expect(fixed.kept).toEqual({});
    const after = await db.application.findUniqueOrThrow({ where: { id: draft.id } });
    expect(after.draftInput).toBeNull();
    expect(after.requestedSek).toBe(340000);
  });

  it("refuses a part beyond the hard caps whole, and saves nothing of it", async () => {
    const applicant = await makeUser();
    const draft = await makeDraft(applicant);
    const error = (await saveDraftPart(applicant, draft.id, 1, "grunduppgifter", {
      track: null,
      variant: null,
      title: "Ny titel",
      summary: "x".repeat(20_001),
      focusAreas: [],
      periodStart: "",
      periodEnd: "",
    }).catch((e: unknown) => e)) as RuleViolation;
    expect(error).toBeInstanceOf(RuleViolation);
    const app = await db.application.findUniqueOrThrow({ where: { id: draft.id } });
    expect([app.version, app.title]).toEqual([1, "Mötesplats Skärholmen"]);
  });

  it("creates a new partner under the id the browser gave it, and refuses another application's id", async () => {
    const applicant = await makeUser();
    const draft = await makeDraft(applicant);
    const other = await makeDraft(await makeUser());
    const foreign = await db.partner.findFirstOrThrow({ where: { applicationId: other.id } });
    const row = {
      id: "0b6f3c0e-5a4e-4c1e-9d7a-3f1f2e9c8b7a",
      name: "Ny partner",
      orgNumber: "",
      sector: "CIVIL_SOCIETY" as const,
      localAnchoring: true,
      role: "",
      activities: "",
      contactName: "",
      contactEmail: "",
    };
    await saveDraftPart(applicant, draft.id, 1, "partner", { partners: [row] });
    // Saved again under the same id: the same row, not a second one.
    await saveDraftPart(applicant, draft.id, 2, "partner", {
      partners: [{ ...row, name: "Ny partner, ändrad" }],
    });
    const partners = await db.partner.findMany({ where: { applicationId: draft.id } });
    expect(partners.map((p) => [p.id, p.name])).toEqual([[row.id, "Ny partner, ändrad"]]);
    await expect(
      saveDraftPart(applicant, draft.id, 3, "partner", { partners: [{ ...row, id: foreign.id }] }),
    ).rejects.toBeInstanceOf(RuleViolation);
    expect((await db.partner.findUniqueOrThrow({ where: { id: foreign.id } })).applicationId).toBe(
      other.id,
    );
  });

  it("keeps partners' letters when partners are edited and reordered", async () => {
    const applicant = await makeUser();
    const draft = await makeDraft(applicant);
    const partners = await db.partner.findMany({
      where: { applicationId: draft.id },
      orderBy: { position: "asc" },
      include: { letter: true },
    });
    const rows = partners.map((p) => ({
      id: p.id,
      name: p.name,
      orgNumber: p.orgNumber ?? "",
      sector: p.sector,
      localAnchoring: p.localAnchoring,
      role: p.role,
      activities: p.activities,
      contactName: "",
      contactEmail: "",
    }));
    await saveDraftPart(applicant, draft.id, 1, "partner", {
      partners: [rows[2], { ...rows[0], name: "Skärholmens SDF" }],
    });
    const after = await db.partner.findMany({
      where: { applicationId: draft.id },
      orderBy: { position: "asc" },
      include: { letter: true },
    });
    expect(after.map((p) => p.name)).toEqual(["Skärholmens gymnasium", "Skärholmens SDF"]);
    expect(after.every((p) => p.letter?.status === "SIGNED")).toBe(true);
  });

  it("cannot change a submitted application", async () => {
    const applicant = await makeUser();
    const draft = await makeDraft(applicant);
    await submitApplication(applicant, draft.id);
    await expect(
      saveDraftPart(applicant, draft.id, 2, "genomforande", {
        methods: [],
        previousGrantReference: "",
        strategicFramework: "",
        genderEqualityPerspective: "x",
        longTermPlan: "y",
      }),
    ).rejects.toBeInstanceOf(Forbidden);
  });
});

describe("completion and withdrawal", () => {
  it("keeps every version: a completion is resubmitted and goes back to the officer", async () => {
    const applicant = await makeUser();
    const officer = await makeUser(["REVIEWER"]);
    const draft = await makeDraft(applicant);
    const first = await submitApplication(applicant, draft.id);
    await db.application.update({
      where: { id: draft.id },
      data: { status: "COMPLEMENT_REQUESTED" },
    });
    await db.complementRequest.create({
      data: {
        applicationId: draft.id,
        requestedById: officer.id,
        message: "Beskriv hur ni når föräldrarna.",
      },
    });
    const app = await getForApplicant(applicant, draft.id);
    await saveDraftPart(applicant, draft.id, app.version, "genomforande", {
      methods: app.methods,
      previousGrantReference: "",
      strategicFramework: app.strategicFramework ?? "",
      genderEqualityPerspective: app.genderEqualityPerspective,
      longTermPlan: "Föräldracaféet drivs vidare av skolan.",
    });
    const second = await submitApplication(applicant, draft.id);
    expect(second.referenceNumber).toBe(first.referenceNumber);
    const after = await db.application.findUniqueOrThrow({
      where: { id: draft.id },
      include: { versions: { orderBy: { number: "asc" } }, complementRequests: true },
    });
    expect(after.status).toBe("IN_REVIEW");
    expect(after.versions.map((v) => [v.number, v.reason])).toEqual([
      [1, "SUBMISSION"],
      [2, "COMPLEMENT"],
    ]);
    expect((after.versions[1].content as { longTermPlan: string }).longTermPlan).toBe(
      "Föräldracaféet drivs vidare av skolan.",
    );
    expect((after.versions[0].content as { longTermPlan: string }).longTermPlan).not.toBe(
      "Föräldracaféet drivs vidare av skolan.",
    );
    expect(after.complementRequests[0].answeredAt).not.toBeNull();
  });

  it("lets the applicant withdraw before a decision, but not after a proposal", async () => {
    const applicant = await makeUser();
    const draft = await makeDraft(applicant);
    await submitApplication(applicant, draft.id);
    await withdrawApplication(applicant, draft.id, "Vi söker i nästa utlysning.");
    expect((await db.application.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe(
      "WITHDRAWN",
    );

    const other = await makeDraft(applicant);
    await db.application.update({ where: { id: other.id }, data: { status: "PROPOSED" } });
    await expect(withdrawApplication(applicant, other.id, "")).rejects.toBeInstanceOf(Forbidden);
  });
});

describe("starting a draft", () => {
  it("needs membership of the organisation and an open round", async () => {
    const applicant = await makeUser();
    const org = await makeOrganisation(applicant);
    const open = await makeRound();
    const closed = await makeRound(false);
    const draft = await createDraft(applicant, { organisationId: org.id, roundId: open.id });
    expect(draft.status).toBe("DRAFT");
    await expect(
      createDraft(applicant, { organisationId: org.id, roundId: closed.id }),
    ).rejects.toBeInstanceOf(RuleViolation);
    await expect(
      createDraft(await makeUser(), { organisationId: org.id, roundId: open.id }),
    ).rejects.toBeInstanceOf(NotFound);
  });
});

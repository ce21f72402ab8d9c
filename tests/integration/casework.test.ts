import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { getForApplicant, saveDraftPart, submitApplication } from "@/lib/server/applications";
import {
  declareConflict,
  gateInfo,
  requestCompletion,
  sendCompletionReminders,
} from "@/lib/server/review";
import { listBoard, saveBoard } from "@/lib/server/organisations";
import { dashboard, PAGE_SIZE } from "@/lib/server/dashboard";
import { parseInput } from "@/lib/server/action";
import { NotFound, RuleViolation } from "@/lib/server/errors";
import { dateOnly } from "@/lib/server/application-contract";
import { DashboardFilters } from "@/lib/validation/dashboard";
import { CompletionRequestInput } from "@/lib/validation/review";
import { BoardInput } from "@/lib/validation/people";
import { addDays, todayInStockholm } from "@/lib/domain/dates";
import { isoDate } from "@/lib/domain/format";
import { makeDraft, makeRound, makeUser } from "../factories";

const DAY = 86_400_000;
const today = () => todayInStockholm();

async function submitted(roundId?: string) {
  const applicant = await makeUser();
  const draft = await makeDraft(applicant, { roundId });
  await submitApplication(applicant, draft.id);
  return { applicant, id: draft.id, organisationId: draft.organisationId };
}

async function officerOf(id: string) {
  const officer = await makeUser(["REVIEWER"], "Erik Handläggare");
  await declareConflict(officer, id, { hasConflict: false });
  return officer;
}

const completion = (dueDate: string) => ({
  message: "Beskriv hur ni når föräldrar som inte talar svenska.",
  dueDate,
});

describe("a completion request's due date", () => {
  it("is two weeks ahead by default, may be today, and is refused in the past or too far ahead", async () => {
    expect(CompletionRequestInput.safeParse(completion(today())).success).toBe(true);
    const past = CompletionRequestInput.safeParse(completion(addDays(today(), -1)));
    expect(past.success).toBe(false);
    expect(past.error!.issues[0].message).toBe(
      "Datumet har redan passerat. Välj dagens datum eller ett senare.",
    );
    expect(CompletionRequestInput.safeParse(completion(addDays(today(), 181))).success).toBe(false);
    expect(CompletionRequestInput.safeParse(completion("2027-02-30")).success).toBe(false);

    // The service holds the same line, whatever reaches it.
    const { id } = await submitted();
    const officer = await officerOf(id);
    await expect(
      requestCompletion(officer, id, completion(addDays(today(), -3))),
    ).rejects.toBeInstanceOf(RuleViolation);
    expect((await db.application.findUniqueOrThrow({ where: { id } })).status).toBe("SUBMITTED");
    await requestCompletion(officer, id, completion(""));
    const request = await db.complementRequest.findFirstOrThrow({ where: { applicationId: id } });
    expect(isoDate(request.dueDate!)).toBe(addDays(today(), 14));
  });
});

describe("the completion reminder job", () => {
  it("reminds the applicant once per request, a few days before it is due, and never after the answer", async () => {
    const soon = await submitted();
    const later = await submitted();
    const answered = await submitted();
    for (const [c, days] of [
      [soon, 2],
      [later, 10],
      [answered, 1],
    ] as const)
      await requestCompletion(await officerOf(c.id), c.id, completion(addDays(today(), days)));
    await db.complementRequest.updateMany({
      where: { applicationId: answered.id },
      data: { answeredAt: new Date() },
    });
    await db.application.update({ where: { id: answered.id }, data: { status: "IN_REVIEW" } });

    const mailsTo = (email: string) =>
      db.mailMessage.count({ where: { to: email, subject: { contains: "Påminnelse" } } });
    expect(await sendCompletionReminders()).toBeGreaterThanOrEqual(1);
    expect(await mailsTo(soon.applicant.email)).toBe(1);
    expect(await mailsTo(later.applicant.email)).toBe(0);
    expect(await mailsTo(answered.applicant.email)).toBe(0);
    expect(
      await db.notification.count({
        where: { userId: soon.applicant.id, kind: "complement_reminder" },
      }),
    ).toBe(1);

    // Again the same morning, and again after the due date: nothing new for the same request.
    await sendCompletionReminders();
    await sendCompletionReminders(new Date(Date.now() + 5 * DAY));
    expect(await mailsTo(soon.applicant.email)).toBe(1);
    expect(
      await db.notification.count({
        where: { userId: soon.applicant.id, kind: "complement_reminder" },
      }),
    ).toBe(1);
    // The later request is reminded when its time comes – once, not again when it is late.
    await sendCompletionReminders(new Date(Date.now() + 8 * DAY));
    await sendCompletionReminders(new Date(Date.now() + 12 * DAY));
    expect(await mailsTo(later.applicant.email)).toBe(1);
    expect(
      await db.mailMessage.count({
        where: { to: later.applicant.email, subject: { contains: "försenad" } },
      }),
    ).toBe(0);
    expect(
      (await db.complementRequest.findFirstOrThrow({ where: { applicationId: later.id } }))
        .remindedAt,
    ).not.toBeNull();
  });
});

describe("time on the dashboard", () => {
  it("filters and sorts by age, completion due or overdue, and the round's target decision date", async () => {
    const officer = await makeUser(["REVIEWER"]);
    const round = await makeRound();
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await submitted(round.id)).id);
    // Ages: 0, 10, 20, 30 days.
    for (const [i, id] of ids.entries())
      await db.application.update({
        where: { id },
        data: { submittedAt: new Date(Date.now() - i * 10 * DAY) },
      });
    // An open completion due in 5 days (ids[1]), and one overdue since yesterday (ids[2]).
    await requestCompletion(await officerOf(ids[1]), ids[1], completion(addDays(today(), 5)));
    await requestCompletion(await officerOf(ids[2]), ids[2], completion(addDays(today(), 3)));
    await db.complementRequest.updateMany({
      where: { applicationId: ids[2] },
      data: { dueDate: dateOnly(addDays(today(), -1)) },
    });

    const get = (query: Record<string, string>) =>
      dashboard(officer, DashboardFilters.parse({ round: round.id, ...query }));
    const idsOf = async (query: Record<string, string>) => (await get(query)).rows.map((r) => r.id);

    expect(await idsOf({ minAge: "15" })).toEqual([ids[3], ids[2]]);
    expect((await get({ minAge: "15" })).total).toBe(2);
    expect(await idsOf({ completion: "open", sort: "due" })).toEqual([ids[2], ids[1]]);
    expect(await idsOf({ completion: "overdue" })).toEqual([ids[2]]);
    const byDue = await get({ sort: "due" });
    expect(byDue.rows.slice(0, 2).map((r) => r.id)).toEqual([ids[2], ids[1]]);
    expect(byDue.rows[0].complementDueOn && isoDate(byDue.rows[0].complementDueOn)).toBe(
      addDays(today(), -1),
    );
    // Empty due dates come last in either direction.
    expect((await idsOf({ sort: "due", dir: "desc" })).slice(0, 2)).toEqual([ids[1], ids[2]]);

    // The answer clears the due date in the read model.
    await db.complementRequest.updateMany({
      where: { applicationId: ids[2] },
      data: { answeredAt: new Date() },
    });
    expect(await idsOf({ completion: "overdue" })).toEqual([]);

    // The round's target date reaches its rows when the round changes; across all rounds the
    // dashboard filters and sorts by it.
    const other = await makeRound();
    const early = (await submitted(other.id)).id;
    await db.grantRound.update({
      where: { id: round.id },
      data: { targetDecisionOn: dateOnly(addDays(today(), 90)) },
    });
    await db.grantRound.update({
      where: { id: other.id },
      data: { targetDecisionOn: dateOnly(addDays(today(), 30)) },
    });
    const all = (query: Record<string, string>) =>
      dashboard(officer, DashboardFilters.parse({ round: "alla", ...query }));
    expect((await all({ targetBefore: addDays(today(), 60) })).rows.map((r) => r.id)).toEqual([
      early,
    ]);
    const byTarget = (await all({ sort: "target" })).rows.map((r) => r.id);
    expect(byTarget.indexOf(early)).toBeLessThan(byTarget.indexOf(ids[0]));
    expect((await all({})).allRounds).toBe(true);
  });

  it("pages through a sort with empty values, every row once", async () => {
    const officer = await makeUser(["REVIEWER"]);
    const round = await makeRound();
    const ids: string[] = [];
    for (let i = 0; i < PAGE_SIZE + 3; i++) ids.push((await submitted(round.id)).id);
    for (const id of ids.slice(0, 4))
      await requestCompletion(await officerOf(id), id, completion(addDays(today(), 7)));
    const seen: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 5; i++) {
      const page = await dashboard(
        officer,
        DashboardFilters.parse({ round: round.id, sort: "due", ...(after ? { after } : {}) }),
      );
      seen.push(...page.rows.map((r) => r.id));
      if (!page.next) break;
      after = page.next;
    }
    expect(new Set(seen).size).toBe(ids.length);
    expect(new Set(seen.slice(0, 4))).toEqual(new Set(ids.slice(0, 4)));
  });
});

describe("contact person and board", () => {
  it("keeps the contact person per application, checked field by field, and refuses identity numbers", async () => {
    const applicant = await makeUser();
    const draft = await makeDraft(applicant);
    const app = await getForApplicant(applicant, draft.id);
    const basics = {
      track: app.track,
      variant: app.variant,
      title: app.title,
      summary: app.summary,
      focusAreas: app.focusAreas,
      periodStart: isoDate(app.periodStart!),
      periodEnd: isoDate(app.periodEnd!),
    };
    const { kept } = await saveDraftPart(applicant, draft.id, app.version, "grunduppgifter", {
      ...basics,
      contactName: "Amina 850709-1234",
      contactEmail: "amina@forening.example",
      contactPhone: "12",
    });
    expect(Object.keys(kept).sort()).toEqual(["contactName", "contactPhone"]);
    expect(kept.contactName.message).toMatch(/personnummer/);
    let saved = await db.application.findUniqueOrThrow({ where: { id: draft.id } });
    expect([saved.contactName, saved.contactEmail, saved.contactPhone]).toEqual([
      null,
      "amina@forening.example",
      null,
    ]);
    await saveDraftPart(applicant, draft.id, saved.version, "grunduppgifter", {
      ...basics,
      contactName: "Amina Hassan",
      contactEmail: "amina@forening.example",
      contactPhone: "070-123 45 67",
    });
    saved = await db.application.findUniqueOrThrow({ where: { id: draft.id } });
    expect([saved.contactName, saved.contactPhone, saved.draftInput]).toEqual([
      "Amina Hassan",
      "070-123 45 67",
      null,
    ]);
  });

  it("saves the board for members only, refuses identity numbers, and shows it with the contact and partners at the gate", async () => {
    const { applicant, id, organisationId } = await submitted();
    await db.application.update({
      where: { id },
      data: { contactName: "Fatima Warsame", contactEmail: "fatima@forening.example" },
    });
    const refused = () =>
      parseInput(BoardInput, {
        members: [{ name: "Amina Hassan", role: "ordförande 19850709-1234", signatory: true }],
      });
    expect(refused).toThrow(RuleViolation);
    const noSignatory = BoardInput.safeParse({
      members: [{ name: "Amina Hassan", role: "ordförande", signatory: false }],
    });
    expect(noSignatory.error?.issues.map((i) => i.message)).toEqual([
      "Markera vem eller vilka som är firmatecknare.",
    ]);
    const board = parseInput(BoardInput, {
      members: [
        { name: " Amina Hassan ", role: "ordförande", signatory: true },
        { name: "Johan Ekström", role: "kassör", signatory: false },
      ],
    });
    await expect(saveBoard(await makeUser(), organisationId, board)).rejects.toBeInstanceOf(
      NotFound,
    );
    await saveBoard(applicant, organisationId, board);
    expect(await listBoard(applicant, organisationId)).toEqual([
      { name: "Amina Hassan", role: "ordförande", signatory: true },
      { name: "Johan Ekström", role: "kassör", signatory: false },
    ]);
    expect(
      await db.auditEvent.count({
        where: { action: "organisation.board_saved", entityId: organisationId },
      }),
    ).toBe(1);

    // Before any declaration, the officer sees who the case concerns – and nothing of its content.
    const officer = await makeUser(["REVIEWER"]);
    const gate = await gateInfo(officer, id);
    expect(gate.board.map((m) => m.name)).toEqual(["Amina Hassan", "Johan Ekström"]);
    expect(gate.contact).toEqual({
      name: "Fatima Warsame",
      email: "fatima@forening.example",
      phone: null,
    });
    expect(gate.partners.map((p) => p.name)).toEqual([
      "Skärholmens stadsdelsförvaltning",
      "Bostadsbolaget Svenska Bostäder",
      "Skärholmens gymnasium",
    ]);
    expect(gate).not.toHaveProperty("title");
  });
});

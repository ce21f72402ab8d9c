import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import { db } from "@/lib/server/db";
import { decide, declareConflict } from "@/lib/server/review";
import {
  basisCsv,
  basisPdf,
  decisionBasis,
  holdMeeting,
  moveCase,
  protocolFile,
} from "@/lib/server/meeting";
import { caseFile } from "@/lib/server/case-file";
import { Conflict, Forbidden, NotFound, RuleViolation } from "@/lib/server/errors";
import { STANDARD_REASONS } from "@/lib/domain/meeting";
import type { Actor } from "@/lib/server/actor";
import { makeProposedCase, makeRound, makeUser } from "../factories";

// The decision meeting (docs/domain.md §7): a round's proposed cases decided together, each
// decision on its own, in one transaction that fails as a whole.

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), {
    mergePages: true,
  });
  return text;
}

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  let out = "";
  for await (const chunk of stream) out += String(chunk);
  return out;
}

/** A round with `budgetSek` and `n` proposed cases of 400 000 kr, scored 5, 4, 3 … */
async function roundWithCases(n: number, budgetSek = 1_000_000, names?: string[]) {
  const round = await makeRound();
  await db.grantRound.update({ where: { id: round.id }, data: { budgetSek } });
  const officer = await makeUser(["REVIEWER"], "Erik Föredragande");
  const cases = [];
  for (let i = 0; i < n; i++)
    cases.push(
      await makeProposedCase({
        roundId: round.id,
        officer,
        organisation: names?.[i] ?? `Förening ${i + 1}`,
        score: Math.max(1, 5 - i),
        amountSek: 400_000,
      }),
    );
  return { round, officer, cases };
}

type Case = Awaited<ReturnType<typeof makeProposedCase>>;
const approve = (c: Case, amountSek = 400_000, reasons = STANDARD_REASONS.APPROVE) => ({
  applicationId: c.id,
  version: c.version,
  action: "APPROVE" as const,
  amountSek,
  reasons,
});
const reject = (c: Case, reasons = STANDARD_REASONS.REJECT) => ({
  applicationId: c.id,
  version: c.version,
  action: "REJECT" as const,
  reasons,
});
const meeting = (roundId: string, cases: ReturnType<typeof approve | typeof reject>[]) => ({
  roundId,
  key: randomUUID(),
  conflictsChecked: true as const,
  cases,
});

/** The statuses of the cases, in the order of `ids`. */
async function statuses(ids: string[]) {
  const found = await db.application.findMany({
    where: { id: { in: ids } },
    select: { id: true, status: true },
  });
  return ids.map((id) => found.find((a) => a.id === id)!.status);
}

/** Amounts are written with no-break spaces (1 000 000 kr); compare them as plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("the decision basis", () => {
  it("ranks by mean score, shows the running total and the line, and an officer may move a case with a reason", async () => {
    const { round, officer, cases } = await roundWithCases(4);
    const decider = await makeUser(["DECIDER"], "Maria Beslutsfattare");
    const basis = await decisionBasis(decider, round.id);
    expect(basis.rows.map((r) => r.referenceNumber)).toEqual(cases.map((c) => c.referenceNumber));
    expect(basis.rows.map((r) => r.meanScore)).toEqual([5, 4, 3, 2]);
    expect(basis.rows.every((r) => r.standing === "DECIDABLE" && !r.declared)).toBe(true);
    expect(basis.frameLeftSek).toBe(1_000_000);

    // The officer who reviewed every case may read the basis but not decide; moves case 4 up.
    const asOfficer = await decisionBasis(officer, round.id);
    expect(asOfficer.rows.every((r) => r.standing === "NOT_DECIDER")).toBe(true);
    await moveCase(officer, cases[3].id, {
      applicationId: cases[3].id,
      direction: "UP",
      reason: "Kommunen har lovat lokaler.",
    });
    const moved = await decisionBasis(decider, round.id);
    expect(moved.rows.map((r) => r.id)).toEqual([
      cases[0].id,
      cases[1].id,
      cases[3].id,
      cases[2].id,
    ]);
    expect(moved.rows[2].moved).toMatchObject({
      reason: "Kommunen har lovat lokaler.",
      by: "Erik Föredragande",
    });
    const log = await db.auditEvent.findFirstOrThrow({
      where: { action: "meeting.case_moved", entityId: cases[3].id },
    });
    expect(log.after).toMatchObject({
      place: 3,
      direction: "UP",
      reason: "Kommunen har lovat lokaler.",
    });
    await expect(
      moveCase(officer, cases[0].id, {
        applicationId: cases[0].id,
        direction: "UP",
        reason: "Högst.",
      }),
    ).rejects.toThrow(RuleViolation);

    // The CSV and the PDF: the proposed amounts run past the frame after two cases.
    const csv = await streamText(basisCsv(moved, {}));
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines).toHaveLength(5);
    expect(lines[1]).toContain(`"${cases[0].referenceNumber}"`);
    expect(lines[3]).toContain(`"${cases[3].referenceNumber}"`);
    expect(lines[3]).toContain('"Nej"'); // the third case does not fit the frame
    expect(lines[3]).toContain("Kommunen har lovat lokaler.");
    const pdf = plain(await pdfText(await basisPdf(moved, {})));
    expect(pdf).toContain("Beslutsunderlag");
    expect(pdf).toContain("Här tar pengarna slut");
    for (const c of cases) expect(pdf).toContain(c.referenceNumber);
  });

  it("is for staff only: an applicant gets not found", async () => {
    const { round } = await roundWithCases(1);
    const applicant = await makeUser(["APPLICANT"]);
    await expect(decisionBasis(applicant, round.id)).rejects.toThrow(NotFound);
    await expect(holdMeeting(applicant, meeting(round.id, []))).rejects.toThrow(NotFound);
  });
});

describe("deciding the whole list at once", () => {
  it("fails as a whole when the frame would be exceeded, then decides each case on its own", async () => {
    const { round, cases } = await roundWithCases(3);
    const decider = await makeUser(["DECIDER"], "Maria Beslutsfattare");
    const ids = cases.map((c) => c.id);

    const over = meeting(
      round.id,
      cases.map((c) => approve(c)),
    );
    const error = (await holdMeeting(decider, over).catch((e: unknown) => e)) as RuleViolation;
    expect(error).toBeInstanceOf(RuleViolation);
    expect(plain(error.message)).toBe(
      "Besluten ryms inte i budgetramen: i mötet beviljas 1 200 000 kr, men kvar av ramen är 1 000 000 kr (200 000 kr för mycket). Inget beslut har fattats. Sänk belopp eller avslå ärenden under linjen.",
    );
    // Nothing happened: no decision, letter, plan, declaration, mail or meeting.
    expect(await statuses(ids)).toEqual(["PROPOSED", "PROPOSED", "PROPOSED"]);
    expect(await db.decision.count({ where: { applicationId: { in: ids } } })).toBe(0);
    expect(await db.instalment.count({ where: { applicationId: { in: ids } } })).toBe(0);
    expect(
      await db.mailMessage.count({
        where: { applicationId: { in: ids }, subject: { startsWith: "Beslut" } },
      }),
    ).toBe(0);
    expect(await db.conflictDeclaration.count({ where: { userId: decider.id } })).toBe(0);
    expect(await db.decisionMeeting.count({ where: { roundId: round.id } })).toBe(0);
    const refusal = await db.auditEvent.findFirstOrThrow({
      where: { action: "meeting.refused", entityId: round.id },
    });
    expect(refusal.meta).toMatchObject({ reason: "OVER_BUDGET" });

    // Within the frame: two approved (one with a lower amount and its own reasons), one rejected.
    const held = meeting(round.id, [
      approve(cases[0]),
      approve(cases[1], 350_000, "Beviljas med lägre belopp: lokalkostnaden är för hög."),
      reject(cases[2]),
    ]);
    const { meetingId, repeated } = await holdMeeting(decider, held);
    expect(repeated).toBe(false);
    expect(await statuses(ids)).toEqual(["APPROVED", "APPROVED", "REJECTED"]);
    const decisions = await db.decision.findMany({
      where: { applicationId: { in: ids } },
      orderBy: { amountSek: { sort: "desc", nulls: "last" } },
    });
    expect(
      decisions.map((d) => [d.applicationId, d.outcome, d.amountSek, d.reasons, d.deciderId]),
    ).toEqual([
      [cases[0].id, "APPROVED", 400_000, STANDARD_REASONS.APPROVE, decider.id],
      [
        cases[1].id,
        "APPROVED",
        350_000,
        "Beviljas med lägre belopp: lokalkostnaden är för hög.",
        decider.id,
      ],
      [cases[2].id, "REJECTED", null, STANDARD_REASONS.REJECT, decider.id],
    ]);
    expect(decisions.every((d) => d.letterFileId)).toBe(true);
    expect(await db.instalment.count({ where: { applicationId: cases[1].id } })).toBeGreaterThan(0);
    expect(await db.instalment.count({ where: { applicationId: cases[2].id } })).toBe(0);
    // Letters and notifications to every applicant; the decider's conflict question is recorded per case.
    for (const c of cases) {
      expect(
        await db.mailMessage.count({
          where: { to: c.applicant.email, subject: `Beslut om ansökan ${c.referenceNumber}` },
        }),
      ).toBe(1);
      expect(
        await db.notification.count({ where: { userId: c.applicant.id, kind: "decision_made" } }),
      ).toBe(1);
    }
    expect(
      await db.conflictDeclaration.count({ where: { userId: decider.id, status: "NO_CONFLICT" } }),
    ).toBe(3);
    // The audit log: the meeting, and each decision with it.
    const made = await db.auditEvent.findMany({
      where: { action: "decision.made", entityId: { in: ids } },
    });
    expect(made).toHaveLength(3);
    expect(made.every((e) => (e.meta as { meetingId: string }).meetingId === meetingId)).toBe(true);
    const log = await db.auditEvent.findFirstOrThrow({
      where: { action: "meeting.held", entityId: round.id },
    });
    expect(log.after).toMatchObject({
      meetingId,
      cases: 3,
      approved: 2,
      rejected: 1,
      approvedSek: 750_000,
    });

    // Sent again (a double click): the same meeting, nothing decided twice.
    expect(await holdMeeting(decider, held)).toEqual({ meetingId, repeated: true });
    expect(await db.decision.count({ where: { applicationId: { in: ids } } })).toBe(3);
    expect(await db.decisionMeeting.count({ where: { roundId: round.id } })).toBe(1);
  });

  it("sends a case back to review in the meeting", async () => {
    const { round, cases } = await roundWithCases(2);
    const decider = await makeUser(["DECIDER"], "Maria Beslutsfattare");
    await holdMeeting(
      decider,
      meeting(round.id, [
        approve(cases[0]),
        {
          applicationId: cases[1].id,
          version: cases[1].version,
          action: "SEND_BACK",
          reasons: "Budgeten behöver ses över.",
        } as never,
      ]),
    );
    expect(await statuses(cases.map((c) => c.id))).toEqual(["APPROVED", "IN_REVIEW"]);
    const proposal = await db.decisionProposal.findFirstOrThrow({
      where: { applicationId: cases[1].id },
    });
    expect(proposal).toMatchObject({
      status: "RETURNED",
      returnReason: "Budgeten behöver ses över.",
    });
  });

  it("fails as a whole when a case is decided on its own during the meeting", async () => {
    const { round, cases } = await roundWithCases(3, 2_000_000);
    const chair = await makeUser(["DECIDER"], "Maria Beslutsfattare");
    const other = await makeUser(["DECIDER"], "Olle Beslutsfattare");
    const ids = cases.map((c) => c.id);
    // The chair opened the basis (its versions); meanwhile another decider decides case 2 alone.
    const basis = await decisionBasis(chair, round.id);
    await declareConflict(other, cases[1].id, { hasConflict: false });
    await decide(other, cases[1].id, { action: "REJECT", reasons: "Avslås i eget beslut." });
    const input = meeting(
      round.id,
      basis.rows.map((r) => ({
        applicationId: r.id,
        version: r.version,
        action: "APPROVE" as const,
        amountSek: 400_000,
        reasons: STANDARD_REASONS.APPROVE,
      })),
    );
    const error = (await holdMeeting(chair, input).catch((e: unknown) => e)) as Conflict;
    expect(error).toBeInstanceOf(Conflict);
    expect(error.message).toBe(
      `Ärende ${cases[1].referenceNumber} har ändrats sedan du öppnade beslutsunderlaget, till exempel beslutats av någon annan. Inget beslut har fattats. Ladda om sidan och gå igenom listan igen.`,
    );
    expect(await statuses(ids)).toEqual(["PROPOSED", "REJECTED", "PROPOSED"]);
    expect(await db.decision.count({ where: { applicationId: { in: ids } } })).toBe(1);

    // Truly at the same time: the round is locked, so exactly one of the two decides case 3.
    const fresh = await decisionBasis(chair, round.id);
    await declareConflict(other, cases[2].id, { hasConflict: false });
    const [inMeeting, alone] = await Promise.allSettled([
      holdMeeting(
        chair,
        meeting(
          round.id,
          fresh.rows.map((r) => ({
            applicationId: r.id,
            version: r.version,
            action: "APPROVE" as const,
            amountSek: 400_000,
            reasons: STANDARD_REASONS.APPROVE,
          })),
        ),
      ),
      decide(other, cases[2].id, { action: "REJECT", reasons: "Avslås i eget beslut." }),
    ]);
    expect([inMeeting.status, alone.status].sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db.decision.count({ where: { applicationId: cases[2].id } })).toBe(1);
    if (inMeeting.status === "fulfilled") {
      expect(await statuses(ids)).toEqual(["APPROVED", "REJECTED", "APPROVED"]);
      expect((alone as PromiseRejectedResult).reason).toBeInstanceOf(Forbidden);
    } else {
      expect(inMeeting.reason).toBeInstanceOf(Conflict);
      expect(await statuses(ids)).toEqual(["PROPOSED", "REJECTED", "REJECTED"]);
      expect(await db.decisionMeeting.count({ where: { roundId: round.id } })).toBe(0);
    }
  });

  it("does not let a decider decide a case they have a conflict in, or reviewed; another decider must", async () => {
    const { round, cases } = await roundWithCases(3, 2_000_000);
    const decider = await makeUser(["DECIDER"], "Maria Beslutsfattare");
    await declareConflict(decider, cases[0].id, {
      hasConflict: true,
      description: "Jag sitter i föreningens styrelse.",
    });
    const basis = await decisionBasis(decider, round.id);
    const first = basis.rows.find((r) => r.id === cases[0].id)!;
    expect(first).toMatchObject({
      standing: "CONFLICT",
      hidden: true,
      organisation: "",
      proposal: null,
    });
    expect(basis.rows.filter((r) => r.standing === "DECIDABLE")).toHaveLength(2);

    // Sending the case anyway: refused as a whole, and the refused case is in the audit log.
    const error = (await holdMeeting(
      decider,
      meeting(
        round.id,
        cases.map((c) => approve(c)),
      ),
    ).catch((e: unknown) => e)) as Forbidden;
    expect(error).toBeInstanceOf(Forbidden);
    expect(error.message).toContain(`ärende ${cases[0].referenceNumber}`);
    expect(error.message).toContain("Inget beslut har fattats.");
    expect(await statuses(cases.map((c) => c.id))).toEqual(["PROPOSED", "PROPOSED", "PROPOSED"]);
    const refused = await db.auditEvent.findFirstOrThrow({
      where: { action: "decision.refused", entityId: cases[0].id, actorId: decider.id },
    });
    expect(refused.meta).toMatchObject({ reason: "CONFLICT" });

    // The officer who reviewed and proposed the cases holds the decider role too: four eyes keeps them out.
    const reviewerDecider: Actor = { ...cases[1].officer, roles: ["REVIEWER", "DECIDER"] };
    await db.user.update({
      where: { id: reviewerDecider.id },
      data: { roles: ["REVIEWER", "DECIDER"] },
    });
    const asReviewer = await decisionBasis(reviewerDecider, round.id);
    expect(asReviewer.rows.map((r) => r.standing)).toEqual(["PROPOSER", "PROPOSER", "PROPOSER"]);
    await expect(
      holdMeeting(reviewerDecider, meeting(round.id, [approve(cases[1])])),
    ).rejects.toThrow(Forbidden);
    const fourEyes = await db.auditEvent.findFirstOrThrow({
      where: { action: "decision.refused", entityId: cases[1].id, actorId: reviewerDecider.id },
    });
    expect(fourEyes.meta).toMatchObject({ reason: "IS_PROPOSER" });

    // The decider decides the other two; another decider the conflicted case.
    await holdMeeting(decider, meeting(round.id, [approve(cases[1]), approve(cases[2])]));
    const other = await makeUser(["DECIDER"], "Olle Beslutsfattare");
    const rest = await decisionBasis(other, round.id);
    expect(rest.rows.map((r) => r.id)).toEqual([cases[0].id]);
    await holdMeeting(
      other,
      meeting(round.id, [approve({ ...cases[0], version: rest.rows[0].version })]),
    );
    expect(await statuses(cases.map((c) => c.id))).toEqual(["APPROVED", "APPROVED", "APPROVED"]);
  });
});

describe("the protocol", () => {
  it("names the round, date, decider, presenting officer, each case and the totals, in any script; it is in each case file", async () => {
    const names = ["Kulturförening Şahin", "Föreningen Ørsted", "Ассоциация Мир", "جمعية النور"];
    const { round, officer, cases } = await roundWithCases(4, 1_000_000, names);
    const decider = await makeUser(["DECIDER"], "Maria Beslutsfattare");
    const { meetingId } = await holdMeeting(
      decider,
      meeting(round.id, [
        approve(cases[0]),
        approve(cases[1], 250_000),
        reject(cases[2]),
        reject(cases[3]),
      ]),
    );
    const file = await protocolFile(decider, meetingId);
    expect(file.fileName).toMatch(/^beslutsprotokoll-\d{4}-\d{4}-\d{2}-\d{2}\.pdf$/);
    const text = plain(await pdfText(file.data));
    expect(text).toContain("Beslutsprotokoll");
    expect(text).toContain(`Utlysning: ${round.title}`);
    expect(text).toContain("Beslutande: Maria Beslutsfattare");
    expect(text).toContain("Föredragande: Erik Föredragande");
    for (const [i, c] of cases.entries()) {
      expect(text).toContain(c.referenceNumber);
      expect(text).toContain(names[i]);
    }
    expect(text).toMatch(/Beviljas\s+400 000 kr/);
    expect(text).toMatch(/Beviljas\s+250 000 kr/);
    expect(text.match(/Avslås/g)!.length).toBeGreaterThanOrEqual(2);
    expect(text).toContain("Beviljas: 2 ärenden, sammanlagt 650 000 kr.");
    expect(text).toContain("Utlysningens budgetram: 1 000 000 kr.");
    expect(text).toContain("Kvar av budgetramen efter mötet: 350 000 kr.");

    // Staff may download it; an applicant may not. It is listed in each case's file.
    const applicant = cases[0].applicant;
    await expect(protocolFile(applicant, meetingId)).rejects.toThrow(NotFound);
    await expect(protocolFile(officer, "finns-inte")).rejects.toThrow(NotFound);
    for (const c of cases) {
      const entries = (await caseFile(officer, c.id)).entries;
      const entry = entries.find((e) => e.kind === "meetingProtocol");
      expect(entry?.document).toEqual({
        type: "link",
        href: `/api/beslut/mote/${meetingId}/protokoll`,
      });
    }
  });
});

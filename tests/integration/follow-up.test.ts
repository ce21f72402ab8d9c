import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { submitApplication } from "@/lib/server/applications";
import { assign, decide, declareConflict, proposeDecision } from "@/lib/server/review";
import {
  acceptReport,
  attestInstalment,
  createPaymentFile,
  decideRepayment,
  grantForOfficer,
  outcomes,
  overdueReports,
  paymentFileDownload,
  proposeRepayment,
  releaseInstalment,
  requestReportCompletion,
  saveReport,
  sendReportReminders,
} from "@/lib/server/follow-up";
import { listNotifications, unreadCount } from "@/lib/server/notifications";
import { Forbidden, RuleViolation } from "@/lib/server/errors";
import { makeDraft, makeUser, readyForProposal } from "../factories";

async function approvedGrant(amountSek = 900_000) {
  const applicant = await makeUser();
  const draft = await makeDraft(applicant);
  await submitApplication(applicant, draft.id);
  const officer = await makeUser(["REVIEWER"]);
  await declareConflict(officer, draft.id, { hasConflict: false });
  await assign(officer, draft.id);
  await readyForProposal(officer, draft.id);
  await proposeDecision(officer, draft.id, {
    outcome: "APPROVED",
    amountSek,
    reasons: "Väl förankrad ansökan.",
  });
  const decider = await makeUser(["DECIDER"]);
  await declareConflict(decider, draft.id, { hasConflict: false });
  await decide(decider, draft.id, {
    action: "APPROVE",
    amountSek,
    reasons: "Beviljas enligt förslaget.",
  });
  return { applicant, officer, id: draft.id };
}

const report = {
  meetingsHeld: 24,
  participantsWomen: 130,
  participantsMen: 95,
  participantsOther: 5,
  collaborationsStarted: 2,
  collaborationsNote: "IOP med stadsdelen.",
  spending: { STAFF: 200_000, ACTIVITIES: 50_000 },
  unspentSek: 0,
  whatWasDone: "Träffar varje vecka.",
  resultsForResidents: "Fler unga känner sig trygga.",
  lessonsLearned: "Kvällstider fungerar.",
  continuation: "Stadsdelen tar över lokalen.",
};

describe("after the decision", () => {
  it("plans instalments summing to the grant, one per year, with reports before later instalments and a final report", async () => {
    const { applicant, officer, id } = await approvedGrant();
    const grant = await grantForOfficer(officer, id);
    expect(grant.instalments.map((i) => i.amountSek)).toEqual([300_000, 300_000, 300_000]);
    expect(grant.reports.map((r) => r.kind)).toEqual(["PROGRESS", "PROGRESS", "FINAL"]);
    expect(grant.instalments.map((i) => i.blocked)).toEqual([false, true, true]);
    expect(await unreadCount(applicant)).toBeGreaterThanOrEqual(1);
    expect((await listNotifications(applicant)).map((n) => n.kind)).toContain("decision_made");
  });

  it("releases the first instalment, blocks the second until the progress report is accepted, and exports the payment file", async () => {
    const { applicant, officer, id } = await approvedGrant();
    let grant = await grantForOfficer(officer, id);
    await releaseInstalment(officer, grant.instalments[0].id);
    await expect(releaseInstalment(officer, grant.instalments[1].id)).rejects.toBeInstanceOf(
      Forbidden,
    );

    const progress = grant.reports[0];
    const v2 = await saveReport(applicant, progress.id, progress.version, report, false);
    await saveReport(applicant, progress.id, v2, report, true);
    await requestReportCompletion(officer, progress.id, "Redovisa hur många hushåll ni nådde.");
    const reopened = await db.followUpReport.findUniqueOrThrow({ where: { id: progress.id } });
    expect(reopened.status).toBe("COMPLEMENT_REQUESTED");
    await saveReport(
      applicant,
      progress.id,
      reopened.version,
      { ...report, resultsForResidents: "Vi nådde 400 hushåll." },
      true,
    );
    await acceptReport(officer, progress.id);
    grant = await grantForOfficer(officer, id);
    expect(grant.instalments[1].blocked).toBe(false);
    await releaseInstalment(officer, grant.instalments[1].id);

    const admin = await makeUser(["ADMIN"]);
    for (const i of grant.instalments.slice(0, 2)) await attestInstalment(admin, i.id);
    const fileId = await createPaymentFile(admin, {});
    const csv = (await paymentFileDownload(admin, fileId, "csv")).data.toString("utf8");
    expect(csv).toContain(`"Diarienummer";"Delbetalning";"Organisation";"Organisationsnummer"`);
    expect(csv).toContain(`;"Bankgiro";"5402-9681";300000;`);
    await expect(createPaymentFile(officer, {})).rejects.toThrow();
  });

  it("refuses to release to a payout account that fails its check digit", async () => {
    const { officer, id } = await approvedGrant();
    const grant = await grantForOfficer(officer, id);
    await db.organisation.update({
      where: { id: grant.organisationId },
      data: { payoutAccount: "5402-9682" },
    });
    const error = (await releaseInstalment(officer, grant.instalments[0].id).catch(
      (e: unknown) => e,
    )) as RuleViolation;
    expect(error.problems[0].message).toContain("kontrollsiffra");
  });

  it("flags spending over the granted amount in Swedish and keeps the draft", async () => {
    const { applicant, officer, id } = await approvedGrant(300_000);
    const final = (await grantForOfficer(officer, id)).reports.at(-1)!;
    const error = (await saveReport(
      applicant,
      final.id,
      final.version,
      { ...report, spending: { STAFF: 400_000 } },
      true,
    ).catch((e: unknown) => e)) as RuleViolation;
    expect(error.problems.map((p) => p.message).join(" ")).toContain(
      "större än det beviljade beloppet",
    );
    await saveReport(
      applicant,
      final.id,
      final.version,
      { ...report, spending: { STAFF: 400_000 } },
      false,
    );
    expect(
      (await db.followUpReport.findUniqueOrThrow({ where: { id: final.id } })).spending,
    ).toEqual({ STAFF: 400_000 });
  });

  it("sends each reminder exactly once, even when the job runs twice, and lists overdue reports", async () => {
    const { applicant, officer, id } = await approvedGrant();
    const first = (await grantForOfficer(officer, id)).reports[0];
    const dueDay = new Date(first.dueDate.getTime() + 10 * 3_600_000);
    await sendReportReminders(dueDay);
    await sendReportReminders(dueDay);
    expect(
      await db.mailMessage.count({
        where: {
          to: applicant.email,
          dedupeKey: { startsWith: `report-reminder:${first.id}:due-soon` },
        },
      }),
    ).toBe(1);
    const later = new Date(first.dueDate.getTime() + 3 * 86_400_000);
    await sendReportReminders(later);
    await sendReportReminders(later);
    expect(
      await db.mailMessage.count({
        where: {
          to: applicant.email,
          dedupeKey: { startsWith: `report-reminder:${first.id}:overdue` },
        },
      }),
    ).toBe(1);
    const overdue = await overdueReports(officer, later.toISOString().slice(0, 10));
    expect(overdue.map((r) => r.id)).toContain(first.id);
  });

  it("records a repayment claim the grantee sees once decided, and sums outcomes of reported grants", async () => {
    const { applicant, officer, id } = await approvedGrant();
    await proposeRepayment(officer, id, {
      amountSek: 50_000,
      reasons: "Medel för lokalhyra användes inte.",
      dueDate: "2029-06-30",
    });
    expect((await listNotifications(applicant)).map((n) => n.kind)).not.toContain(
      "repayment_claim",
    );
    const claim = await db.repaymentClaim.findFirstOrThrow({ where: { applicationId: id } });
    await decideRepayment(await makeUser(["DECIDER"]), claim.id, { decision: "CLAIM", note: "" });
    expect((await listNotifications(applicant)).map((n) => n.kind)).toContain("repayment_claim");
    await expect(
      proposeRepayment(officer, id, {
        amountSek: 10_000_000,
        reasons: "För stort återkrav.",
        dueDate: "2029-06-30",
      }),
    ).rejects.toBeInstanceOf(RuleViolation);
    const progress = (await grantForOfficer(officer, id)).reports[0];
    await saveReport(applicant, progress.id, progress.version, report, true);
    const totals = await outcomes(officer);
    const collaboration = totals.byTrack.find((r) => r.key === "COLLABORATION")!;
    expect(collaboration.meetings).toBeGreaterThanOrEqual(24);
    expect(collaboration.women).toBeGreaterThanOrEqual(130);
  });
});

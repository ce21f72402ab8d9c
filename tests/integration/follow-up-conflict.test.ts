import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { declareConflict } from "@/lib/server/review";
import {
  acceptReport,
  addReportAttachment,
  attestInstalment,
  createPaymentFile,
  grantForOfficer,
  listGrants,
  markPaymentFilePaid,
  outcomes,
  overdueReports,
  paymentFileDownload,
  proposeRepayment,
  releaseInstalment,
  reportAttachmentFile,
  requestReportCompletion,
  saveReport,
  setReportDueDate,
} from "@/lib/server/follow-up";
import { NotFound } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/actor";
import { makeApprovedGrant, makeUser } from "../factories";

// docs/domain.md §5: a conflict of interest covers the whole case, follow-up included.

const approvedGrant = () => makeApprovedGrant();

async function conflicted(id: string, roles: Actor["roles"] = ["REVIEWER"]) {
  const person = await makeUser(roles);
  await declareConflict(person, id, {
    hasConflict: true,
    description: "Jag sitter i föreningens styrelse.",
  });
  return person;
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

/** A valid PDF (by its magic bytes) with an HTML page inside: a PDF/HTML polyglot. */
const polyglot = Buffer.from(
  "%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n",
  "utf8",
);

const denials = (actorId: string) =>
  db.auditEvent.findMany({ where: { actorId, action: "access.denied" } });

describe("an officer with a declared conflict in follow-up", () => {
  it("gets 'not found' for the follow-up page, releasing, claiming back, due dates, reports and attachments; nothing changes and each attempt is audited", async () => {
    const { applicant, officer, id } = await approvedGrant();
    const grant = await grantForOfficer(officer, id);
    const progress = grant.reports[0];
    const v2 = await saveReport(applicant, progress.id, progress.version, report, false);
    await addReportAttachment(applicant, progress.id, polyglot, "rapport.pdf");
    await saveReport(applicant, progress.id, v2, report, true);
    const { fileId } = await db.reportAttachment.findFirstOrThrow({
      where: { reportId: progress.id },
    });
    const before = await db.application.findUniqueOrThrow({
      where: { id },
      include: { instalments: true, reports: true, repaymentClaims: true },
    });

    const sara = await conflicted(id);
    const attempts = [
      () => grantForOfficer(sara, id),
      () => releaseInstalment(sara, grant.instalments[0].id),
      () =>
        proposeRepayment(sara, id, {
          amountSek: 50_000,
          reasons: "Pengar som inte användes.",
          dueDate: "2031-01-31",
        }),
      () => setReportDueDate(sara, progress.id, "2035-01-01"),
      () => reportAttachmentFile(sara, progress.id, fileId),
      () => acceptReport(sara, progress.id),
      () => requestReportCompletion(sara, progress.id, "Redovisa hur många hushåll ni nådde."),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toBeInstanceOf(NotFound);

    expect(
      await db.application.findUniqueOrThrow({
        where: { id },
        include: { instalments: true, reports: true, repaymentClaims: true },
      }),
    ).toEqual(before);
    const denied = await denials(sara.id);
    expect(denied).toHaveLength(attempts.length);
    for (const entry of denied) {
      expect(entry.entityId).toBe(id);
      expect(entry.meta).toMatchObject({ reason: "conflict" });
    }
    expect(denied.map((e) => (e.meta as { what: string }).what).sort()).toEqual(
      [
        "followup.read",
        "instalment.release",
        "repayment.propose",
        "report.due_date",
        "report.attachment",
        "report.accept",
        "report.request_completion",
      ].sort(),
    );

    // The grant is not in the officer's lists either.
    expect((await listGrants(sara)).map((g) => g.id)).not.toContain(id);
    expect((await overdueReports(sara, "2100-01-01")).map((r) => r.applicationId)).not.toContain(
      id,
    );
    expect((await listGrants(officer)).map((g) => g.id)).toContain(id);
    const meetings = async (actor: Actor) =>
      (await outcomes(actor)).byTrack.reduce((sum, row) => sum + row.meetings, 0);
    expect((await meetings(officer)) - (await meetings(sara))).toBe(report.meetingsHeld);
  });

  it("blocks a conflict an admin confirmed, allows one an admin lifted, and allows an officer who never declared", async () => {
    const { id } = await approvedGrant();
    const sara = await conflicted(id);
    await db.conflictDeclaration.updateMany({
      where: { applicationId: id, userId: sara.id },
      data: { status: "CONFIRMED" },
    });
    await expect(grantForOfficer(sara, id)).rejects.toBeInstanceOf(NotFound);
    await db.conflictDeclaration.updateMany({
      where: { applicationId: id, userId: sara.id },
      data: { status: "LIFTED" },
    });
    expect((await grantForOfficer(sara, id)).id).toBe(id);
    // Follow-up does not require a declaration first (docs/domain.md §5): only a declared conflict blocks.
    const newcomer = await makeUser(["REVIEWER"]);
    expect((await grantForOfficer(newcomer, id)).id).toBe(id);
  });

  it("leaves the grant out of the payment file of an admin with a declared conflict, and does not let them open or pay a file with it", async () => {
    const { officer, id } = await approvedGrant();
    const grant = await grantForOfficer(officer, id);
    const first = grant.instalments[0].id;
    await releaseInstalment(officer, first);
    await attestInstalment(await makeUser(["DECIDER"]), first);
    const admin = await conflicted(id, ["ADMIN"]);
    // Nothing else is attested in this database's grants of the conflicted admin: nothing to pay.
    const own = await createPaymentFile(admin, {}).catch((e: unknown) => e);
    if (typeof own === "string") {
      const csv = (await paymentFileDownload(admin, own, "csv")).data.toString("utf8");
      expect(csv).not.toContain(grant.referenceNumber);
    }
    expect((await db.instalment.findUniqueOrThrow({ where: { id: first } })).status).toBe(
      "ATTESTED",
    );
    const other = await makeUser(["ADMIN"]);
    const fileId = await createPaymentFile(other, {});
    expect((await paymentFileDownload(other, fileId, "csv")).data.toString("utf8")).toContain(
      grant.referenceNumber,
    );
    await expect(paymentFileDownload(admin, fileId, "xml")).rejects.toBeInstanceOf(NotFound);
    await expect(markPaymentFilePaid(admin, fileId)).rejects.toBeInstanceOf(NotFound);
    expect((await db.instalment.findUniqueOrThrow({ where: { id: first } })).status).toBe(
      "EXPORTED",
    );
  });
});

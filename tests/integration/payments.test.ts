import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { validateXML } from "xmllint-wasm";
import { db } from "@/lib/server/db";
import { getForApplicant } from "@/lib/server/applications";
import { declareConflict } from "@/lib/server/review";
import {
  attestInstalment,
  cancelPaymentFile,
  createPaymentFile,
  decideRepayment,
  grantForOfficer,
  markPaymentFilePaid,
  overdueClaims,
  overdueInstalments,
  paymentFileDownload,
  paymentsOverview,
  proposeRepayment,
  recordRepaymentPayment,
  releaseInstalment,
} from "@/lib/server/follow-up";
import { listNotifications } from "@/lib/server/notifications";
import { Conflict, Forbidden, NotFound, RuleViolation } from "@/lib/server/errors";
import { parsePayoutAccount } from "@/lib/domain/org-number";
import { formatSek } from "@/lib/domain/format";
import type { Actor } from "@/lib/server/actor";
import { makeApprovedGrant, makeUser } from "../factories";

// Money out (docs/domain.md §5, payments and repayment claims): one test per transition and per
// refusal, the payment file against the official pain.001.001.03 schema, and two files at once.

const XSD = readFileSync(path.resolve(__dirname, "../fixtures/pain.001.001.03.xsd"), "utf8");

async function approvedGrant(amountSek = 900_000) {
  const grant = await makeApprovedGrant({
    amountSek,
    names: { officer: "Rut Frisläppare", decider: "Dan Attestant" },
  });
  return { ...grant, grant: await grantForOfficer(grant.officer, grant.id) };
}

/** A grant whose first instalment is released and attested, ready for a payment file. */
async function attested() {
  const g = await approvedGrant();
  const first = g.grant.instalments[0];
  await releaseInstalment(g.officer, first.id);
  await attestInstalment(g.decider, first.id);
  return { ...g, instalmentId: first.id };
}

const instalment = (id: string) => db.instalment.findUniqueOrThrow({ where: { id } });
const refusals = (actorId: string, action: string) =>
  db.auditEvent.findMany({ where: { actorId, action } });
const endToEndIds = (xml: string) =>
  [...xml.matchAll(/<EndToEndId>([^<]+)<\/EndToEndId>/g)].map((m) => m[1]);

/** Puts whatever earlier tests left attested into a file of its own, so a test sees only its own. */
async function drain() {
  await createPaymentFile(await makeUser(["ADMIN"]), {}).catch((e: unknown) => {
    if (!(e instanceof RuleViolation)) throw e;
  });
}

async function conflicted(applicationId: string, roles: Actor["roles"]) {
  const person = await makeUser(roles);
  await declareConflict(person, applicationId, {
    hasConflict: true,
    description: "Jag sitter i föreningens styrelse.",
  });
  return person;
}

describe("instalments: PLANNED → RELEASED → ATTESTED → EXPORTED → PAID", () => {
  it("records who and when at each step, and pays the grantee, who is told in the app and by mail", async () => {
    const { applicant, officer, decider, id, instalmentId, grant } = await attested();
    let row = await instalment(instalmentId);
    expect(row).toMatchObject({
      status: "ATTESTED",
      releasedById: officer.id,
      attestedById: decider.id,
    });
    expect(row.releasedAt).toBeInstanceOf(Date);
    expect(row.attestedAt).toBeInstanceOf(Date);

    const admin = await makeUser(["ADMIN"], "Ada Ekonom");
    const fileId = await createPaymentFile(admin, {});
    row = await instalment(instalmentId);
    expect(row).toMatchObject({ status: "EXPORTED", paymentFileId: fileId });
    expect(row.exportedAt).toBeInstanceOf(Date);

    await markPaymentFilePaid(admin, fileId);
    row = await instalment(instalmentId);
    expect(row).toMatchObject({ status: "PAID", paidById: admin.id });
    expect(row.paidAt).toBeInstanceOf(Date);
    const file = await db.paymentFile.findUniqueOrThrow({ where: { id: fileId } });
    expect(file).toMatchObject({ status: "PAID", paidById: admin.id });

    const notes = await listNotifications(applicant);
    expect(notes.find((n) => n.kind === "instalment_paid")?.title).toContain(
      `Delbetalning 1 för ${grant.referenceNumber} är utbetald`,
    );
    expect(
      await db.mailMessage.count({
        where: {
          to: applicant.email,
          dedupeKey: { startsWith: `instalment-paid:${instalmentId}` },
        },
      }),
    ).toBe(1);
    const actions = (
      await db.auditEvent.findMany({ where: { entityId: { in: [instalmentId, fileId] } } })
    ).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "instalment.released",
        "instalment.attested",
        "instalment.exported",
        "instalment.paid",
        "export.payment_file",
        "payment_file.paid",
      ]),
    );
    // Paid is final: the file can be neither paid again nor cancelled.
    await expect(markPaymentFilePaid(admin, fileId)).rejects.toBeInstanceOf(Conflict);
    await expect(cancelPaymentFile(admin, fileId, "Fel fil skickades.")).rejects.toBeInstanceOf(
      Conflict,
    );
    expect((await getForApplicant(applicant, id)).instalments[0].status).toBe("PAID");
  });

  it("refuses the person who released an instalment when they try to attest it, and logs the refusal", async () => {
    const { officer, grant, id } = await approvedGrant();
    const first = grant.instalments[0].id;
    await releaseInstalment(officer, first);
    const error = await attestInstalment(officer, first).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Forbidden);
    expect((error as Error).message).toContain("En annan person måste attestera");
    expect((await instalment(first)).status).toBe("RELEASED");
    const [entry] = await refusals(officer.id, "instalment.attest_refused");
    expect(entry).toMatchObject({ entityType: "Application", entityId: id });
    expect(entry.meta).toMatchObject({ reason: "IS_RELEASER" });
    // An admin who released is refused the same way.
    const admin = await makeUser(["ADMIN"]);
    const second = grant.instalments[1].id;
    await db.instalment.update({
      where: { id: second },
      data: { status: "RELEASED", releasedById: admin.id, releasedAt: new Date() },
    });
    await expect(attestInstalment(admin, second)).rejects.toBeInstanceOf(Forbidden);
  });

  it("refuses to attest what is not released, or already attested", async () => {
    const { officer, decider, grant } = await approvedGrant();
    const first = grant.instalments[0].id;
    await expect(attestInstalment(decider, first)).rejects.toBeInstanceOf(Conflict);
    await releaseInstalment(officer, first);
    await attestInstalment(decider, first);
    await expect(attestInstalment(await makeUser(["ADMIN"]), first)).rejects.toBeInstanceOf(
      Conflict,
    );
  });

  it("gives an officer, decider or admin with a conflict of interest 'not found' for release, attest, payment files and claims, and logs each", async () => {
    const { officer, decider, grant, id } = await approvedGrant();
    const first = grant.instalments[0].id;
    const sara = await conflicted(id, ["REVIEWER"]);
    await expect(releaseInstalment(sara, first)).rejects.toBeInstanceOf(NotFound);
    await releaseInstalment(officer, first);
    await expect(attestInstalment(sara, first)).rejects.toBeInstanceOf(NotFound);
    expect((await instalment(first)).status).toBe("RELEASED");

    await proposeRepayment(officer, id, {
      amountSek: 10_000,
      reasons: "Medel som inte har använts.",
      dueDate: "2030-01-31",
    });
    const claim = await db.repaymentClaim.findFirstOrThrow({ where: { applicationId: id } });
    const conflictedDecider = await conflicted(id, ["DECIDER"]);
    await expect(
      decideRepayment(conflictedDecider, claim.id, { decision: "CLAIM", note: "" }),
    ).rejects.toBeInstanceOf(NotFound);
    expect((await db.repaymentClaim.findUniqueOrThrow({ where: { id: claim.id } })).status).toBe(
      "PROPOSED",
    );

    await attestInstalment(decider, first);
    const admin = await makeUser(["ADMIN"]);
    const fileId = await createPaymentFile(admin, {});
    const conflictedAdmin = await conflicted(id, ["ADMIN"]);
    await expect(
      cancelPaymentFile(conflictedAdmin, fileId, "Jag vill stoppa den."),
    ).rejects.toBeInstanceOf(NotFound);
    await expect(markPaymentFilePaid(conflictedAdmin, fileId)).rejects.toBeInstanceOf(NotFound);
    expect(
      (await paymentsOverview(conflictedAdmin)).files.find((f) => f.id === fileId),
    ).toMatchObject({ conflicted: true });

    const denied = await db.auditEvent.findMany({
      where: {
        actorId: { in: [sara.id, conflictedDecider.id, conflictedAdmin.id] },
        action: "access.denied",
      },
    });
    expect(denied.map((e) => (e.meta as { what: string }).what).sort()).toEqual(
      [
        "instalment.release",
        "instalment.attest",
        "repayment.decide",
        "payments.cancel_file",
        "payments.mark_paid",
      ].sort(),
    );
    for (const e of denied) expect(e.meta).toMatchObject({ reason: "conflict" });
  });
});

describe("payment files", () => {
  it("never exports the same instalment twice: a second file finds nothing, a cancelled file's instalments go to the next one", async () => {
    await drain();
    const { instalmentId } = await attested();
    const admin = await makeUser(["ADMIN"]);
    const first = await createPaymentFile(admin, {});
    const again = await createPaymentFile(admin, {}).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(RuleViolation);
    expect((again as RuleViolation).problems[0].code).toBe("NOTHING_TO_PAY");
    expect((await instalment(instalmentId)).paymentFileId).toBe(first);

    // Even written straight to the database, an exported instalment is not taken again.
    await expect(createPaymentFile(await makeUser(["ADMIN"]), {})).rejects.toBeInstanceOf(
      RuleViolation,
    );

    await cancelPaymentFile(admin, first, "Fel betalningsdag i banken.");
    expect(await instalment(instalmentId)).toMatchObject({
      status: "ATTESTED",
      paymentFileId: null,
    });
    const cancelled = await db.paymentFile.findUniqueOrThrow({ where: { id: first } });
    expect(cancelled).toMatchObject({
      status: "CANCELLED",
      cancelledById: admin.id,
      cancelReason: "Fel betalningsdag i banken.",
      cancelledIds: [instalmentId],
    });
    const [logged] = await db.auditEvent.findMany({
      where: { entityId: first, action: "payment_file.cancelled" },
    });
    expect(logged.after).toMatchObject({ status: "CANCELLED", count: 1 });
    await expect(markPaymentFilePaid(admin, first)).rejects.toBeInstanceOf(Conflict);

    const second = await createPaymentFile(admin, {});
    expect((await instalment(instalmentId)).paymentFileId).toBe(second);
    expect(endToEndIds((await paymentFileDownload(admin, second, "xml")).data.toString())).toEqual([
      instalmentId,
    ]);
  });

  it("puts no instalment in two files when two admins create files at the same moment", async () => {
    await drain();
    const grants = await Promise.all([attested(), attested(), attested(), attested()]);
    const expected = grants.map((g) => g.instalmentId).sort();
    const [anna, bo] = await Promise.all([makeUser(["ADMIN"]), makeUser(["ADMIN"])]);
    for (let round = 0; round < 3; round++) {
      const results = await Promise.allSettled([
        createPaymentFile(anna, {}),
        createPaymentFile(bo, {}),
      ]);
      const files = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
      for (const r of results)
        if (r.status === "rejected") expect(r.reason).toBeInstanceOf(RuleViolation);
      expect(files.length).toBeGreaterThan(0);
      const inFiles = (
        await Promise.all(
          files.map(async (f) =>
            endToEndIds((await paymentFileDownload(anna, f, "xml")).data.toString()),
          ),
        )
      ).flat();
      // Every instalment in exactly one file, and each file's XML lists just its own instalments.
      expect([...inFiles].sort()).toEqual(expected);
      for (const f of files)
        expect(
          (await db.instalment.findMany({ where: { paymentFileId: f } })).map((i) => i.id).sort(),
        ).toEqual(endToEndIds((await paymentFileDownload(anna, f, "xml")).data.toString()).sort());
      // Cancel and go again, so the race runs more than once.
      for (const f of files) await cancelPaymentFile(anna, f, "Provkörning av samtidighet.");
    }
  });

  it("takes only instalments due up to a day when asked", async () => {
    await drain();
    const { instalmentId, grant } = await attested();
    const admin = await makeUser(["ADMIN"]);
    const due = grant.instalments[0].dueDate.toISOString().slice(0, 10);
    const before = new Date(grant.instalments[0].dueDate.getTime() - 86_400_000)
      .toISOString()
      .slice(0, 10);
    await expect(createPaymentFile(admin, { upTo: before })).rejects.toBeInstanceOf(RuleViolation);
    const fileId = await createPaymentFile(admin, { upTo: due });
    expect((await instalment(instalmentId)).paymentFileId).toBe(fileId);
  });

  it("is ISO 20022 pain.001.001.03 that validates against the official schema, to bankgiro and plusgiro, downloaded byte for byte", async () => {
    await drain();
    const bg = await attested();
    const pg = await attested();
    const plusgiro = "4774-6";
    expect(parsePayoutAccount("PLUSGIRO", plusgiro).ok).toBe(true);
    await db.organisation.update({
      where: { id: pg.grant.organisationId },
      data: { payoutType: "PLUSGIRO", payoutAccount: plusgiro, name: "Föreningen <Ström> & Co" },
    });
    const admin = await makeUser(["ADMIN"]);
    const fileId = await createPaymentFile(admin, {});
    const stored = await db.paymentFile.findUniqueOrThrow({ where: { id: fileId } });
    const download = await paymentFileDownload(admin, fileId, "xml");
    expect(Buffer.compare(download.data, Buffer.from(stored.xml))).toBe(0);
    expect(createHash("sha256").update(download.data).digest("hex")).toBe(stored.sha256);
    const again = await paymentFileDownload(admin, fileId, "xml");
    expect(Buffer.compare(again.data, download.data)).toBe(0);

    const xml = download.data.toString("utf8");
    const result = await validateXML({
      xml: [{ fileName: "betalfil.xml", contents: xml }],
      schema: [{ fileName: "pain.001.001.03.xsd", contents: XSD }],
    });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);

    expect(xml).toContain(`<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03">`);
    expect(xml).toContain(`<NbOfTxs>2</NbOfTxs>`);
    expect(xml).toContain(`<CtrlSum>600000.00</CtrlSum>`);
    expect(xml).toContain(`<InstdAmt Ccy="SEK">300000.00</InstdAmt>`);
    // Bankgiro: proprietary scheme BGNR via clearing 9900; plusgiro: BBAN via clearing 9960.
    expect(xml).toMatch(
      /<MmbId>9900<\/MmbId>[\s\S]*?<Id>54029681<\/Id>\s*<SchmeNm>\s*<Prtry>BGNR<\/Prtry>/,
    );
    expect(xml).toMatch(/<MmbId>9960<\/MmbId>[\s\S]*?<Id>47746<\/Id>\s*<SchmeNm>\s*<Cd>BBAN<\/Cd>/);
    expect(xml).toContain("<Nm>Föreningen &lt;Ström&gt; &amp; Co</Nm>");
    expect(xml).toContain(
      `<Ustrd>Dnr ${bg.grant.referenceNumber} delbetalning 1 statsbidrag</Ustrd>`,
    );
    expect(xml).toContain(`<EndToEndId>${pg.instalmentId}</EndToEndId>`);

    const csv = (await paymentFileDownload(admin, fileId, "csv")).data.toString("utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    // For people: semicolons, as Swedish Excel opens it.
    expect(csv).toContain(`"${pg.grant.referenceNumber}";1;"Föreningen <Ström> & Co"`);
    expect(csv).toContain(`"Plusgiro";"4774-6";300000;`);
    expect(csv).toContain(`"Rut Frisläppare";"Dan Attestant"`);
    // Non-admins get "not found".
    await expect(paymentFileDownload(bg.officer, fileId, "xml")).rejects.toBeInstanceOf(NotFound);
  });
});

describe("overdue", () => {
  it("flags planned instalments past their date, but not the due day itself", async () => {
    const { officer, grant } = await approvedGrant();
    const first = grant.instalments[0];
    const due = first.dueDate.toISOString().slice(0, 10);
    const after = new Date(first.dueDate.getTime() + 86_400_000).toISOString().slice(0, 10);
    expect((await overdueInstalments(officer, due)).map((i) => i.id)).not.toContain(first.id);
    expect((await overdueInstalments(officer, after)).map((i) => i.id)).toContain(first.id);
    await releaseInstalment(officer, first.id);
    expect((await overdueInstalments(officer, after)).map((i) => i.id)).not.toContain(first.id);
  });
});

describe("repayment claims (återkrav): proposed by an officer, decided by a second person", () => {
  it("refuses the proposer, lets a decider decide, shows the grantee the decided claim, records payments and flags it when overdue", async () => {
    const { applicant, officer, id } = await approvedGrant();
    await proposeRepayment(officer, id, {
      amountSek: 60_000,
      reasons: "Lokalhyran betalades av kommunen.",
      dueDate: "2030-03-31",
    });
    const claim = await db.repaymentClaim.findFirstOrThrow({ where: { applicationId: id } });
    expect(claim).toMatchObject({ status: "PROPOSED", createdById: officer.id });
    expect((await getForApplicant(applicant, id)).repaymentClaims).toEqual([]);

    // The proposer, given the decider role too, is still refused; the refusal is logged.
    const proposer = { ...officer, roles: [...officer.roles, "DECIDER" as const] };
    const error = await decideRepayment(proposer, claim.id, { decision: "CLAIM", note: "" }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Forbidden);
    const [entry] = await refusals(officer.id, "repayment.decision_refused");
    expect(entry.meta).toMatchObject({ reason: "IS_PROPOSER" });
    // A reviewer may not decide at all.
    await expect(
      decideRepayment(await makeUser(["REVIEWER"]), claim.id, { decision: "CLAIM", note: "" }),
    ).rejects.toBeInstanceOf(NotFound);

    const decider = await makeUser(["DECIDER"]);
    await decideRepayment(decider, claim.id, {
      decision: "CLAIM",
      note: "Enligt slutredovisningen.",
    });
    expect(await db.repaymentClaim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({
      status: "CLAIMED",
      decidedById: decider.id,
      decisionNote: "Enligt slutredovisningen.",
    });
    await expect(
      decideRepayment(await makeUser(["DECIDER"]), claim.id, { decision: "REJECT", note: "" }),
    ).rejects.toBeInstanceOf(Conflict);
    const seen = (await getForApplicant(applicant, id)).repaymentClaims;
    expect(seen.map((c) => [c.amountSek, c.dueDate.toISOString().slice(0, 10)])).toEqual([
      [60_000, "2030-03-31"],
    ]);
    expect((await listNotifications(applicant)).map((n) => n.title)).toContain(
      `Beslut om återkrav för ${(await grantForOfficer(officer, id)).referenceNumber}: ${formatSek(60_000)}`,
    );

    expect((await overdueClaims(officer, "2030-03-31")).map((c) => c.id)).not.toContain(claim.id);
    expect((await overdueClaims(officer, "2030-04-01")).map((c) => c.id)).toContain(claim.id);

    const finance = await makeUser(["ADMIN"]);
    await expect(
      recordRepaymentPayment(officer, claim.id, { amountSek: 1, receivedOn: "2030-03-01" }),
    ).rejects.toBeInstanceOf(NotFound);
    await recordRepaymentPayment(finance, claim.id, {
      amountSek: 20_000,
      receivedOn: "2030-03-01",
    });
    await expect(
      recordRepaymentPayment(finance, claim.id, { amountSek: 50_000, receivedOn: "2030-03-02" }),
    ).rejects.toBeInstanceOf(RuleViolation);
    expect((await overdueClaims(officer, "2030-04-01")).map((c) => c.id)).toContain(claim.id);
    await recordRepaymentPayment(finance, claim.id, {
      amountSek: 40_000,
      receivedOn: "2030-03-20",
    });
    expect((await db.repaymentClaim.findUniqueOrThrow({ where: { id: claim.id } })).status).toBe(
      "PAID",
    );
    expect((await overdueClaims(officer, "2030-04-01")).map((c) => c.id)).not.toContain(claim.id);
    expect(
      (await db.auditEvent.findMany({ where: { entityId: claim.id } })).map((e) => e.action),
    ).toEqual(
      expect.arrayContaining([
        "repayment.proposed",
        "repayment.claimed",
        "repayment.payment_recorded",
      ]),
    );
  });

  it("lets a decider reject a proposal, which the grantee never sees", async () => {
    const { applicant, officer, id } = await approvedGrant();
    await proposeRepayment(officer, id, {
      amountSek: 5_000,
      reasons: "Osäker redovisning av material.",
      dueDate: "2030-03-31",
    });
    const claim = await db.repaymentClaim.findFirstOrThrow({ where: { applicationId: id } });
    await decideRepayment(await makeUser(["DECIDER"]), claim.id, {
      decision: "REJECT",
      note: "Kvitton finns.",
    });
    expect((await db.repaymentClaim.findUniqueOrThrow({ where: { id: claim.id } })).status).toBe(
      "REJECTED",
    );
    expect((await getForApplicant(applicant, id)).repaymentClaims).toEqual([]);
    await expect(
      recordRepaymentPayment(await makeUser(["ADMIN"]), claim.id, {
        amountSek: 5_000,
        receivedOn: "2030-03-01",
      }),
    ).rejects.toBeInstanceOf(Conflict);
  });
});

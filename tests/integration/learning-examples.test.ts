import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { declareConflict } from "@/lib/server/review";
import {
  approveExample,
  examplesOpenData,
  listPublishedExamples,
  publishedExample,
  requestExampleChanges,
  saveExampleDraft,
  submitExample,
  unpublishExample,
} from "@/lib/server/learning-examples";
import { listApprovedGrants } from "@/lib/server/grants";
import { Conflict, Forbidden, NotFound } from "@/lib/server/errors";
import { listNotifications } from "@/lib/server/notifications";
import { makeApprovedGrant, makeUser } from "../factories";

// Learning examples (docs/domain.md §8) against a real PostgreSQL: the grantee's draft saved part
// by part with personal data refused, the officer's review, the audit log, and the public list
// with Swedish full-text search.

async function grantWithFinalReport(title: string) {
  const { applicant, officer, id } = await makeApprovedGrant({ amountSek: 100_000, title });
  const report = await db.followUpReport.findFirstOrThrow({
    where: { applicationId: id, kind: "FINAL" },
  });
  return { applicant, officer, id, reportId: report.id };
}

const texts = (word: string) => ({
  place: "Ett bostadsområde i Hjällbo med många unga familjer.",
  purpose: `Vi ville ge barnen ${word} och föräldrarna en mötesplats.`,
  process: "Tre kvällar i veckan i skolans bibliotek, tillsammans med fritidsgården.",
  results: "Fler barn klarar målen i matematik.",
  lessons: "Föräldrarna kom när barnen var med.",
});

describe("learning examples", () => {
  it("saves each valid part, refuses personal data, and keeps the consent", async () => {
    const g = await grantWithFinalReport("Läxhjälp i Hjällbo");
    const first = await saveExampleDraft(g.applicant, g.reportId, 0, {
      ...texts("läxhjälpen"),
      process: "Ring samordnaren på 070-123 45 67.",
      results: "Skriv till samordnare@forening.se",
      lessons: "Ledaren 850709-1234 höll i det.",
      consent: true,
    });
    expect(first.version).toBe(1);
    expect(Object.keys(first.errors).sort()).toEqual(["lessons", "process", "results"]);
    let stored = await db.learningExample.findUniqueOrThrow({ where: { reportId: g.reportId } });
    expect(stored).toMatchObject({ process: "", results: "", lessons: "", status: "DRAFT" });
    expect(stored.purpose).toContain("läxhjälpen");
    expect(stored.consentedAt).not.toBeNull();

    const second = await saveExampleDraft(g.applicant, g.reportId, 1, {
      ...texts("läxhjälpen"),
      consent: false,
    });
    expect(second).toEqual({ version: 2, errors: {} });
    stored = await db.learningExample.findUniqueOrThrow({ where: { reportId: g.reportId } });
    expect(stored.consentedAt).toBeNull();
    // A stale copy does not overwrite a newer one.
    await expect(
      saveExampleDraft(g.applicant, g.reportId, 1, { ...texts("x"), consent: false }),
    ).rejects.toBeInstanceOf(Conflict);
  });

  it("is written only by the grantee's members, and only on a final report", async () => {
    const g = await grantWithFinalReport("Trygga kvällar");
    const stranger = await makeUser();
    await expect(
      saveExampleDraft(stranger, g.reportId, 0, { ...texts("x"), consent: true }),
    ).rejects.toBeInstanceOf(NotFound);
    const progress = await db.followUpReport.findFirst({
      where: { applicationId: g.id, kind: "PROGRESS" },
    });
    if (progress)
      await expect(
        saveExampleDraft(g.applicant, progress.id, 0, { ...texts("x"), consent: true }),
      ).rejects.toBeInstanceOf(NotFound);
    await expect(approveExample(stranger, "finns-inte")).rejects.toBeInstanceOf(NotFound);
  });

  it("goes from the grantee through the officer to the public list, and back off it, all in the log", async () => {
    const g = await grantWithFinalReport("Läxhjälp och föräldracafé i Hammarkullen");
    await submitExample(g.applicant, g.reportId, 0, { ...texts("läxhjälpen"), consent: true });
    const example = await db.learningExample.findUniqueOrThrow({ where: { reportId: g.reportId } });
    expect(example.status).toBe("SUBMITTED");
    // Sent in, the grantee cannot change it until the officer asks.
    await expect(
      saveExampleDraft(g.applicant, g.reportId, example.version, { ...texts("x"), consent: true }),
    ).rejects.toBeInstanceOf(Forbidden);
    expect(await listPublishedExamples({ q: "Hammarkullen" })).toMatchObject({ count: 0 });

    // The officer asks for changes; the grantee is told, changes and sends again.
    await requestExampleChanges(g.officer, example.id, "Ta bort skolans namn, tack.");
    const notes = await listNotifications(g.applicant);
    expect(notes[0]).toMatchObject({
      kind: "example_changes",
      body: "Ta bort skolans namn, tack.",
    });
    const mail = await db.mailMessage.findFirst({
      where: { to: g.applicant.email, subject: { startsWith: "Ändra sammanfattningen" } },
    });
    expect(mail?.text).toContain("Ta bort skolans namn, tack.");
    const back = await db.learningExample.findUniqueOrThrow({ where: { id: example.id } });
    const { version } = await saveExampleDraft(g.applicant, g.reportId, back.version, {
      ...texts("läxhjälpen"),
      consent: true,
    });
    await submitExample(g.applicant, g.reportId, version, {
      ...texts("läxhjälpen"),
      consent: true,
    });

    await approveExample(g.officer, example.id);
    // Inflected forms find their words: "läxhjälp" finds "läxhjälpen", "föräldracaféer" the title's "föräldracafé".
    for (const q of ["läxhjälp", "föräldracaféer", "Hammarkullen"]) {
      const found = await listPublishedExamples({ q });
      expect(
        found.examples.map((e) => e.id),
        q,
      ).toContain(example.id);
    }
    expect((await listPublishedExamples({ q: "simskola" })).examples).toEqual([]);
    const shown = await publishedExample(example.id);
    expect(shown).toMatchObject({
      title: "Läxhjälp och föräldracafé i Hammarkullen",
      lessons: texts("x").lessons,
    });
    const [grant] = (await listApprovedGrants({ reference: shown.referenceNumber! })).grants;
    expect(grant.exampleId).toBe(example.id);
    const open = await examplesOpenData({ q: "läxhjälp" });
    expect(open.examples.find((e) => e.id === example.id)).toMatchObject({
      referenceNumber: shown.referenceNumber,
      purpose: texts("läxhjälpen").purpose,
    });

    await unpublishExample(g.officer, example.id, "Bidragsmottagaren bad oss ta bort exemplet.");
    await expect(publishedExample(example.id)).rejects.toBeInstanceOf(NotFound);
    expect(
      (await listPublishedExamples({ q: "läxhjälp" })).examples.map((e) => e.id),
    ).not.toContain(example.id);
    await expect(approveExample(g.officer, example.id)).rejects.toBeInstanceOf(Forbidden);

    const log = await db.auditEvent.findMany({
      where: { entityType: "LearningExample", entityId: example.id },
      orderBy: { at: "asc" },
    });
    expect(log.map((e) => e.action)).toEqual([
      "learning_example.submitted",
      "learning_example.changes_requested",
      "learning_example.submitted",
      "learning_example.published",
      "learning_example.unpublished",
    ]);
    expect(log[3].after).toMatchObject({ status: "PUBLISHED", noIndividualsNamed: true });
    expect(log[4].after).toMatchObject({ reason: "Bidragsmottagaren bad oss ta bort exemplet." });
  });

  it("is not reviewed by an officer with a conflict of interest, nor by an applicant", async () => {
    const g = await grantWithFinalReport("Mötesplats i Gottsunda");
    await submitExample(g.applicant, g.reportId, 0, { ...texts("möten"), consent: true });
    const example = await db.learningExample.findUniqueOrThrow({ where: { reportId: g.reportId } });
    const conflicted = await makeUser(["REVIEWER"]);
    await declareConflict(conflicted, g.id, { hasConflict: true, description: "Styrelseledamot" });
    await expect(approveExample(conflicted, example.id)).rejects.toBeInstanceOf(NotFound);
    await expect(approveExample(g.applicant, example.id)).rejects.toBeInstanceOf(NotFound);
    const denied = await db.auditEvent.count({
      where: { action: "access.denied", entityId: g.id },
    });
    expect(denied).toBeGreaterThanOrEqual(1);
    expect((await db.learningExample.findUniqueOrThrow({ where: { id: example.id } })).status).toBe(
      "SUBMITTED",
    );
  });

  it("pages the public list by keyset, newest first, and filters it", async () => {
    const ids: string[] = [];
    for (const [i, word] of ["cykelkök", "cykelkurser", "cykelverkstad"].entries()) {
      const g = await grantWithFinalReport(`Cykelprojekt ${i}`);
      await submitExample(g.applicant, g.reportId, 0, { ...texts(word), consent: true });
      const e = await db.learningExample.findUniqueOrThrow({ where: { reportId: g.reportId } });
      await approveExample(g.officer, e.id);
      ids.push(e.id);
    }
    const first = await listPublishedExamples({ q: "Cykelprojekt" }, 2);
    expect(first.count).toBe(3);
    expect(first.examples.map((e) => e.id)).toEqual([ids[2], ids[1]]);
    const second = await listPublishedExamples({ q: "Cykelprojekt", after: first.next! }, 2);
    expect(second.examples.map((e) => e.id)).toEqual([ids[0]]);
    expect(second.next).toBeNull();
    // A tampered cursor gives the first page, never an error.
    const tampered = await listPublishedExamples({ q: "Cykelprojekt", after: "bm90LWpzb24" }, 2);
    expect(tampered.examples.map((e) => e.id)).toEqual([ids[2], ids[1]]);
    const { track, municipalityCode, year } = await publishedExample(ids[0]);
    const filtered = await listPublishedExamples({
      q: "Cykelprojekt",
      track: track!,
      municipality: municipalityCode!,
      county: municipalityCode!.slice(0, 2),
      year: year!,
    });
    expect(filtered.count).toBe(3);
    expect((await listPublishedExamples({ q: "Cykelprojekt", year: 2019 })).count).toBe(0);
  });
});

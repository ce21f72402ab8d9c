import { describe, expect, it } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import { PDFDocument } from "pdf-lib";
import { db } from "@/lib/server/db";
import { submitApplication } from "@/lib/server/applications";
import {
  assign,
  completeFormalCheck,
  decide,
  declareConflict,
  decisionLetterFile,
  proposeDecision,
  saveReview,
} from "@/lib/server/review";
import { CRITERIA } from "@/lib/domain/review";
import { MISSING_GLYPH, PdfText, textRuns } from "@/lib/server/pdf-text";
import { makeDraft, makeOrganisation, makeUser } from "../factories";

// Decision letters for every name: the letter is made by the decision itself, and its text, read
// back with a PDF text extractor, holds the organisation's name exactly as it was written.

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), {
    mergePages: true,
  });
  return text;
}

/** An application from `organisation`, proposed by an officer and decided by a decider. */
async function decidedLetter(organisation: string, outcome: "APPROVE" | "REJECT") {
  const applicant = await makeUser();
  const org = await makeOrganisation(applicant, organisation);
  const draft = await makeDraft(applicant, { organisationId: org.id });
  await submitApplication(applicant, draft.id);
  const officer = await makeUser(["REVIEWER"], "Erik Föredragande");
  await declareConflict(officer, draft.id, { hasConflict: false });
  await assign(officer, draft.id);
  await completeFormalCheck(officer, draft.id, { passed: true, note: "" });
  await saveReview(officer, draft.id, {
    scores: CRITERIA.map((criterion) => ({ criterion, score: 4, comment: "" })),
    recommendation: outcome === "APPROVE" ? "APPROVE" : "REJECT",
    summary: "",
  });
  const reasons = `Motivering för ${organisation}.`;
  await proposeDecision(
    officer,
    draft.id,
    outcome === "APPROVE"
      ? { outcome: "APPROVED", amountSek: 250_000, reasons }
      : { outcome: "REJECTED", reasons },
  );
  const decider = await makeUser(["DECIDER"], "Maria Beslutsfattare");
  await declareConflict(decider, draft.id, { hasConflict: false });
  await decide(
    decider,
    draft.id,
    outcome === "APPROVE"
      ? { action: "APPROVE", amountSek: 250_000, reasons: "Väl förankrad ansökan." }
      : { action: "REJECT", reasons: "Andra ansökningar bedömdes högre." },
  );
  const decision = await db.decision.findFirstOrThrow({ where: { applicationId: draft.id } });
  const file = await decisionLetterFile(applicant, decision.id);
  return pdfText(file.data);
}

describe("decision letters for every name", () => {
  const names = [
    "Kulturförening Şahin – مرحبا",
    "Łódź",
    "Ørsted",
    "Культурное общество",
    "Förening 🌍",
  ];
  for (const [i, name] of names.entries())
    it(`writes "${name}" exactly, and names the decider and the presenting officer`, async () => {
      const text = await decidedLetter(name, i % 2 === 0 ? "APPROVE" : "REJECT");
      expect(text).toContain(name);
      expect(text).toContain(
        "Beslut i detta ärende har fattats av Maria Beslutsfattare efter föredragning av Erik Föredragande.",
      );
      expect(text).toContain(i % 2 === 0 ? "beviljar" : "avslår");
    });

  it("shapes Arabic right to left and keeps a multi-word Arabic phrase in one run", async () => {
    expect(textRuns("Förening مرحبا بكم")).toEqual([
      { font: 0, text: "Förening " },
      { font: 1, text: "مرحبا بكم" },
    ]);
    const pdf = await PDFDocument.create();
    const writer = new PdfText(pdf);
    await writer.draw(pdf.addPage(), "Förening مرحبا بكم", { x: 40, y: 700, size: 12 });
    expect(await pdfText(await pdf.save())).toContain("Förening مرحبا بكم");
  });

  it("writes a character that no font has as a visible placeholder instead of failing", async () => {
    const text = await decidedLetter("Förening 中文 \u0007Ω", "APPROVE");
    expect(text).toContain(`Förening ${MISSING_GLYPH}${MISSING_GLYPH} Ω`);
  });
});

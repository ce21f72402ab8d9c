// The decision letter (beslutsbrev). No "server-only" marker: the seed renders the demo letters.
// Every character of every name is written (lib/server/pdf-text.ts: a Unicode font stack).
import { PDFDocument } from "pdf-lib";
import { formatDate, formatSek } from "@/lib/domain/format";
import { TRACK_LABELS, VARIANT_LABELS } from "@/lib/domain/labels";
import { PdfText, type Weight } from "./pdf-text";

export type DecisionLetterInput = {
  referenceNumber: string;
  organisation: { name: string; orgNumber: string; address: string };
  title: string;
  track: keyof typeof TRACK_LABELS;
  variant: keyof typeof VARIANT_LABELS | null;
  outcome: "APPROVED" | "REJECTED";
  amountSek: number | null;
  requestedSek: number;
  period: { start: Date | null; end: Date | null };
  reasons: string;
  decidedOn: Date;
  /** Who decided (beslutande) and who presented the case (föredragande: the proposing officer). */
  decider: string;
  presenter: string;
  finalReportDue: Date | null;
};

/** The decision letter (beslutsbrev) in Swedish, as PDF bytes. */
export async function renderDecisionLetter(d: DecisionLetterInput): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Beslut ${d.referenceNumber}`);
  pdf.setAuthor("Delegationen mot segregation");
  pdf.setLanguage("sv-SE");
  const text = new PdfText(pdf);
  let page = pdf.addPage([595, 842]);
  const margin = 60;
  const width = 595 - 2 * margin;
  let y = 780;
  const write = async (
    content: string,
    options: { weight?: Weight; size?: number; gap?: number } = {},
  ) => {
    const size = options.size ?? 11;
    for (const line of await text.wrap(content, size, width, options.weight)) {
      if (y < 70) {
        page = pdf.addPage([595, 842]);
        y = 780;
      }
      await text.draw(page, line, { x: margin, y, size, weight: options.weight });
      y -= size * 1.45;
    }
    y -= options.gap ?? 4;
  };

  await write("Delegationen mot segregation", { weight: "bold", size: 12 });
  await write(`Beslut ${formatDate(d.decidedOn)}`, { gap: 2 });
  await write(`Diarienummer ${d.referenceNumber}`, { gap: 18 });
  await write(d.organisation.name, { weight: "bold" });
  await write(`Organisationsnummer ${d.organisation.orgNumber}`);
  await write(d.organisation.address, { gap: 20 });
  await write(`Beslut om statsbidrag: ${d.title}`, { weight: "bold", size: 15, gap: 10 });
  await write(
    `Inriktning: ${TRACK_LABELS[d.track]}${d.variant ? ` (${VARIANT_LABELS[d.variant]})` : ""}`,
  );
  if (d.period.start && d.period.end)
    await write(`Projektperiod: ${formatDate(d.period.start)} till ${formatDate(d.period.end)}`);
  await write(`Sökt belopp: ${formatSek(d.requestedSek)}`, { gap: 14 });
  await write("Beslut", { weight: "bold", size: 13 });
  await write(
    d.outcome === "APPROVED"
      ? `Delegationen mot segregation beviljar ${d.organisation.name} statsbidrag med ${formatSek(d.amountSek ?? 0)} enligt förordningen (2018:119) om statsbidrag till vissa ideella organisationer för att minska och motverka segregation.`
      : `Delegationen mot segregation avslår ansökan om statsbidrag från ${d.organisation.name}.`,
    { gap: 14 },
  );
  await write("Skäl för beslutet", { weight: "bold", size: 13 });
  await write(d.reasons, { gap: 14 });
  if (d.outcome === "APPROVED") {
    await write("Villkor", { weight: "bold", size: 13 });
    await write(
      "Bidraget får bara användas för det ändamål som anges i ansökan. Bidraget betalas ut i delbetalningar; en senare delbetalning förutsätter en godkänd lägesrapport.",
    );
    await write(
      d.finalReportDue
        ? `En slutredovisning ska lämnas senast ${formatDate(d.finalReportDue)}. Medel som inte har använts eller som har använts felaktigt kan krävas tillbaka.`
        : "Medel som inte har använts eller som har använts felaktigt kan krävas tillbaka.",
      { gap: 14 },
    );
  }
  await write("Hur man överklagar", { weight: "bold", size: 13 });
  await write("Beslutet kan enligt förordningen inte överklagas.", { gap: 20 });
  await write(
    `Beslut i detta ärende har fattats av ${d.decider} efter föredragning av ${d.presenter}.`,
  );
  return pdf.save();
}

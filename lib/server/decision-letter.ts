import "server-only";
import { PDFDocument, StandardFonts, rgb, type PDFFont } from "pdf-lib";
import { formatDate, formatSek } from "@/lib/domain/format";
import { TRACK_LABELS, VARIANT_LABELS } from "@/lib/domain/labels";

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
  decider: string;
  finalReportDue: Date | null;
};

/** Wraps text to the page width (the standard fonts cover Swedish letters). */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\n/)) {
    let line = "";
    for (const word of paragraph.split(/\s+/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) > width && line) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    lines.push(line);
  }
  return lines;
}

/** The decision letter (beslutsbrev) in Swedish, as PDF bytes. */
export async function renderDecisionLetter(d: DecisionLetterInput): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Beslut ${d.referenceNumber}`);
  pdf.setAuthor("Delegationen mot segregation");
  pdf.setLanguage("sv-SE");
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let page = pdf.addPage([595, 842]);
  const margin = 60;
  const width = 595 - 2 * margin;
  let y = 780;
  const write = (text: string, options: { font?: PDFFont; size?: number; gap?: number } = {}) => {
    const font = options.font ?? regular;
    const size = options.size ?? 11;
    for (const line of wrap(text, font, size, width)) {
      if (y < 70) {
        page = pdf.addPage([595, 842]);
        y = 780;
      }
      page.drawText(line, { x: margin, y, size, font, color: rgb(0.1, 0.1, 0.1) });
      y -= size * 1.45;
    }
    y -= options.gap ?? 4;
  };

  write("Delegationen mot segregation", { font: bold, size: 12 });
  write(`Beslut ${formatDate(d.decidedOn)}`, { gap: 2 });
  write(`Diarienummer ${d.referenceNumber}`, { gap: 18 });
  write(d.organisation.name, { font: bold });
  write(`Organisationsnummer ${d.organisation.orgNumber}`);
  write(d.organisation.address, { gap: 20 });
  write(`Beslut om statsbidrag: ${d.title}`, { font: bold, size: 15, gap: 10 });
  write(
    `Inriktning: ${TRACK_LABELS[d.track]}${d.variant ? ` (${VARIANT_LABELS[d.variant]})` : ""}`,
  );
  if (d.period.start && d.period.end)
    write(`Projektperiod: ${formatDate(d.period.start)} till ${formatDate(d.period.end)}`);
  write(`Sökt belopp: ${formatSek(d.requestedSek)}`, { gap: 14 });
  write("Beslut", { font: bold, size: 13 });
  write(
    d.outcome === "APPROVED"
      ? `Delegationen mot segregation beviljar ${d.organisation.name} statsbidrag med ${formatSek(d.amountSek ?? 0)} enligt förordningen (2018:119) om statsbidrag till vissa ideella organisationer för att minska och motverka segregation.`
      : `Delegationen mot segregation avslår ansökan om statsbidrag från ${d.organisation.name}.`,
    { gap: 14 },
  );
  write("Skäl för beslutet", { font: bold, size: 13 });
  write(d.reasons, { gap: 14 });
  if (d.outcome === "APPROVED") {
    write("Villkor", { font: bold, size: 13 });
    write(
      "Bidraget får bara användas för det ändamål som anges i ansökan. Bidraget betalas ut i delbetalningar; en senare delbetalning förutsätter en godkänd lägesrapport.",
    );
    write(
      d.finalReportDue
        ? `En slutredovisning ska lämnas senast ${formatDate(d.finalReportDue)}. Medel som inte har använts eller som har använts felaktigt kan krävas tillbaka.`
        : "Medel som inte har använts eller som har använts felaktigt kan krävas tillbaka.",
      { gap: 14 },
    );
  }
  write("Hur man överklagar", { font: bold, size: 13 });
  write("Beslutet kan enligt förordningen inte överklagas.", { gap: 20 });
  write(`Beslutet har fattats av ${d.decider}.`);
  return pdf.save();
}

import "server-only";
import type { Readable } from "node:stream";
import { stringify } from "csv-stringify";
import { CSV_OPTIONS } from "../csv";
import { safeCell } from "@/lib/domain/grant-export";
import { formatDate, formatDecimal, formatSek } from "@/lib/domain/format";
import { TRACK_LABELS } from "@/lib/domain/labels";
import { runningTotals } from "@/lib/domain/meeting";
import { countyName } from "@/lib/reference/counties";
import type { BasisRow, DecisionBasis } from "./basis";
import { PdfReport } from "./pdf-table";

// The decision basis as files for the meeting: CSV (every text cell quoted and neutralised) and
// PDF. Both show the cases as proposed, with the running total against the frame and the line
// where the money runs out; a filter (track, county) narrows the rows, not the totals.

export type BasisFilter = { track?: string | null; county?: string | null };

/** The rows a filter shows (the totals still count every case). */
const filterBasis = (rows: readonly BasisRow[], f: BasisFilter) =>
  rows.filter((r) => (!f.track || r.track === f.track) && (!f.county || r.countyCode === f.county));

const SUPPORT = ["Nej", "Kommunen är partner", "Avsiktsförklaring från kommunen"];

function proposedLines(basis: DecisionBasis, filter: BasisFilter) {
  const totals = runningTotals(
    basis.rows.map((r) => ({
      id: r.id,
      action: r.hidden
        ? null
        : r.proposal?.outcome === "APPROVED"
          ? ("APPROVE" as const)
          : ("REJECT" as const),
      amountSek: r.proposal?.amountSek ?? 0,
    })),
    basis.frameLeftSek,
  );
  const at = new Map(totals.rows.map((t) => [t.id, t]));
  const shown = new Set(filterBasis(basis.rows, filter).map((r) => r.id));
  return {
    totals,
    lines: basis.rows
      .map((r, index) => ({ r, place: index + 1, t: at.get(r.id)! }))
      .filter((l) => shown.has(l.r.id)),
  };
}

const proposalText = (r: BasisRow) =>
  r.hidden
    ? "Jäv – visas inte"
    : r.proposal?.outcome === "APPROVED"
      ? "Bifall"
      : r.proposal
        ? "Avslag"
        : "";

export function basisCsv(basis: DecisionBasis, filter: BasisFilter): Readable {
  const out = stringify({
    header: true,
    columns: [
      "Rang",
      "Diarienummer",
      "Sökande",
      "Titel",
      "Inriktning",
      "Län",
      "Medelpoäng",
      "Kommunens stöd",
      "Sökt belopp",
      "Förslag",
      "Föreslaget belopp",
      "Summa beviljat",
      "Kvar av ramen",
      "Ryms i ramen",
      "Föredragande",
      "Flyttad – skäl",
    ],
    ...CSV_OPTIONS,
  });
  const { lines } = proposedLines(basis, filter);
  for (const { r, place, t } of lines)
    out.write(
      [
        place,
        r.referenceNumber,
        r.organisation,
        r.title,
        r.track ? TRACK_LABELS[r.track] : "",
        r.county,
        r.meanScore === null ? "" : formatDecimal(r.meanScore),
        r.hidden ? "" : SUPPORT[r.support],
        r.hidden ? "" : r.requestedSek,
        proposalText(r),
        r.proposal?.outcome === "APPROVED" ? (r.proposal.amountSek ?? 0) : "",
        t.totalSek,
        t.leftSek,
        t.fits ? "Ja" : "Nej",
        r.proposal?.presenter ?? "",
        r.moved ? `${r.moved.reason} (${r.moved.by})` : "",
      ].map((c) => safeCell(c)),
    );
  out.end();
  return out;
}

export async function basisPdf(
  basis: DecisionBasis,
  filter: BasisFilter,
  now = new Date(),
): Promise<Uint8Array> {
  const report = await PdfReport.create(`Beslutsunderlag ${basis.round.title}`);
  const { totals, lines } = proposedLines(basis, filter);
  await report.write("Delegationen mot segregation", { weight: "bold", size: 11 });
  await report.write("Beslutsunderlag", { weight: "bold", size: 16, gap: 6 });
  await report.write(`Utlysning: ${basis.round.title} (${basis.round.year})`);
  await report.write(`Utskrivet: ${formatDate(now)}`);
  await report.write(
    `Budgetram: ${formatSek(basis.round.budgetSek)}. Redan beviljat: ${formatSek(basis.approvedBeforeSek)}. Kvar av ramen: ${formatSek(basis.frameLeftSek)}.`,
  );
  await report.write(
    `Föreslaget att bevilja: ${totals.approved} ärenden, ${formatSek(totals.approvedSek)}. Kvar av ramen efter förslagen: ${formatSek(totals.leftSek)}.`,
  );
  if (filter.track || filter.county)
    await report.write(
      `Urval: ${[filter.track ? TRACK_LABELS[filter.track as keyof typeof TRACK_LABELS] : null, filter.county ? (countyName(filter.county) ?? filter.county) : null].filter(Boolean).join(", ")}. Summorna gäller hela listan.`,
    );
  await report.write(
    "Ordning: medelpoäng, sedan kommunens stöd; handläggare kan flytta ett ärende med skäl.",
    { gap: 8 },
  );
  const marks = new Map<number, string>();
  const lineAt = lines.findIndex((l) => !l.t.fits);
  if (lineAt >= 0)
    marks.set(
      lineAt,
      `Här tar pengarna slut – ärendena nedanför ryms inte i ramen med de föreslagna beloppen.`,
    );
  await report.table(
    [
      { title: "Rang", width: 30, align: "right" },
      { title: "Diarienr", width: 60 },
      { title: "Sökande och titel", width: 220 },
      { title: "Inriktning, län", width: 110 },
      { title: "Poäng", width: 36, align: "right" },
      { title: "Kommun", width: 56 },
      { title: "Förslag", width: 90, align: "right" },
      { title: "Summa", width: 80, align: "right" },
      { title: "Kvar", width: 80, align: "right" },
    ],
    lines.map(({ r, place, t }) => [
      String(place),
      r.referenceNumber,
      r.hidden
        ? "Jäv – visas inte"
        : `${r.organisation}: ${r.title}${r.moved ? ` (flyttad: ${r.moved.reason})` : ""}`,
      [r.track ? TRACK_LABELS[r.track] : "", r.county].filter(Boolean).join(", "),
      r.meanScore === null ? "" : formatDecimal(r.meanScore),
      r.hidden ? "" : ["Nej", "Partner", "Avsiktsförkl."][r.support],
      r.proposal?.outcome === "APPROVED" ? formatSek(r.proposal.amountSek ?? 0) : proposalText(r),
      formatSek(t.totalSek),
      formatSek(t.leftSek),
    ]),
    marks,
  );
  return report.save();
}

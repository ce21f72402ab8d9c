// The export of approved grants (docs/domain.md §6): 360Giving columns in their order, and one row per grant.
// Pure: the server streams rows through it into CSV, XLSX and JSON.
import { TRACK_LABELS } from "./labels";

export const EXPORT_COLUMNS = [
  "Identifier",
  "Title",
  "Description",
  "Currency",
  "Amount Awarded",
  "Award Date",
  "Planned Dates:Start Date",
  "Planned Dates:End Date",
  "Recipient Org:Identifier",
  "Recipient Org:Name",
  "Recipient Org:Charity Number",
  "Funding Org:Identifier",
  "Funding Org:Name",
  "Grant Programme:Title",
  "Beneficiary Location:Name",
  "Beneficiary Location:Geographic Code",
  "Reference Number",
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

export type GrantRecord = {
  referenceNumber: string;
  title: string;
  summary: string;
  amountSek: number;
  decidedOn: string; // ISO date
  periodStart: string | null;
  periodEnd: string | null;
  orgNumber: string;
  organisation: string;
  track: keyof typeof TRACK_LABELS;
  locationName: string;
  locationCode: string;
};

export type Publisher = { prefix: string; funderId: string; funderName: string };

const grantIdentifier = (prefix: string, referenceNumber: string) =>
  `360G-${prefix}-${referenceNumber.replace(/\//g, "-")}`;

/** Track names without the long tail, as programme titles. */
const PROGRAMME: Record<GrantRecord["track"], string> = {
  KNOWLEDGE: "Kunskaps- och metodutveckling",
  COLLABORATION: "Gemensamt agerande och strategisk samverkan",
  INTERVENTION: "Direkta insatser med utgångspunkt i lokala eller regionala behov",
};

export function exportRow(
  g: GrantRecord,
  p: Publisher,
): Record<ExportColumn, string | number | null> {
  return {
    Identifier: grantIdentifier(p.prefix, g.referenceNumber),
    Title: g.title,
    Description: g.summary,
    Currency: "SEK",
    "Amount Awarded": g.amountSek,
    "Award Date": g.decidedOn,
    "Planned Dates:Start Date": g.periodStart,
    "Planned Dates:End Date": g.periodEnd,
    "Recipient Org:Identifier": `SE-ON-${g.orgNumber}`,
    "Recipient Org:Name": g.organisation,
    "Recipient Org:Charity Number": "",
    "Funding Org:Identifier": p.funderId,
    "Funding Org:Name": p.funderName,
    "Grant Programme:Title": PROGRAMME[g.track],
    "Beneficiary Location:Name": g.locationName,
    "Beneficiary Location:Geographic Code": g.locationCode,
    "Reference Number": g.referenceNumber,
  };
}

/** The columns of "CSV för Excel": Swedish headers, for a person reading the file in Excel. */
export const EXCEL_COLUMNS = [
  "Diarienummer",
  "Projekt",
  "Beskrivning",
  "Organisation",
  "Organisationsnummer",
  "Inriktning",
  "Kommun",
  "Kommunkod",
  "Beviljat belopp (kr)",
  "Beslutsdatum",
  "Projektstart",
  "Projektslut",
] as const;
export type ExcelColumn = (typeof EXCEL_COLUMNS)[number];

export function excelRow(g: GrantRecord): Record<ExcelColumn, string | number | null> {
  return {
    Diarienummer: g.referenceNumber,
    Projekt: g.title,
    Beskrivning: g.summary,
    Organisation: g.organisation,
    Organisationsnummer: g.orgNumber,
    Inriktning: PROGRAMME[g.track],
    Kommun: g.locationName,
    Kommunkod: g.locationCode,
    "Beviljat belopp (kr)": g.amountSek,
    Beslutsdatum: g.decidedOn,
    Projektstart: g.periodStart,
    Projektslut: g.periodEnd,
  };
}

/** A number as Swedish Excel reads it: a decimal comma and no thousands separator ("1234,5"). */
export const excelNumber = (value: number) => String(value).replace(".", ",");

/**
 * Spreadsheet programs run cells that start with = + - @ (or tab/CR) as formulas. A program that
 * splits on , or ; (Swedish Excel splits on ;) may also start a cell inside the text, so a formula
 * start is neutralised with a ' at the start of the text and after every , and ; (and any spaces).
 */
export function safeCell(value: string | number | null): string | number | null {
  if (typeof value !== "string") return value;
  return value.replace(/(^|[,;])( *)(?=[=+\-@\t\r])/g, "$1$2'");
}

/** The 360Giving-style JSON object of one grant. */
export function grantJson(g: GrantRecord, p: Publisher) {
  return {
    id: grantIdentifier(p.prefix, g.referenceNumber),
    title: g.title,
    description: g.summary,
    currency: "SEK",
    amountAwarded: g.amountSek,
    awardDate: g.decidedOn,
    plannedDates: [{ startDate: g.periodStart, endDate: g.periodEnd }],
    recipientOrganization: [
      { id: `SE-ON-${g.orgNumber}`, name: g.organisation, charityNumber: "" },
    ],
    fundingOrganization: [{ id: p.funderId, name: p.funderName }],
    grantProgramme: [{ title: PROGRAMME[g.track] }],
    beneficiaryLocation: [{ name: g.locationName, geoCode: g.locationCode }],
    referenceNumber: g.referenceNumber,
  };
}

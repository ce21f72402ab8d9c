// Money out (docs/domain.md §5, payments and repayment claims): the four-eyes rules for attest and
// for repayment decisions, what counts as overdue, and the payment file in ISO 20022
// pain.001.001.03 (Swedish bankgiro and plusgiro credit transfers). Pure: no I/O.
import { create } from "xmlbuilder2";
import { compareIso, isBefore } from "./dates";
import type { PayoutAccountType } from "./org-number";

/** Four eyes on a payment: the person who released an instalment may not attest it. */
export const attestRefusal = (releasedById: string | null, actorId: string) =>
  releasedById === actorId ? ("IS_RELEASER" as const) : null;

/** Four eyes on a repayment claim: the officer who proposed it may not decide it. */
export const claimDecisionRefusal = (proposedById: string, actorId: string) =>
  proposedById === actorId ? ("IS_PROPOSER" as const) : null;

export const REFUSAL_TEXT = {
  IS_RELEASER:
    "Du frisläppte själv delbetalningen. En annan person måste attestera den (fyra ögon).",
  IS_PROPOSER: "Du föreslog själv återkravet. En annan person måste besluta om det (fyra ögon).",
} as const;

/** A planned instalment whose date has passed (the due day itself is still in time). */
export const instalmentOverdue = (i: { status: string; dueDate: string }, today: string) =>
  i.status === "PLANNED" && isBefore(i.dueDate, today);

/** A decided repayment claim not paid in full by its due date. */
export const claimOverdue = (c: { status: string; dueDate: string }, today: string) =>
  c.status === "CLAIMED" && isBefore(c.dueDate, today);

/** The day the bank is asked to pay: the instalment's date, or today if that has passed. */
const executionDate = (dueDate: string, today: string) =>
  compareIso(dueDate, today) < 0 ? today : dueDate;

/** A giro number as the bank wants it: digits only. */
const giroDigits = (account: string) => account.replace(/\D/g, "");

export type PaymentLine = {
  /** The instalment's id: the end-to-end reference that comes back from the bank. */
  id: string;
  referenceNumber: string;
  number: number;
  organisation: string;
  orgNumber: string;
  accountType: PayoutAccountType;
  account: string;
  amountSek: number;
  dueDate: string;
  releasedBy: string;
  attestedBy: string;
};

export type Payer = {
  name: string;
  /** The payer's organisation number, as the initiating party's id at the bank. */
  orgNumber: string;
  /** The account the money is paid from (IBAN). */
  iban: string;
  bic: string;
};

/** The remittance information the grantee sees on their statement: the reference number first. */
const remittance = (line: Pick<PaymentLine, "referenceNumber" | "number">) =>
  `Dnr ${line.referenceNumber} delbetalning ${line.number} statsbidrag`;

const amount = (sek: number) => sek.toFixed(2);

// Swedish clearing of giro payments (the banks' common interpretation of ISO 20022): the
// creditor's agent is the clearing system SESBA with member 9900 (Bankgirot) or 9960 (PlusGirot);
// a bankgiro number is an "other" account with the proprietary scheme BGNR, a plusgiro number a
// BBAN.
const GIRO = {
  BANKGIRO: { member: "9900", scheme: { Prtry: "BGNR" } },
  PLUSGIRO: { member: "9960", scheme: { Cd: "BBAN" } },
} as const;

/**
 * The payment file: one pain.001.001.03 message, one payment information block per execution date,
 * one credit transfer per instalment with the reference number as remittance information.
 */
export function pain001(
  file: { id: string; createdAt: Date },
  payer: Payer,
  lines: PaymentLine[],
  today: string,
): string {
  const total = lines.reduce((sum, l) => sum + l.amountSek, 0);
  const byDate = new Map<string, PaymentLine[]>();
  for (const line of lines) {
    const day = executionDate(line.dueDate, today);
    byDate.set(day, [...(byDate.get(day) ?? []), line]);
  }
  const doc = create({ version: "1.0", encoding: "UTF-8" });
  const root = doc
    .ele("urn:iso:std:iso:20022:tech:xsd:pain.001.001.03", "Document")
    .ele("CstmrCdtTrfInitn");
  const header = root.ele("GrpHdr");
  header.ele("MsgId").txt(file.id);
  header.ele("CreDtTm").txt(file.createdAt.toISOString().slice(0, 19));
  header.ele("NbOfTxs").txt(String(lines.length));
  header.ele("CtrlSum").txt(amount(total));
  const initiator = header.ele("InitgPty");
  initiator.ele("Nm").txt(payer.name);
  initiator
    .ele("Id")
    .ele("OrgId")
    .ele("Othr")
    .ele("Id")
    .txt(giroDigits(payer.orgNumber))
    .up()
    .ele("SchmeNm")
    .ele("Cd")
    .txt("BANK");
  for (const [i, [day, group]] of [...byDate.entries()]
    .sort(([a], [b]) => compareIso(a, b))
    .entries()) {
    const info = root.ele("PmtInf");
    info.ele("PmtInfId").txt(`${file.id}-${i + 1}`);
    info.ele("PmtMtd").txt("TRF");
    info.ele("NbOfTxs").txt(String(group.length));
    info.ele("CtrlSum").txt(amount(group.reduce((sum, l) => sum + l.amountSek, 0)));
    info.ele("PmtTpInf").ele("SvcLvl").ele("Cd").txt("NURG");
    info.ele("ReqdExctnDt").txt(day);
    info.ele("Dbtr").ele("Nm").txt(payer.name);
    info.ele("DbtrAcct").ele("Id").ele("IBAN").txt(payer.iban.replace(/\s/g, ""));
    info.ele("DbtrAgt").ele("FinInstnId").ele("BIC").txt(payer.bic);
    info.ele("ChrgBr").txt("SLEV");
    for (const line of group) {
      const giro = GIRO[line.accountType];
      const tx = info.ele("CdtTrfTxInf");
      const pmtId = tx.ele("PmtId");
      pmtId.ele("InstrId").txt(line.id);
      pmtId.ele("EndToEndId").txt(line.id);
      tx.ele("Amt").ele("InstdAmt", { Ccy: "SEK" }).txt(amount(line.amountSek));
      const clearing = tx.ele("CdtrAgt").ele("FinInstnId").ele("ClrSysMmbId");
      clearing.ele("ClrSysId").ele("Cd").txt("SESBA");
      clearing.ele("MmbId").txt(giro.member);
      tx.ele("Cdtr").ele("Nm").txt(line.organisation.slice(0, 70));
      const other = tx.ele("CdtrAcct").ele("Id").ele("Othr");
      other.ele("Id").txt(giroDigits(line.account));
      const scheme = other.ele("SchmeNm");
      if ("Prtry" in giro.scheme) scheme.ele("Prtry").txt(giro.scheme.Prtry);
      else scheme.ele("Cd").txt(giro.scheme.Cd);
      tx.ele("RmtInf").ele("Ustrd").txt(remittance(line));
    }
  }
  return doc.end({ prettyPrint: true });
}

/** The CSV beside the XML, for people: its header and one row per credit transfer. */
export const PAYMENT_CSV_COLUMNS = [
  "Diarienummer",
  "Delbetalning",
  "Organisation",
  "Organisationsnummer",
  "Kontotyp",
  "Konto",
  "Belopp",
  "Förfallodag",
  "Betalningsdag",
  "Meddelande till mottagaren",
  "Frisläppt av",
  "Attesterad av",
  "Referens (EndToEndId)",
] as const;

export const paymentCsvRow = (line: PaymentLine, today: string) => [
  line.referenceNumber,
  line.number,
  line.organisation,
  line.orgNumber,
  line.accountType === "PLUSGIRO" ? "Plusgiro" : "Bankgiro",
  line.account,
  line.amountSek,
  line.dueDate,
  executionDate(line.dueDate, today),
  remittance(line),
  line.releasedBy,
  line.attestedBy,
  line.id,
];

import "server-only";
import { db } from "../db";
import { deny, type Actor } from "../actor";
import { NotFound } from "../errors";
import { storage } from "../storage";
import { isStaff } from "@/lib/domain/roles";
import { formatDate, formatSek } from "@/lib/domain/format";
import { TRACK_LABELS } from "@/lib/domain/labels";
import type { Track } from "@/lib/generated/prisma/client";
import { PdfReport } from "./pdf-table";

// The protocol (beslutsprotokoll) of a decision meeting, docs/domain.md §7.

const OUTCOME_TEXT = {
  APPROVED: "Beviljas",
  REJECTED: "Avslås",
  SENT_BACK: "Återförvisas till handläggning",
} as const;

export type ProtocolInput = {
  round: { title: string; year: number };
  heldOn: Date;
  decider: string;
  presenters: string[];
  cases: {
    referenceNumber: string;
    applicant: string;
    track: Track | null;
    outcome: keyof typeof OUTCOME_TEXT;
    amountSek: number | null;
  }[];
  budgetSek: number;
  approvedBeforeSek: number;
  approvedSek: number;
};

/** The protocol in Swedish, as PDF bytes. */
export async function renderProtocol(p: ProtocolInput): Promise<Uint8Array> {
  const report = await PdfReport.create(`Beslutsprotokoll ${p.round.title}`);
  const count = (o: keyof typeof OUTCOME_TEXT) => p.cases.filter((c) => c.outcome === o).length;
  await report.write("Delegationen mot segregation", { weight: "bold", size: 11 });
  await report.write("Beslutsprotokoll", { weight: "bold", size: 16, gap: 8 });
  await report.write(`Utlysning: ${p.round.title} (${p.round.year})`);
  await report.write(`Datum: ${formatDate(p.heldOn)}`);
  await report.write(`Beslutande: ${p.decider}`);
  await report.write(`Föredragande: ${p.presenters.join(", ")}`, { gap: 8 });
  await report.write(
    "Beslutande har prövat jäv i vart och ett av ärendena nedan och är inte jävig i något av dem. Varje beslut är fattat för sig; skälen står i ärendets beslutsbrev.",
    { gap: 10 },
  );
  await report.table(
    [
      { title: "Nr", width: 30, align: "right" },
      { title: "Diarienummer", width: 90 },
      { title: "Sökande", width: 300 },
      { title: "Inriktning", width: 150 },
      { title: "Beslut", width: 100 },
      { title: "Belopp", width: 92, align: "right" },
    ],
    p.cases.map((c, i) => [
      String(i + 1),
      c.referenceNumber,
      c.applicant,
      c.track ? TRACK_LABELS[c.track] : "",
      OUTCOME_TEXT[c.outcome],
      c.outcome === "APPROVED" ? formatSek(c.amountSek ?? 0) : "–",
    ]),
  );
  await report.write("Summering", { weight: "bold", size: 12, gap: 4 });
  await report.write(
    `Beviljas: ${count("APPROVED")} ärenden, sammanlagt ${formatSek(p.approvedSek)}. Avslås: ${count("REJECTED")} ärenden. Återförvisas till handläggning: ${count("SENT_BACK")} ärenden.`,
  );
  await report.write(`Utlysningens budgetram: ${formatSek(p.budgetSek)}.`);
  await report.write(`Beviljat i utlysningen före mötet: ${formatSek(p.approvedBeforeSek)}.`);
  await report.write(`Beviljat i mötet: ${formatSek(p.approvedSek)}.`);
  await report.write(
    `Kvar av budgetramen efter mötet: ${formatSek(p.budgetSek - p.approvedBeforeSek - p.approvedSek)}.`,
    { gap: 14 },
  );
  await report.write(`Beslut i dessa ärenden har fattats av ${p.decider}.`);
  return report.save();
}

/** A meeting's protocol, for staff. Anyone else, and an unknown meeting, gets "not found". */
export async function protocolFile(actor: Actor, meetingId: string) {
  if (!isStaff(actor.roles)) await deny(actor, "meeting.protocol", "DecisionMeeting", meetingId);
  const meeting = await db.decisionMeeting.findUnique({
    where: { id: meetingId },
    select: { protocolFileId: true },
  });
  const file = meeting ? await storage.get(meeting.protocolFileId) : null;
  if (!file) throw new NotFound();
  return file;
}

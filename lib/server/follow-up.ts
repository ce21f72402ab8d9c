import "server-only";
import { stringify } from "csv-stringify";
import type { Readable } from "node:stream";
import type { z } from "zod";
import { db } from "./db";
import { deny, type Actor } from "./actor";
import { audit } from "./audit";
import { Conflict, Forbidden, NotFound, RuleViolation } from "./errors";
import { appUrl, queueMail } from "./mail";
import { enqueueMail } from "./jobs";
import { notifyMembers } from "./notifications";
import { dateOnly } from "./application-contract";
import { instalmentBlocked, spendingProblems, type Spending } from "@/lib/domain/follow-up";
import { parsePayoutAccount } from "@/lib/domain/org-number";
import { formatDate, formatSek, isoDate } from "@/lib/domain/format";
import { safeCell } from "@/lib/domain/grant-export";
import { isStaff } from "@/lib/domain/roles";
import { todayInStockholm } from "@/lib/domain/dates";
import type { ReportInput, RepaymentInput } from "@/lib/validation/follow-up";

// After the decision: instalments, reports, reminders and repayment claims.

const grantInclude = {
  organisation: true,
  instalments: { orderBy: { number: "asc" as const } },
  reports: { orderBy: { dueDate: "asc" as const } },
  repaymentClaims: { orderBy: { createdAt: "desc" as const } },
  decisions: { where: { outcome: "APPROVED" as const, correctedBy: null }, take: 1 },
  budgetLines: true,
} as const;

const iso = (d: Date) => isoDate(d);
const blockedFor = (
  instalment: { number: number; dueDate: Date },
  reports: { kind: string; dueDate: Date; status: string }[],
) =>
  instalmentBlocked(
    { number: instalment.number, dueDate: iso(instalment.dueDate) },
    reports.map((r) => ({ ...r, dueDate: iso(r.dueDate) })),
  );

async function requireOfficer(actor: Actor, what: string) {
  if (!actor.roles.includes("REVIEWER") && !actor.roles.includes("ADMIN")) await deny(actor, what);
}

/** Approved grants with their plan, for officers and admins. */
export async function listGrants(actor: Actor) {
  if (!isStaff(actor.roles)) await deny(actor, "followup.list");
  return db.application.findMany({
    where: { status: { in: ["APPROVED", "REPORT_SUBMITTED", "CLOSED"] } },
    orderBy: { referenceNumber: "asc" },
    take: 500,
    include: {
      organisation: { select: { name: true } },
      reports: { orderBy: { dueDate: "asc" } },
      instalments: { orderBy: { number: "asc" } },
    },
  });
}

/** Reports past their due date and not yet submitted, for officers. */
export async function overdueReports(actor: Actor, today = todayInStockholm()) {
  if (!isStaff(actor.roles)) await deny(actor, "followup.overdue");
  return db.followUpReport.findMany({
    where: {
      status: { in: ["NOT_STARTED", "DRAFT", "COMPLEMENT_REQUESTED"] },
      dueDate: { lt: dateOnly(today) },
    },
    orderBy: { dueDate: "asc" },
    include: {
      application: {
        select: {
          id: true,
          referenceNumber: true,
          title: true,
          organisation: { select: { name: true } },
        },
      },
    },
  });
}

export async function grantForOfficer(actor: Actor, applicationId: string) {
  if (!isStaff(actor.roles)) await deny(actor, "followup.read", "Application", applicationId);
  const app = await db.application.findFirst({
    where: { id: applicationId, status: { in: ["APPROVED", "REPORT_SUBMITTED", "CLOSED"] } },
    include: grantInclude,
  });
  if (!app) throw new NotFound();
  return {
    ...app,
    instalments: app.instalments.map((i) => ({ ...i, blocked: blockedFor(i, app.reports) })),
  };
}

/** Releases an instalment for payment: not before the progress report before it is accepted, and only to a valid account. */
export async function releaseInstalment(actor: Actor, instalmentId: string) {
  await requireOfficer(actor, "instalment.release");
  await db.$transaction(async (tx) => {
    const instalment = await tx.instalment.findUnique({
      where: { id: instalmentId },
      include: { application: { include: { reports: true, organisation: true } } },
    });
    if (!instalment) throw new NotFound();
    if (instalment.status !== "PLANNED") throw new Conflict("Delbetalningen är redan frisläppt.");
    if (blockedFor(instalment, instalment.application.reports))
      throw new Forbidden("Delbetalningen väntar på att lägesrapporten före den godkänns.");
    const org = instalment.application.organisation;
    if (
      !org.payoutType ||
      !org.payoutAccount ||
      !parsePayoutAccount(org.payoutType, org.payoutAccount).ok
    ) {
      throw new RuleViolation([
        {
          code: "PAYOUT_ACCOUNT_INVALID",
          path: "payoutAccount",
          message: `Utbetalningskontot för ${org.name} (${org.payoutType === "PLUSGIRO" ? "plusgiro" : "bankgiro"} ${org.payoutAccount ?? "saknas"}) stämmer inte med sin kontrollsiffra. Be organisationen rätta kontot innan delbetalningen frisläpps.`,
        },
      ]);
    }
    const { count } = await tx.instalment.updateMany({
      where: { id: instalmentId, status: "PLANNED" },
      data: { status: "RELEASED", releasedAt: new Date(), releasedById: actor.id },
    });
    if (count !== 1) throw new Conflict();
    await audit(
      {
        actorId: actor.id,
        action: "instalment.released",
        entityType: "Instalment",
        entityId: instalmentId,
        before: { status: "PLANNED" },
        after: { status: "RELEASED", amountSek: instalment.amountSek },
      },
      tx,
    );
  });
}

/** The payment file for the finance system: released instalments due in a date range. Admins only; logged. */
export async function paymentFile(actor: Actor, from: string, to: string): Promise<Readable> {
  if (!actor.roles.includes("ADMIN")) await deny(actor, "payments.export");
  const rows = await db.instalment.findMany({
    where: { status: "RELEASED", dueDate: { gte: dateOnly(from), lte: dateOnly(to) } },
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
    include: {
      application: {
        select: {
          referenceNumber: true,
          organisation: {
            select: { name: true, orgNumber: true, payoutType: true, payoutAccount: true },
          },
        },
      },
    },
  });
  await audit({
    actorId: actor.id,
    action: "export.payment_file",
    entityType: "Export",
    meta: { from, to, count: rows.length },
  });
  const out = stringify({
    header: true,
    columns: [
      "Diarienummer",
      "Organisation",
      "Organisationsnummer",
      "Kontotyp",
      "Konto",
      "Belopp",
      "Förfallodag",
    ],
    bom: true,
    record_delimiter: "\r\n",
  });
  for (const r of rows) {
    const o = r.application.organisation;
    out.write(
      [
        r.application.referenceNumber,
        o.name,
        o.orgNumber,
        o.payoutType === "PLUSGIRO" ? "Plusgiro" : "Bankgiro",
        o.payoutAccount,
        r.amountSek,
        iso(r.dueDate),
      ].map((c) => safeCell(c as string | number)),
    );
  }
  out.end();
  return out;
}

export async function markPaid(actor: Actor, instalmentIds: string[]) {
  if (!actor.roles.includes("ADMIN")) await deny(actor, "payments.mark_paid");
  await db.$transaction(async (tx) => {
    const { count } = await tx.instalment.updateMany({
      where: { id: { in: instalmentIds }, status: "RELEASED" },
      data: { status: "PAID", paidAt: new Date() },
    });
    await audit(
      {
        actorId: actor.id,
        action: "instalment.paid",
        entityType: "Instalment",
        meta: { ids: instalmentIds, count },
      },
      tx,
    );
  });
}

// ---------- reports ----------

async function reportForMember(actor: Actor, reportId: string) {
  const report = await db.followUpReport.findFirst({
    where: {
      id: reportId,
      application: { organisation: { memberships: { some: { userId: actor.id } } } },
    },
    include: {
      application: {
        include: {
          budgetLines: true,
          decisions: { where: { outcome: "APPROVED", correctedBy: null }, take: 1 },
        },
      },
    },
  });
  if (!report) await deny(actor, "report.read", "FollowUpReport", reportId);
  return report!;
}

export const getReportForApplicant = reportForMember;

function budgetByCategory(lines: { category: string; amountSek: number }[]): Spending {
  const out: Spending = {};
  for (const l of lines)
    out[l.category as keyof Spending] = (out[l.category as keyof Spending] ?? 0) + l.amountSek;
  return out;
}

/** Saves the grantee's draft of a report (optimistic version), or submits it. */
export async function saveReport(
  actor: Actor,
  reportId: string,
  expectedVersion: number,
  input: z.infer<typeof ReportInput>,
  submit: boolean,
) {
  const report = await reportForMember(actor, reportId);
  if (!["NOT_STARTED", "DRAFT", "COMPLEMENT_REQUESTED"].includes(report.status))
    throw new Forbidden("Rapporten är inskickad och kan inte ändras.");
  const granted = report.application.decisions[0]?.amountSek ?? 0;
  const problems = spendingProblems(
    input.spending,
    granted,
    budgetByCategory(report.application.budgetLines),
  ).filter((p) => p.path === "spending" || /hela kronor/.test(p.message));
  if (submit && problems.length)
    throw new RuleViolation(
      problems.map((p) => ({ code: "SPENDING_INVALID", ...p })),
      "Rapporten kan inte skickas in förrän beloppen stämmer.",
    );
  const status = submit
    ? "SUBMITTED"
    : report.status === "COMPLEMENT_REQUESTED"
      ? "COMPLEMENT_REQUESTED"
      : "DRAFT";
  const mails = await db.$transaction(async (tx) => {
    const { count } = await tx.followUpReport.updateMany({
      where: { id: reportId, version: expectedVersion },
      data: {
        ...input,
        spending: input.spending,
        status,
        version: { increment: 1 },
        ...(submit ? { submittedAt: new Date() } : {}),
      },
    });
    if (count !== 1)
      throw new Conflict(
        "Rapporten har ändrats någon annanstans sedan du öppnade den. Ladda om sidan – kopiera gärna det du skrev först.",
      );
    if (!submit) return [];
    await audit(
      {
        actorId: actor.id,
        action: "report.submitted",
        entityType: "FollowUpReport",
        entityId: reportId,
        before: { status: report.status },
        after: { status: "SUBMITTED" },
      },
      tx,
    );
    if (report.kind === "FINAL")
      await tx.application.updateMany({
        where: { id: report.applicationId, status: "APPROVED" },
        data: { status: "REPORT_SUBMITTED" },
      });
    const officer = report.application.assignedToId
      ? await tx.user.findUnique({ where: { id: report.application.assignedToId } })
      : null;
    return officer
      ? [
          await queueMail(tx, {
            to: officer.email,
            dedupeKey: `report-submitted:${reportId}:${expectedVersion}`,
            subject: `Rapport inskickad för ${report.application.referenceNumber}`,
            text: `${report.kind === "FINAL" ? "Slutredovisningen" : "Lägesrapporten"} för ${report.application.referenceNumber} är inskickad.\n${appUrl(`/uppfoljning/${report.applicationId}`)}`,
          }),
        ]
      : [];
  });
  await enqueueMail(mails);
  return expectedVersion + 1;
}

async function officerReport(actor: Actor, reportId: string, what: string) {
  await requireOfficer(actor, what);
  const report = await db.followUpReport.findUnique({
    where: { id: reportId },
    include: { application: true },
  });
  if (!report) throw new NotFound();
  return report;
}

/** The officer accepts a submitted report; an accepted final report closes the grant. */
export async function acceptReport(actor: Actor, reportId: string) {
  const report = await officerReport(actor, reportId, "report.accept");
  if (report.status !== "SUBMITTED")
    throw new Forbidden("Bara en inskickad rapport kan godkännas.");
  await db.$transaction(async (tx) => {
    await tx.followUpReport.update({
      where: { id: reportId },
      data: { status: "ACCEPTED", acceptedAt: new Date(), version: { increment: 1 } },
    });
    if (report.kind === "FINAL")
      await tx.application.updateMany({
        where: { id: report.applicationId, status: "REPORT_SUBMITTED" },
        data: { status: "CLOSED" },
      });
    await notifyMembers(tx, report.applicationId, {
      kind: "report_accepted",
      title: `${report.kind === "FINAL" ? "Slutredovisningen" : "Lägesrapporten"} för ${report.application.referenceNumber} är godkänd`,
      href: `/ansokningar/${report.applicationId}`,
    });
    await audit(
      {
        actorId: actor.id,
        action: "report.accepted",
        entityType: "FollowUpReport",
        entityId: reportId,
        before: { status: "SUBMITTED" },
        after: { status: "ACCEPTED" },
      },
      tx,
    );
  });
}

/** The officer asks for more in a report; the grantee edits and resubmits. */
export async function requestReportCompletion(actor: Actor, reportId: string, message: string) {
  const report = await officerReport(actor, reportId, "report.request_completion");
  if (report.status !== "SUBMITTED")
    throw new Forbidden("Komplettering kan bara begäras för en inskickad rapport.");
  const mails = await db.$transaction(async (tx) => {
    await tx.followUpReport.update({
      where: { id: reportId },
      data: {
        status: "COMPLEMENT_REQUESTED",
        completionMessage: message,
        version: { increment: 1 },
      },
    });
    if (report.kind === "FINAL")
      await tx.application.updateMany({
        where: { id: report.applicationId, status: "REPORT_SUBMITTED" },
        data: { status: "APPROVED" },
      });
    await notifyMembers(tx, report.applicationId, {
      kind: "report_completion",
      title: `Komplettering begärd av rapporten för ${report.application.referenceNumber}`,
      body: message,
      href: `/ansokningar/${report.applicationId}/rapport/${reportId}`,
    });
    await audit(
      {
        actorId: actor.id,
        action: "report.complement_requested",
        entityType: "FollowUpReport",
        entityId: reportId,
        after: { message },
      },
      tx,
    );
    const members = await tx.membership.findMany({
      where: { organisationId: report.application.organisationId },
      include: { user: true },
    });
    const ids = [];
    for (const m of members)
      ids.push(
        await queueMail(tx, {
          to: m.user.email,
          dedupeKey: `report-completion:${reportId}:${report.version}:${m.userId}`,
          subject: `Komplettera rapporten för ${report.application.referenceNumber}`,
          text: `Hej ${m.user.name}!\n\nHandläggaren behöver mer i rapporten:\n\n${message}\n\n${appUrl(`/ansokningar/${report.applicationId}/rapport/${reportId}`)}\n\nSamverka`,
        }),
      );
    return ids;
  });
  await enqueueMail(mails);
}

export async function setReportDueDate(actor: Actor, reportId: string, dueDate: string) {
  const report = await officerReport(actor, reportId, "report.due_date");
  await db.$transaction(async (tx) => {
    await tx.followUpReport.update({
      where: { id: reportId },
      data: { dueDate: dateOnly(dueDate) },
    });
    await audit(
      {
        actorId: actor.id,
        action: "report.due_date_changed",
        entityType: "FollowUpReport",
        entityId: reportId,
        before: { dueDate: iso(report.dueDate) },
        after: { dueDate },
      },
      tx,
    );
  });
}

/** Återkrav: the officer claims back unspent or misused money, with reasons and a due date. */
export async function claimRepayment(
  actor: Actor,
  applicationId: string,
  input: z.infer<typeof RepaymentInput>,
) {
  await requireOfficer(actor, "repayment.claim");
  const app = await db.application.findFirst({
    where: { id: applicationId, status: { in: ["APPROVED", "REPORT_SUBMITTED", "CLOSED"] } },
    include: { decisions: { where: { outcome: "APPROVED", correctedBy: null }, take: 1 } },
  });
  if (!app) throw new NotFound();
  if (input.amountSek > (app.decisions[0]?.amountSek ?? 0))
    throw new RuleViolation([
      {
        code: "AMOUNT_INVALID",
        path: "amountSek",
        message: "Återkravet kan inte vara större än det beviljade beloppet.",
      },
    ]);
  await db.$transaction(async (tx) => {
    const claim = await tx.repaymentClaim.create({
      data: {
        applicationId,
        amountSek: input.amountSek,
        reasons: input.reasons,
        dueDate: dateOnly(input.dueDate),
        createdById: actor.id,
      },
    });
    await notifyMembers(tx, applicationId, {
      kind: "repayment_claim",
      title: `Återkrav för ${app.referenceNumber}: ${formatSek(input.amountSek)}`,
      body: input.reasons,
      href: `/ansokningar/${applicationId}`,
    });
    await audit(
      {
        actorId: actor.id,
        action: "repayment.claimed",
        entityType: "RepaymentClaim",
        entityId: claim.id,
        after: { applicationId, ...input },
      },
      tx,
    );
  });
}

// ---------- reminders ----------

const REMIND_DAYS_BEFORE = 14;

/**
 * E-mails grantees about reports due within two weeks and reports overdue, once each (the dedupe
 * key makes a repeated or retried run send nothing new), and notifies them in the app.
 */
export async function sendReportReminders(now = new Date()): Promise<number> {
  const today = todayInStockholm(now);
  const horizon = new Date(dateOnly(today).getTime() + REMIND_DAYS_BEFORE * 86_400_000);
  const reports = await db.followUpReport.findMany({
    where: {
      status: { in: ["NOT_STARTED", "DRAFT", "COMPLEMENT_REQUESTED"] },
      dueDate: { lte: horizon },
    },
    include: {
      application: {
        include: { organisation: { include: { memberships: { include: { user: true } } } } },
      },
    },
  });
  const mailIds: (string | null)[] = [];
  for (const report of reports) {
    const overdue = iso(report.dueDate) < today;
    const key = `report-reminder:${report.id}:${overdue ? "overdue" : "due-soon"}`;
    await db.$transaction(async (tx) => {
      const before = mailIds.length;
      for (const m of report.application.organisation.memberships) {
        mailIds.push(
          await queueMail(tx, {
            to: m.user.email,
            dedupeKey: `${key}:${m.userId}`,
            subject: overdue
              ? `Rapporten för ${report.application.referenceNumber} är försenad`
              : `Påminnelse: rapport för ${report.application.referenceNumber} senast ${formatDate(report.dueDate)}`,
            text: `Hej ${m.user.name}!\n\n${report.kind === "FINAL" ? "Slutredovisningen" : "Lägesrapporten"} för "${report.application.title}" ska lämnas senast ${formatDate(report.dueDate)}.${overdue ? " Den är nu försenad – lämna den så snart du kan." : ""}\n\n${appUrl(`/ansokningar/${report.applicationId}/rapport/${report.id}`)}\n\nVänliga hälsningar\nSamverka`,
          }),
        );
      }
      if (mailIds.slice(before).some(Boolean)) {
        await notifyMembers(tx, report.applicationId, {
          kind: "report_due",
          title: overdue
            ? `Rapporten för ${report.application.referenceNumber} är försenad`
            : `Rapport för ${report.application.referenceNumber} ska lämnas senast ${formatDate(report.dueDate)}`,
          href: `/ansokningar/${report.applicationId}/rapport/${report.id}`,
        });
      }
    });
  }
  await enqueueMail(mailIds);
  return mailIds.filter(Boolean).length;
}

// ---------- outcomes ----------

export type OutcomeRow = {
  key: string;
  reports: number;
  meetings: number;
  women: number;
  men: number;
  other: number;
  collaborations: number;
};

/** What all reported grants achieved together, per track, county and focus area. Staff only. */
export async function outcomes(actor: Actor) {
  if (!isStaff(actor.roles)) await deny(actor, "outcomes.read");
  const by = (key: "track" | "county" | "focus") =>
    db.$queryRawUnsafe<
      {
        key: string;
        reports: bigint;
        meetings: bigint;
        women: bigint;
        men: bigint;
        other: bigint;
        collaborations: bigint;
      }[]
    >(`
    SELECT ${key === "track" ? `a.track::text` : key === "county" ? `a."countyCode"` : `f::text`} AS key, count(*) AS reports,
      coalesce(sum(r."meetingsHeld"), 0) AS meetings, coalesce(sum(r."participantsWomen"), 0) AS women, coalesce(sum(r."participantsMen"), 0) AS men,
      coalesce(sum(r."participantsOther"), 0) AS other, coalesce(sum(r."collaborationsStarted"), 0) AS collaborations
    FROM "FollowUpReport" r JOIN "Application" a ON a.id = r."applicationId" ${key === "focus" ? `CROSS JOIN LATERAL unnest(a."focusAreas") f` : ""}
    WHERE r.status IN ('SUBMITTED', 'ACCEPTED') GROUP BY 1 ORDER BY 1`);
  const convert = (rows: Awaited<ReturnType<typeof by>>): OutcomeRow[] =>
    rows.map((r) => ({
      key: r.key ?? "–",
      reports: Number(r.reports),
      meetings: Number(r.meetings),
      women: Number(r.women),
      men: Number(r.men),
      other: Number(r.other),
      collaborations: Number(r.collaborations),
    }));
  const [track, county, focus] = await Promise.all([by("track"), by("county"), by("focus")]);
  return { byTrack: convert(track), byCounty: convert(county), byFocus: convert(focus) };
}

export function outcomesCsv(data: Awaited<ReturnType<typeof outcomes>>): Readable {
  const out = stringify({
    header: true,
    columns: [
      "Indelning",
      "Värde",
      "Rapporter",
      "Möten",
      "Kvinnor",
      "Män",
      "Annat/okänt",
      "Samverkan",
    ],
    bom: true,
    record_delimiter: "\r\n",
  });
  for (const [group, rows] of [
    ["Inriktning", data.byTrack],
    ["Län", data.byCounty],
    ["Fokusområde", data.byFocus],
  ] as const) {
    for (const r of rows)
      out.write([group, r.key, r.reports, r.meetings, r.women, r.men, r.other, r.collaborations]);
  }
  out.end();
  return out;
}

// ---------- report attachments ----------

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** A PDF attached to a report by the grantee (checked by content, at most 10 MB, stored with its SHA-256). */
export async function addReportAttachment(
  actor: Actor,
  reportId: string,
  data: Buffer,
  fileName: string,
) {
  const report = await reportForMember(actor, reportId);
  if (!["NOT_STARTED", "DRAFT", "COMPLEMENT_REQUESTED"].includes(report.status))
    throw new Forbidden("Rapporten är inskickad och kan inte ändras.");
  if (data.length > MAX_ATTACHMENT_BYTES)
    throw new RuleViolation([
      { code: "FILE_TOO_LARGE", path: "file", message: "Filen är större än 10 MB." },
    ]);
  const { fileTypeFromBuffer } = await import("file-type");
  if ((await fileTypeFromBuffer(data))?.mime !== "application/pdf")
    throw new RuleViolation([
      {
        code: "FILE_NOT_PDF",
        path: "file",
        message: "Filen är inte en PDF. Spara bilagan som PDF och försök igen.",
      },
    ]);
  await db.$transaction(async (tx) => {
    const { storage } = await import("./storage");
    const file = await storage.put({ data, contentType: "application/pdf", fileName }, tx);
    await tx.reportAttachment.create({ data: { reportId, fileId: file.id } });
    await audit(
      {
        actorId: actor.id,
        action: "report.attachment_added",
        entityType: "FollowUpReport",
        entityId: reportId,
        meta: { sha256: file.sha256, size: file.size },
      },
      tx,
    );
  });
}

/** An attachment for the grantee's members or for staff. */
export async function reportAttachmentFile(actor: Actor, reportId: string, fileId: string) {
  const attachment = await db.reportAttachment.findUnique({
    where: { reportId_fileId: { reportId, fileId } },
    include: {
      report: {
        include: {
          application: {
            select: { organisation: { select: { memberships: { where: { userId: actor.id } } } } },
          },
        },
      },
    },
  });
  if (
    !attachment ||
    (!isStaff(actor.roles) && attachment.report.application.organisation.memberships.length === 0)
  )
    await deny(actor, "report.attachment", "FollowUpReport", reportId);
  const { storage } = await import("./storage");
  const file = await storage.get(fileId);
  if (!file) throw new NotFound();
  return file;
}

export const listReportAttachments = (reportId: string) =>
  db.reportAttachment.findMany({
    where: { reportId },
    include: { file: { select: { id: true, fileName: true, size: true } } },
  });

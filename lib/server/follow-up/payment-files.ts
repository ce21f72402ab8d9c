import "server-only";
import { createHash } from "node:crypto";
import { stringify } from "csv-stringify/sync";
import { db, type Tx } from "../db";
import { deny, type Actor } from "../actor";
import { audit } from "../audit";
import { Conflict, NotFound, RuleViolation } from "../errors";
import { EXCEL_CSV_OPTIONS } from "../csv";
import { FINANCE, withoutConflictOf } from "../case-access";
import { notifyMembers } from "../notifications";
import { enqueueMail } from "../job-queue";
import { appUrl } from "../mail";
import { mailMembers } from "../review/mail-members";
import { dateOnly } from "../application-contract";
import { BLOCKING_CONFLICT } from "@/lib/domain/review";
import { hasAnyRole, isStaff } from "@/lib/domain/roles";
import { todayInStockholm } from "@/lib/domain/dates";
import { formatSek, isoDate } from "@/lib/domain/format";
import { safeCell } from "@/lib/domain/grant-export";
import { parsePayoutAccount } from "@/lib/domain/org-number";
import {
  PAYMENT_CSV_COLUMNS,
  pain001,
  paymentCsvRow,
  type Payer,
  type PaymentLine,
} from "@/lib/domain/payments";

// Payment files (docs/domain.md §5, payments): a file takes every attested instalment that is in
// no file yet, in one transaction, so no instalment can be paid twice; it is stored byte for byte
// with its checksum, can be cancelled until it is paid, and paying it tells the grantees.

/** The paying authority, from the environment (docs/operations). */
const payer = (): Payer => ({
  name:
    process.env.SAMVERKA_PAYER_NAME ??
    process.env.SAMVERKA_FUNDER_NAME ??
    "Delegationen mot segregation",
  orgNumber: process.env.SAMVERKA_PAYER_ORG_NUMBER ?? "202100-6362",
  iban: process.env.SAMVERKA_PAYER_IBAN ?? "SE4550000000058398257466",
  bic: process.env.SAMVERKA_PAYER_BIC ?? "ESSESESS",
});

const requireFinance = async (actor: Actor, what: string, fileId?: string) => {
  if (!hasAnyRole(actor.roles, FINANCE)) await deny(actor, what, "PaymentFile", fileId);
};

/**
 * A payment file the actor may handle: an administrator without a declared conflict in any grant
 * in it (a cancelled file's former instalments included). Anyone else gets "not found", audited.
 */
export async function paymentFileFor(actor: Actor, fileId: string, what: string) {
  await requireFinance(actor, what, fileId);
  const file = await db.paymentFile.findUnique({
    where: { id: fileId },
    select: { id: true, status: true, cancelledIds: true },
  });
  if (!file) return deny(actor, what, "PaymentFile", fileId);
  const conflicted = await db.instalment.count({
    where: {
      OR: [{ paymentFileId: fileId }, { id: { in: file.cancelledIds } }],
      application: {
        conflicts: { some: { userId: actor.id, status: { in: [...BLOCKING_CONFLICT] } } },
      },
    },
  });
  if (conflicted) await deny(actor, what, "PaymentFile", fileId, "conflict");
  return file;
}

/** The names of the people who released and attested, for the CSV and the pages. */
async function names(ids: (string | null)[]) {
  const users = await db.user.findMany({
    where: { id: { in: [...new Set(ids.filter((id): id is string => !!id))] } },
    select: { id: true, name: true },
  });
  return new Map(users.map((u) => [u.id, u.name]));
}

/**
 * Creates a payment file of every attested instalment in no file yet (optionally only those due on
 * or before `upTo`), never of a grant the admin declared a conflict in. In one transaction: the
 * instalments are taken with row locks (`FOR UPDATE SKIP LOCKED`, and the state checked again), so
 * two admins creating files at the same moment never take the same instalment; then the XML, the
 * CSV and the checksum are stored. Answers the file's id.
 */
export async function createPaymentFile(
  actor: Actor,
  { upTo }: { upTo?: string | null },
  now = new Date(),
): Promise<string> {
  await requireFinance(actor, "payments.create_file");
  const today = todayInStockholm(now);
  return db.$transaction(async (tx) => {
    const file = await tx.paymentFile.create({
      data: {
        count: 0,
        totalSek: 0,
        xml: Buffer.alloc(0),
        csv: Buffer.alloc(0),
        sha256: "",
        createdById: actor.id,
        createdAt: now,
        upTo: upTo ? dateOnly(upTo) : null,
      },
    });
    const taken = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "Instalment" SET status = 'EXPORTED', "paymentFileId" = ${file.id}, "exportedAt" = ${now}
      WHERE id IN (
        SELECT i.id FROM "Instalment" i
        WHERE i.status = 'ATTESTED' AND i."paymentFileId" IS NULL
          AND (${upTo ?? null}::date IS NULL OR i."dueDate" <= ${upTo ?? null}::date)
          AND NOT EXISTS (
            SELECT 1 FROM "ConflictDeclaration" c
            WHERE c."applicationId" = i."applicationId" AND c."userId" = ${actor.id}
              AND c.status::text = ANY(${[...BLOCKING_CONFLICT]}::text[]))
        FOR UPDATE SKIP LOCKED)
      AND status = 'ATTESTED' AND "paymentFileId" IS NULL
      RETURNING id`;
    if (!taken.length)
      throw new RuleViolation([
        {
          code: "NOTHING_TO_PAY",
          path: "upTo",
          message: upTo
            ? "Det finns inga attesterade delbetalningar till och med det datumet som inte redan ligger i en betalfil."
            : "Det finns inga attesterade delbetalningar som inte redan ligger i en betalfil.",
        },
      ]);
    const rows = await tx.instalment.findMany({
      where: { paymentFileId: file.id },
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
    const invalid = rows.filter((r) => {
      const o = r.application.organisation;
      return (
        !o.payoutType || !o.payoutAccount || !parsePayoutAccount(o.payoutType, o.payoutAccount).ok
      );
    });
    if (invalid.length)
      throw new RuleViolation([
        {
          code: "PAYOUT_ACCOUNT_INVALID",
          path: "upTo",
          message: `Utbetalningskontot stämmer inte för ${invalid.map((r) => `${r.application.referenceNumber} (${r.application.organisation.name})`).join(", ")}. Be organisationen rätta kontot innan betalfilen skapas.`,
        },
      ]);
    const people = await names(rows.flatMap((r) => [r.releasedById, r.attestedById]));
    const lines: PaymentLine[] = rows.map((r) => {
      const o = r.application.organisation;
      return {
        id: r.id,
        referenceNumber: r.application.referenceNumber!,
        number: r.number,
        organisation: o.name,
        orgNumber: o.orgNumber,
        accountType: o.payoutType!,
        account: parsePayoutAccount(o.payoutType!, o.payoutAccount!).ok ? o.payoutAccount! : "",
        amountSek: r.amountSek,
        dueDate: isoDate(r.dueDate),
        releasedBy: people.get(r.releasedById ?? "") ?? "",
        attestedBy: people.get(r.attestedById ?? "") ?? "",
      };
    });
    const xml = Buffer.from(pain001(file, payer(), lines, today), "utf8");
    const csv = Buffer.from(
      stringify(
        lines.map((l) => paymentCsvRow(l, today).map((c) => safeCell(c))),
        { header: true, columns: [...PAYMENT_CSV_COLUMNS], ...EXCEL_CSV_OPTIONS },
      ),
      "utf8",
    );
    const sha256 = createHash("sha256").update(xml).digest("hex");
    const totalSek = lines.reduce((sum, l) => sum + l.amountSek, 0);
    await tx.paymentFile.update({
      where: { id: file.id },
      data: { xml, csv, sha256, count: lines.length, totalSek },
    });
    await audit(
      {
        actorId: actor.id,
        action: "export.payment_file",
        entityType: "PaymentFile",
        entityId: file.id,
        after: { count: lines.length, totalSek, sha256, upTo: upTo ?? null },
      },
      tx,
    );
    for (const line of lines)
      await audit(
        {
          actorId: actor.id,
          action: "instalment.exported",
          entityType: "Instalment",
          entityId: line.id,
          before: { status: "ATTESTED" },
          after: { status: "EXPORTED", paymentFileId: file.id, amountSek: line.amountSek },
        },
        tx,
      );
    return file.id;
  });
}

/** The stored file, byte for byte, for an administrator who may handle it; the download is logged. */
export async function paymentFileDownload(actor: Actor, fileId: string, format: "xml" | "csv") {
  await paymentFileFor(actor, fileId, "payments.download");
  const file = await db.paymentFile.findUniqueOrThrow({
    where: { id: fileId },
    select: { xml: format === "xml", csv: format === "csv", createdAt: true, sha256: true },
  });
  await audit({
    actorId: actor.id,
    action: "export.payment_file_downloaded",
    entityType: "PaymentFile",
    entityId: fileId,
    meta: { format },
  });
  const data = format === "xml" ? file.xml : file.csv;
  return {
    data: Buffer.from(data),
    sha256: file.sha256,
    fileName: `betalfil-${isoDate(file.createdAt)}-${fileId}.${format}`,
  };
}

/** Cancels a file not yet paid: its instalments go back to ATTESTED, to be taken by a new file. */
export async function cancelPaymentFile(actor: Actor, fileId: string, reason: string) {
  await paymentFileFor(actor, fileId, "payments.cancel_file");
  await db.$transaction(async (tx) => {
    const { count } = await tx.paymentFile.updateMany({
      where: { id: fileId, status: "CREATED" },
      data: {
        status: "CANCELLED",
        cancelledAt: new Date(),
        cancelledById: actor.id,
        cancelReason: reason,
      },
    });
    if (count !== 1) throw await fileStateConflict(tx, fileId);
    const instalments = await tx.instalment.findMany({
      where: { paymentFileId: fileId, status: "EXPORTED" },
      select: { id: true },
    });
    const ids = instalments.map((i) => i.id);
    await tx.instalment.updateMany({
      where: { id: { in: ids } },
      data: { status: "ATTESTED", paymentFileId: null, exportedAt: null },
    });
    await tx.paymentFile.update({ where: { id: fileId }, data: { cancelledIds: ids } });
    await audit(
      {
        actorId: actor.id,
        action: "payment_file.cancelled",
        entityType: "PaymentFile",
        entityId: fileId,
        before: { status: "CREATED" },
        after: { status: "CANCELLED", reason, count: ids.length },
      },
      tx,
    );
    for (const id of ids)
      await audit(
        {
          actorId: actor.id,
          action: "instalment.unexported",
          entityType: "Instalment",
          entityId: id,
          before: { status: "EXPORTED", paymentFileId: fileId },
          after: { status: "ATTESTED" },
        },
        tx,
      );
  });
}

async function fileStateConflict(tx: Tx, fileId: string) {
  const file = await tx.paymentFile.findUnique({ where: { id: fileId }, select: { status: true } });
  if (!file) return new NotFound();
  return new Conflict(
    file.status === "PAID"
      ? "Betalfilen är redan markerad som betald."
      : "Betalfilen är makulerad.",
  );
}

/**
 * The bank has paid the file: its instalments become PAID, and each grantee's members are told in
 * the app and by mail (the outbox, delivered by the job queue after the commit).
 */
export async function markPaymentFilePaid(actor: Actor, fileId: string, now = new Date()) {
  await paymentFileFor(actor, fileId, "payments.mark_paid");
  const mails = await db.$transaction(async (tx) => {
    const { count } = await tx.paymentFile.updateMany({
      where: { id: fileId, status: "CREATED" },
      data: { status: "PAID", paidAt: now, paidById: actor.id },
    });
    if (count !== 1) throw await fileStateConflict(tx, fileId);
    const instalments = await tx.instalment.findMany({
      where: { paymentFileId: fileId, status: "EXPORTED" },
      include: {
        application: {
          select: { id: true, referenceNumber: true, title: true, organisationId: true },
        },
      },
    });
    await tx.instalment.updateMany({
      where: { id: { in: instalments.map((i) => i.id) } },
      data: { status: "PAID", paidAt: now, paidById: actor.id },
    });
    await audit(
      {
        actorId: actor.id,
        action: "payment_file.paid",
        entityType: "PaymentFile",
        entityId: fileId,
        before: { status: "CREATED" },
        after: { status: "PAID", count: instalments.length },
      },
      tx,
    );
    const mailIds: (string | null)[] = [];
    for (const i of instalments) {
      const app = i.application;
      await audit(
        {
          actorId: actor.id,
          action: "instalment.paid",
          entityType: "Instalment",
          entityId: i.id,
          before: { status: "EXPORTED" },
          after: { status: "PAID", amountSek: i.amountSek, paymentFileId: fileId },
        },
        tx,
      );
      const title = `Delbetalning ${i.number} för ${app.referenceNumber} är utbetald: ${formatSek(i.amountSek)}`;
      await notifyMembers(tx, app.id, {
        kind: "instalment_paid",
        title,
        body: `Pengarna för ${app.title} är skickade till organisationens konto.`,
        href: `/ansokningar/${app.id}`,
      });
      mailIds.push(
        ...(await mailMembers(tx, app.organisationId, (name) => ({
          subject: title,
          text: `Hej ${name}!\n\nDelbetalning ${i.number} av bidraget till ${app.title} (${app.referenceNumber}), ${formatSek(i.amountSek)}, är utbetald till organisationens konto. Det kan ta en till två bankdagar innan pengarna syns.\n\nSe betalningsplanen: ${appUrl(`/ansokningar/${app.id}`)}\n`,
          dedupeKey: `instalment-paid:${i.id}`,
          applicationId: app.id,
        }))),
      );
    }
    return mailIds;
  });
  await enqueueMail(mails);
}

/** What the payments page shows an administrator: the files and the instalments on their way. */
export async function paymentsOverview(actor: Actor, now = new Date()) {
  await requireFinance(actor, "payments.overview");
  const today = dateOnly(todayInStockholm(now));
  const grant = {
    application: {
      select: {
        id: true,
        referenceNumber: true,
        organisation: { select: { name: true } },
      },
    },
  } as const;
  const mine = { application: withoutConflictOf(actor) };
  const [overdue, awaitingAttest, ready, files] = await Promise.all([
    db.instalment.findMany({
      where: { status: "PLANNED", dueDate: { lt: today }, ...mine },
      orderBy: { dueDate: "asc" },
      include: grant,
    }),
    db.instalment.findMany({
      where: { status: "RELEASED", ...mine },
      orderBy: { dueDate: "asc" },
      include: grant,
    }),
    db.instalment.findMany({
      where: { status: "ATTESTED", paymentFileId: null, ...mine },
      orderBy: { dueDate: "asc" },
      include: grant,
    }),
    db.paymentFile.findMany({
      orderBy: { createdAt: "desc" },
      take: 50,
      select: {
        id: true,
        status: true,
        count: true,
        totalSek: true,
        sha256: true,
        upTo: true,
        createdAt: true,
        createdById: true,
        paidAt: true,
        cancelledAt: true,
        cancelReason: true,
        cancelledIds: true,
        instalments: { select: { applicationId: true } },
      },
    }),
  ]);
  const conflicts = new Set(
    (
      await db.conflictDeclaration.findMany({
        where: { userId: actor.id, status: { in: [...BLOCKING_CONFLICT] } },
        select: { applicationId: true },
      })
    ).map((c) => c.applicationId),
  );
  const cancelledApps = new Map(
    (
      await db.instalment.findMany({
        where: { id: { in: files.flatMap((f) => f.cancelledIds) } },
        select: { id: true, applicationId: true },
      })
    ).map((i) => [i.id, i.applicationId]),
  );
  const people = await names(files.map((f) => f.createdById));
  return {
    overdue,
    awaitingAttest,
    ready,
    files: files.map(({ instalments, cancelledIds, ...f }) => ({
      ...f,
      createdBy: people.get(f.createdById) ?? "",
      /** The admin declared a conflict in a grant in this file: they may not open or change it. */
      conflicted: [
        ...instalments.map((i) => i.applicationId),
        ...cancelledIds.map((id) => cancelledApps.get(id)),
      ].some((id) => !!id && conflicts.has(id)),
    })),
  };
}

/** Planned instalments past their date, for staff; not of grants they declared a conflict in. */
export async function overdueInstalments(actor: Actor, today = todayInStockholm()) {
  if (!isStaff(actor.roles)) await deny(actor, "followup.overdue_instalments");
  return db.instalment.findMany({
    where: {
      status: "PLANNED",
      dueDate: { lt: dateOnly(today) },
      application: withoutConflictOf(actor),
    },
    orderBy: { dueDate: "asc" },
    include: {
      application: {
        select: { id: true, referenceNumber: true, organisation: { select: { name: true } } },
      },
    },
  });
}

import "server-only";
import { stringify } from "csv-stringify";
import { CSV_OPTIONS } from "@/lib/server/csv";
import { Readable } from "node:stream";
import { db } from "./db";
import { deny, type Actor } from "./actor";
import { toAuditJson } from "./audit";
import { addDays, stockholmToUtc } from "@/lib/domain/dates";
import { safeCell } from "@/lib/domain/grant-export";
import type { AuditFilter } from "@/lib/validation/audit";
import type { Prisma } from "@/lib/generated/prisma/client";

const PAGE = 100;

/**
 * The ids a case's events are logged under: the application and its conflict declarations,
 * instalments, follow-up reports and their learning examples, repayment claims and letters of intent.
 */
async function caseEntityIds(referenceNumber: string): Promise<string[]> {
  const app = await db.application.findUnique({
    where: { referenceNumber },
    select: {
      id: true,
      conflicts: { select: { id: true } },
      instalments: { select: { id: true } },
      reports: { select: { id: true, learningExample: { select: { id: true } } } },
      repaymentClaims: { select: { id: true } },
      partners: { select: { letter: { select: { id: true } } } },
    },
  });
  if (!app) return [];
  return [
    app.id,
    ...app.conflicts.map((r) => r.id),
    ...app.instalments.map((r) => r.id),
    ...app.reports.flatMap((r) => (r.learningExample ? [r.id, r.learningExample.id] : [r.id])),
    ...app.repaymentClaims.map((r) => r.id),
    ...app.partners.flatMap((p) => (p.letter ? [p.letter.id] : [])),
  ];
}

async function where(f: AuditFilter): Promise<Prisma.AuditEventWhereInput> {
  return {
    ...(f.reference ? { entityId: { in: await caseEntityIds(f.reference) } } : {}),
    ...(f.actor ? { actor: { email: { contains: f.actor, mode: "insensitive" } } } : {}),
    ...(f.entity ? { entityType: f.entity } : {}),
    ...(f.entityId ? { entityId: f.entityId } : {}),
    ...(f.action ? { action: { startsWith: f.action } } : {}),
    ...(f.from || f.to
      ? {
          at: {
            // Whole days in Stockholm, summer time included.
            ...(f.from ? { gte: stockholmToUtc(f.from) } : {}),
            ...(f.to ? { lt: stockholmToUtc(addDays(f.to, 1)) } : {}),
          },
        }
      : {}),
  };
}

/** The audit log, newest first, 100 at a time (keyset on the id). Admins only. */
export async function readAuditLog(actor: Actor, f: AuditFilter) {
  if (!actor.roles.includes("ADMIN")) await deny(actor, "audit.read");
  const rows = await db.auditEvent.findMany({
    where: { ...(await where(f)), ...(f.before ? { id: { lt: f.before } } : {}) },
    orderBy: { id: "desc" },
    take: PAGE + 1,
    include: { actor: { select: { name: true, email: true } } },
  });
  const page = rows.slice(0, PAGE);
  // A case is named by its reference number (diarienummer), not by its database id.
  const cases = await db.application.findMany({
    where: {
      id: {
        in: page
          .filter((e) => e.entityType === "Application" && e.entityId)
          .map((e) => e.entityId!),
      },
      referenceNumber: { not: null },
    },
    select: { id: true, referenceNumber: true },
  });
  const reference = new Map(cases.map((c) => [c.id, c.referenceNumber]));
  return {
    rows: page.map((e) => ({
      ...e,
      reference: e.entityId ? (reference.get(e.entityId) ?? null) : null,
    })),
    next: rows.length > PAGE ? rows[PAGE - 1].id.toString() : null,
  };
}

/** The filtered audit log as CSV, streamed; the export itself is logged. */
export async function auditLogCsv(actor: Actor, f: AuditFilter): Promise<Readable> {
  if (!actor.roles.includes("ADMIN")) await deny(actor, "audit.export");
  await db.auditEvent.create({
    data: {
      actorId: actor.id,
      action: "export.audit_log",
      entityType: "Export",
      meta: toAuditJson(f),
    },
  });
  const out = stringify({
    header: true,
    columns: ["id", "time", "actor", "action", "entityType", "entityId", "before", "after", "meta"],
    ...CSV_OPTIONS,
  });
  const filter = await where(f);
  void (async () => {
    try {
      let before: bigint | undefined;
      for (;;) {
        const batch = await db.auditEvent.findMany({
          where: { ...filter, ...(before ? { id: { lt: before } } : {}) },
          orderBy: { id: "desc" },
          take: 1000,
          include: { actor: { select: { email: true } } },
        });
        for (const e of batch) {
          const row = [
            e.id.toString(),
            e.at.toISOString(),
            e.actor?.email ?? "",
            e.action,
            e.entityType,
            e.entityId ?? "",
            JSON.stringify(e.before ?? null),
            JSON.stringify(e.after ?? null),
            JSON.stringify(e.meta ?? null),
          ];
          if (!out.write(row.map((c) => safeCell(c))))
            await new Promise((r) => out.once("drain", r));
        }
        if (batch.length < 1000) break;
        before = batch[batch.length - 1].id;
      }
      out.end();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}

import "server-only";
import { db, type Tx } from "./db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditEntry = {
  actorId?: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  meta?: unknown;
};

/** A value as JSON for the log: bigints as text, undefined left out. */
export const toAuditJson = (value: unknown) =>
  value === undefined
    ? undefined
    : (JSON.parse(
        JSON.stringify(value, (_: string, v: unknown) =>
          typeof v === "bigint" ? v.toString() : v,
        ),
      ) as Prisma.InputJsonValue);

/** Appends one event to the audit log. Pass the transaction that makes the change, so both land or neither. */
export async function audit(entry: AuditEntry, tx: Tx = db) {
  await tx.auditEvent.create({
    data: {
      actorId: entry.actorId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      before: toAuditJson(entry.before),
      after: toAuditJson(entry.after),
      meta: toAuditJson(entry.meta),
    },
  });
}

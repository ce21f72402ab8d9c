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

const json = (value: unknown) =>
  value === undefined
    ? undefined
    : (JSON.parse(
        JSON.stringify(value, (_, v) => (typeof v === "bigint" ? v.toString() : v)),
      ) as Prisma.InputJsonValue);

/** Appends one event to the audit log. Pass the transaction that makes the change, so both land or neither. */
export async function audit(entry: AuditEntry, tx: Tx = db as unknown as Tx) {
  await tx.auditEvent.create({
    data: {
      actorId: entry.actorId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      before: json(entry.before),
      after: json(entry.after),
      meta: json(entry.meta),
    },
  });
}

import "server-only";
import { db, type Tx } from "./db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DomainError } from "./errors";

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

const row = (entry: AuditEntry) => ({
  actorId: entry.actorId ?? null,
  action: entry.action,
  entityType: entry.entityType,
  entityId: entry.entityId ?? null,
  before: toAuditJson(entry.before),
  after: toAuditJson(entry.after),
  meta: toAuditJson(entry.meta),
});

/** Appends one event to the audit log. Pass the transaction that makes the change, so both land or neither. */
export async function audit(entry: AuditEntry, tx: Tx = db) {
  await tx.auditEvent.create({ data: row(entry) });
}

/** Appends several events at once, in order (a decision meeting's decisions). */
export async function auditMany(entries: AuditEntry[], tx: Tx = db) {
  if (entries.length) await tx.auditEvent.createMany({ data: entries.map(row) });
}

/**
 * Runs a service step; when it throws a refusal (over budget, four eyes, a missing step, a
 * conflict of interest), the refusal is written to the log after the step's transaction has rolled
 * back, on its own connection, and the error goes on to the caller unchanged.
 */
export async function recordRefusals<T>(actorId: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof DomainError && error.refusal) {
      for (const r of [error.refusal, ...(error.refusals ?? [])]) {
        const { action, applicationId, entityType, reason, message, details } = r;
        await audit({
          actorId,
          action,
          entityType: entityType ?? "Application",
          entityId: applicationId,
          meta: { reason, message, ...details },
        });
      }
    }
    throw error;
  }
}

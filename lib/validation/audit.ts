import { z } from "./zod";
import { queryText } from "./query";

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional()).catch(undefined);

/** Filters of the audit log viewer, from the URL. */
export const AuditFilterInput = z.object({
  actor: optional(queryText(320).trim()),
  entity: optional(queryText(60).trim()),
  entityId: optional(queryText(60).trim()),
  // The case's reference number (diarienummer), e.g. 2026/0042.
  reference: optional(queryText(20).trim()),
  action: optional(queryText(80).trim()),
  from: optional(z.iso.date()),
  to: optional(z.iso.date()),
  // An audit event id: a positive bigint that PostgreSQL's int8 can hold.
  before: optional(
    z
      .string()
      .regex(/^[1-9]\d{0,18}$/)
      .transform(BigInt)
      .refine((n) => n <= 9_223_372_036_854_775_807n),
  ),
});
export type AuditFilter = z.infer<typeof AuditFilterInput>;

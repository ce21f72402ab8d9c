import { z } from "zod";

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional()).catch(undefined);

/** Filters of the audit log viewer, from the URL. */
export const AuditFilterInput = z.object({
  actor: optional(z.string().trim().max(320)),
  entity: optional(z.string().trim().max(60)),
  entityId: optional(z.string().trim().max(60)),
  action: optional(z.string().trim().max(80)),
  from: optional(z.iso.date()),
  to: optional(z.iso.date()),
  before: optional(z.coerce.bigint()),
});
export type AuditFilter = z.infer<typeof AuditFilterInput>;

import { z } from "./zod";
import { FOCUS_AREAS, TRACKS, VARIANTS } from "./application";
import { cursorText, queryText, recordId } from "./query";
import { municipalityParam } from "./municipality";

// The officers' dashboard filters, read from the URL so that a view can be shared.
const OFFICER_STATUSES = [
  "SUBMITTED",
  "IN_REVIEW",
  "COMPLEMENT_REQUESTED",
  "PROPOSED",
  "APPROVED",
  "REJECTED",
  "WITHDRAWN",
  "REPORT_SUBMITTED",
  "CLOSED",
] as const;
const one = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (v: unknown) => (Array.isArray(v) ? (v as unknown[])[0] : v === "" ? undefined : v),
    schema.optional(),
  );
const many = <T extends z.ZodType>(schema: T) =>
  z
    .preprocess(
      (v: unknown) =>
        v === undefined || v === "" ? [] : Array.isArray(v) ? (v as unknown[]) : [v],
      z.array(schema),
    )
    .catch([]);
const amount = one(z.coerce.number().int().min(0)).catch(undefined);

/** The round filter's value for every round at once. */
export const ALL_ROUNDS = "alla";
const isoDate = z.iso.date();

export const DashboardFilters = z.object({
  round: one(z.union([z.literal(ALL_ROUNDS), recordId])).catch(undefined),
  status: many(z.enum(OFFICER_STATUSES)),
  track: one(z.enum(TRACKS)).catch(undefined),
  variant: one(z.enum(VARIANTS)).catch(undefined),
  county: one(z.string().regex(/^\d{2}$/)).catch(undefined),
  municipality: one(municipalityParam).catch(undefined),
  focus: one(z.enum(FOCUS_AREAS)).catch(undefined),
  min: amount,
  max: amount,
  mine: one(z.enum(["1"])).catch(undefined),
  unreviewed: one(z.enum(["1"])).catch(undefined),
  q: one(queryText(200).trim()).catch(undefined),
  // Time in a case (docs/domain.md §5): at least this many days since submission; an open or an
  // overdue completion request; the round's target decision date on or before a day.
  minAge: one(z.coerce.number().int().min(0).max(10_000)).catch(undefined),
  completion: one(z.enum(["open", "overdue"])).catch(undefined),
  targetBefore: one(isoDate).catch(undefined),
  sort: one(z.enum(["submitted", "amount", "reference", "due", "target"])).catch(undefined),
  dir: one(z.enum(["asc", "desc"])).catch(undefined),
  after: one(cursorText).catch(undefined),
});
export type DashboardFilters = z.infer<typeof DashboardFilters>;
export { OFFICER_STATUSES };

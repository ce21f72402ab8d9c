import { z } from "./zod";
import { TRACKS } from "./application";
import { queryText, recordId } from "./query";

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional()).catch(undefined);

const FORMATS = ["csv", "excel", "xlsx", "json"] as const;
const TRACK = z.enum(TRACKS);
const YEAR = z.coerce.number().int().min(2018).max(2100);
const COUNTY = z.string().regex(/^\d{2}$/);
const REFERENCE = z.string().regex(/^\d{4}\/\d{4}$/);

/** Which approved grants to list or export; from the URL, so links can be shared. */
const GrantFilterInput = z.object({
  format: z.enum(FORMATS).catch("csv"),
  round: optional(recordId),
  year: optional(YEAR),
  track: optional(TRACK),
  county: optional(COUNTY),
  diarienummer: optional(REFERENCE),
});

/** The same parameters, each either absent (or empty) or valid: what a download insists on. */
const blank = <T extends z.ZodType>(schema: T) => z.union([z.literal(""), schema]).optional();
const StrictGrantFilterInput = z.object({
  format: blank(z.enum(FORMATS)),
  round: blank(recordId),
  year: blank(YEAR),
  track: blank(TRACK),
  county: blank(COUNTY),
  diarienummer: blank(REFERENCE),
  // The public list's page number and any other parameter: plain text, no control characters.
  sida: blank(queryText(10)),
});

/** The filter of the public list: a bad parameter is left out, so the list still shows. */
export function grantFilterFrom(params: URLSearchParams) {
  const input = GrantFilterInput.parse(Object.fromEntries(params));
  return {
    format: input.format,
    filter: {
      roundId: input.round,
      year: input.year,
      track: input.track,
      county: input.county,
      reference: input.diarienummer,
    },
  };
}

/** The filter of a download, or null when a parameter is not valid (the caller answers 400). */
export function strictGrantFilterFrom(params: URLSearchParams) {
  const repeated = [...new Set(params.keys())].some((k) => params.getAll(k).length > 1);
  if (repeated || !StrictGrantFilterInput.safeParse(Object.fromEntries(params)).success)
    return null;
  return grantFilterFrom(params);
}

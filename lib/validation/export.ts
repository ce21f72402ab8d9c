import { z } from "zod";
import { TRACKS } from "./application";

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional()).catch(undefined);

/** Which approved grants to list or export; from the URL, so links can be shared. */
const GrantFilterInput = z.object({
  format: z.enum(["csv", "xlsx", "json"]).catch("csv"),
  round: optional(z.string().max(40)),
  year: optional(z.coerce.number().int().min(2018).max(2100)),
  track: optional(z.enum(TRACKS)),
  county: optional(z.string().regex(/^\d{2}$/)),
});

export function grantFilterFrom(params: URLSearchParams) {
  const input = GrantFilterInput.parse(Object.fromEntries(params));
  return {
    format: input.format,
    filter: { roundId: input.round, year: input.year, track: input.track, county: input.county },
  };
}

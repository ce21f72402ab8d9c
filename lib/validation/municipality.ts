import { z } from "./zod";
import { queryText } from "./query";
import { municipalityCodeFrom } from "@/lib/reference/municipalities";

/**
 * A municipality filter's value from the URL: its four-digit code (what the combobox sends) or its
 * name, typed in the field when the page runs without JavaScript. Becomes the code, or fails.
 */
export const municipalityParam = queryText(100)
  .transform((text) => municipalityCodeFrom(text))
  .pipe(z.string());

const SEARCH = queryText(100);

/**
 * The municipality search's query (`GET /api/kommuner?q=…`): only `q`, once, plain text of at most
 * 100 characters. Null otherwise (the route answers 400).
 */
export function municipalitySearchFrom(params: URLSearchParams): string | null {
  for (const key of new Set(params.keys()))
    if (key !== "q" || params.getAll(key).length > 1) return null;
  const result = SEARCH.safeParse(params.get("q") ?? "");
  return result.success ? result.data : null;
}

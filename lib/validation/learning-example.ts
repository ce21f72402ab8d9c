// The public summary of a final report (erfarenhetsexempel, docs/domain.md §8), shared by the
// grantee's form, the server actions and the services: the same checks at the field and on the
// server. Whatever goes public may not hold personal data.
import { z } from "./zod";
import { limitedText } from "./text";
import { cursorText, queryText } from "./query";
import { FOCUS_AREAS, TRACKS } from "./application";
import { municipalityParam } from "./municipality";
import { personalDataIn, type PersonalDataKind } from "@/lib/domain/personal-data";
import {
  EXAMPLE_PART_LIMIT,
  EXAMPLE_PARTS,
  type ExamplePart,
} from "@/lib/domain/learning-examples";

const PERSONAL_DATA: Record<PersonalDataKind, string> = {
  email:
    "Ta bort e-postadressen. Sammanfattningen blir offentlig och får inte innehålla personuppgifter.",
  phone:
    "Ta bort telefonnumret. Sammanfattningen blir offentlig och får inte innehålla personuppgifter.",
  identityNumber:
    "Ta bort personnumret. Sammanfattningen blir offentlig och får inte innehålla personuppgifter.",
};

/** The message for a text with personal data in it, or null. */
export function personalDataMessage(text: string): string | null {
  const kind = personalDataIn(text);
  return kind ? PERSONAL_DATA[kind] : null;
}

const part = limitedText(EXAMPLE_PART_LIMIT).superRefine((text, ctx) => {
  const message = personalDataMessage(text);
  if (message) ctx.addIssue({ code: "custom", message });
});

const REQUIRED: Record<ExamplePart, string> = {
  place: "Beskriv platsen där ni har arbetat.",
  purpose: "Beskriv syftet med arbetet.",
  process: "Beskriv hur ni gick till väga.",
  results: "Beskriv vad arbetet ledde till.",
  lessons: "Beskriv vad ni har lärt er.",
};

export type ExampleTexts = Record<ExamplePart, string>;
export type ExampleDraft = ExampleTexts & { consent: boolean };

/** The five parts as the grantee writes them: each may be empty in a draft. */
const ExampleDraftInput = z.object({
  place: part,
  purpose: part,
  process: part,
  results: part,
  lessons: part,
});

/**
 * The shape of a draft, before each part is judged on its own (anything else is not a draft), and
 * whether the consent box is ticked.
 */
export const ExampleDraftShape = z.object({
  ...(Object.fromEntries(EXAMPLE_PARTS.map((p) => [p, z.string().max(4 * EXAMPLE_PART_LIMIT)])) as {
    [K in ExamplePart]: z.ZodString;
  }),
  consent: z.boolean(),
});

/** Sending the summary to the officer: every part written, and consent to publication. */
export const ExampleSubmission = z.object({
  ...(Object.fromEntries(
    EXAMPLE_PARTS.map((p) => [p, part.refine((s) => s.trim() !== "", REQUIRED[p])]),
  ) as { [K in ExamplePart]: typeof part }),
  consent: z.literal(true, {
    error: "Kryssa i att ni samtycker till att sammanfattningen publiceras.",
  }),
});

/**
 * Each part judged on its own, so that a valid part is saved even when its neighbour is not:
 * the valid parts, and a message for each of the others.
 */
export function checkExampleParts(texts: ExampleTexts): {
  valid: Partial<ExampleTexts>;
  errors: Partial<Record<ExamplePart, string>>;
} {
  const valid: Partial<ExampleTexts> = {};
  const errors: Partial<Record<ExamplePart, string>> = {};
  for (const p of EXAMPLE_PARTS) {
    const result = ExampleDraftInput.shape[p].safeParse(texts[p]);
    if (result.success) valid[p] = result.data;
    else errors[p] = result.error.issues[0]?.message ?? "";
  }
  return { valid, errors };
}

/** The officer approves: only after confirming that no individual is named. */
export const ExampleApproval = z.object({
  noIndividualsNamed: z.literal(true, {
    error: "Bekräfta att sammanfattningen inte nämner någon enskild person.",
  }),
});

export const ExampleChangesRequest = z.object({
  message: z.string().trim().min(10, "Skriv vad som behöver ändras i sammanfattningen.").max(4000),
});

export const ExampleUnpublishing = z.object({
  reason: z.string().trim().min(10, "Skriv varför exemplet tas bort från webbplatsen.").max(4000),
});

// ---------- the public list's filters, from the URL ----------

const YEAR = z.coerce.number().int().min(2018).max(2100);
const FILTER_FIELDS = {
  q: queryText(200).trim(),
  track: z.enum(TRACKS),
  focus: z.enum(FOCUS_AREAS),
  county: z.string().regex(/^\d{2}$/),
  municipality: municipalityParam,
  year: YEAR,
  after: cursorText,
};
type FilterField = keyof typeof FILTER_FIELDS;
export type ExampleFilter = { [K in FilterField]?: z.infer<(typeof FILTER_FIELDS)[K]> };

/** The public list's filters: a bad or empty parameter is left out, so the page still shows. */
export function exampleFilterFrom(params: URLSearchParams): ExampleFilter {
  const filter: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(FILTER_FIELDS)) {
    const value = params.get(key);
    if (value === null || value === "") continue;
    const result = schema.safeParse(value);
    if (result.success && result.data !== "") filter[key] = result.data;
  }
  return filter;
}

/**
 * The open data's filters: each parameter absent, empty or valid, none repeated, no unknown
 * parameter; otherwise null (the route answers 400).
 */
export function strictExampleFilterFrom(params: URLSearchParams): ExampleFilter | null {
  for (const key of new Set(params.keys())) {
    if (!(key in FILTER_FIELDS) || params.getAll(key).length > 1) return null;
    const value = params.get(key)!;
    if (value !== "" && !FILTER_FIELDS[key as FilterField].safeParse(value).success) return null;
  }
  return exampleFilterFrom(params);
}

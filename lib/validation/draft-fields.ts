// A draft saves field by field: every field that passes its check is saved even when a neighbour
// does not, and an invalid value is kept as typed, with its message, until it is fixed
// (docs/domain.md §3, drafts). The same functions run in the browser and in the service.
import { z } from "./zod";
import type { Problem } from "@/lib/domain/rules";
import { PART_SCHEMAS, type PartData, type PartName } from "./draft";

/** An invalid value as the person typed it, with what to do about it, by its path in the part. */
type KeptField = { value: string | number | boolean | null; message: string };
export type KeptFields = Record<string, KeptField>;

// Against abuse, not against people: a part larger than this is refused whole. The fields' own
// limits (a few thousand characters) are far below; the inputs cannot go past these caps.
const HARD_CAP = { textLength: 20_000, listLength: 500, partBytes: 512_000 } as const;

// A part's field names that differ from the contract's paths (the rules speak in contract paths).
const ALIASES: Record<string, string> = {
  periodStart: "period.start",
  periodEnd: "period.end",
  needBasisKind: "needBasis",
  needBasisDescription: "needBasis",
  foundedOn: "applicant.foundedOn",
};
export const contractPath = (path: string) => ALIASES[path] ?? path;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

/** The message of a part that breaks the hard caps, or null. */
export function hardCapProblem(raw: unknown): string | null {
  if (JSON.stringify(raw ?? null).length > HARD_CAP.partBytes)
    return "Delen är för stor för att sparas. Korta ner texterna.";
  const walk = (v: unknown): string | null => {
    if (typeof v === "string" && v.length > HARD_CAP.textLength)
      return `En text är för lång för att sparas (högst ${HARD_CAP.textLength.toLocaleString("sv-SE")} tecken).`;
    if (Array.isArray(v)) {
      if (v.length > HARD_CAP.listLength) return "Listan är för lång för att sparas.";
      for (const item of v) {
        const found = walk(item);
        if (found) return found;
      }
    }
    if (isRecord(v))
      for (const item of Object.values(v)) {
        const found = walk(item);
        if (found) return found;
      }
    return null;
  };
  return walk(raw);
}

/** A value that passes the schema when nothing better is known: empty text, 0, no choice. */
function blank(schema: z.ZodType): unknown {
  if (schema instanceof z.ZodObject)
    return Object.fromEntries(
      Object.entries(schema.shape as Record<string, z.ZodType>).map(([k, s]) => [k, blank(s)]),
    );
  if (schema instanceof z.ZodEnum) return (schema.options as unknown[])[0];
  for (const candidate of [undefined, null, "", 0, false, []])
    if (schema.safeParse(candidate).success) return candidate;
  return undefined;
}

function fieldwise(
  schema: z.ZodType,
  raw: unknown,
  fallback: unknown,
  path: string,
  kept: KeptFields,
): unknown {
  const whole = schema.safeParse(raw);
  if (whole.success) return whole.data;
  if (schema instanceof z.ZodObject && isRecord(raw)) {
    const previous = isRecord(fallback) ? fallback : (blank(schema) as Record<string, unknown>);
    return Object.fromEntries(
      Object.entries(schema.shape as Record<string, z.ZodType>).map(([key, field]) => [
        key,
        // A field the sender left out (an older form, a script) keeps its saved value: it was
        // not typed, so nothing is kept as invalid for it.
        !(key in raw) && !field.safeParse(undefined).success
          ? (previous[key] ?? blank(field))
          : fieldwise(field, raw[key], previous[key], join(path, key), kept),
      ]),
    );
  }
  if (schema instanceof z.ZodArray && Array.isArray(raw)) {
    const element = schema.element as z.ZodType;
    const keptInItems: KeptFields = {};
    const items = raw.map((item, i) => {
      // The previous row is the one with the same id (partners), else the one at the same place.
      const previousRows = Array.isArray(fallback) ? (fallback as unknown[]) : [];
      const id = isRecord(item) ? item.id : undefined;
      const previous =
        (id !== undefined && previousRows.find((row) => isRecord(row) && row.id === id)) ||
        previousRows[i];
      return fieldwise(element, item, previous ?? blank(element), join(path, i), keptInItems);
    });
    // Only a list that is itself acceptable (not too long) is saved row by row.
    if (schema.safeParse(items).success) {
      Object.assign(kept, keptInItems);
      return items;
    }
  }
  const issue = whole.error.issues[0];
  const value = atPath(raw, issue.path);
  const below = issue.path.map(String).join(".");
  kept[below ? join(path, below) : path] = {
    value: isPrimitive(value) ? value : null,
    message: issue.message,
  };
  return fallback === undefined ? blank(schema) : fallback;
}

const isPrimitive = (v: unknown): v is KeptField["value"] =>
  v === null || ["string", "number", "boolean"].includes(typeof v);

function atPath(value: unknown, path: readonly PropertyKey[]): unknown {
  let at = value;
  for (const key of path) at = isRecord(at) || Array.isArray(at) ? (at as never)[key] : undefined;
  return at;
}

/**
 * Splits what was typed into a part: `data` holds every valid field, and the fallback's value
 * (the last saved one) where a field is invalid; `kept` holds each invalid value as typed.
 */
export function checkPartFields<P extends PartName>(
  part: P,
  raw: unknown,
  fallback: PartData<P>,
): { data: PartData<P>; kept: KeptFields } {
  const kept: KeptFields = {};
  const data = fieldwise(PART_SCHEMAS[part], raw, fallback, "", kept) as PartData<P>;
  return { data, kept };
}

/** The part as the person left it: the saved values with each kept invalid value put back. */
export function withKeptFields<T>(data: T, kept: KeptFields): T {
  const copy = structuredClone(data) as unknown;
  for (const [path, { value }] of Object.entries(kept)) {
    const keys = path.split(".");
    let at: unknown = copy;
    for (const key of keys.slice(0, -1))
      at = isRecord(at) || Array.isArray(at) ? (at as never)[key] : undefined;
    const last = keys.at(-1)!;
    if (!(isRecord(at) || Array.isArray(at))) continue;
    const target = at as Record<string, unknown>;
    // Only where the form holds a value of the same kind: the form's state keeps its shape.
    if (last in target && (typeof target[last] === typeof value || target[last] === null))
      target[last] = value;
  }
  return copy as T;
}

/** The kept invalid values of a whole draft, by part: { partName: { path: { value, message } } }. */
export type KeptDraft = Partial<Record<PartName, KeptFields>>;

export function keptDraftOf(json: unknown): KeptDraft {
  if (!isRecord(json)) return {};
  const out: KeptDraft = {};
  for (const part of Object.keys(PART_SCHEMAS) as PartName[]) {
    const fields = json[part];
    if (!isRecord(fields)) continue;
    const valid = Object.entries(fields).filter(
      ([, f]) => isRecord(f) && typeof f.message === "string" && isPrimitive(f.value),
    );
    if (valid.length) out[part] = Object.fromEntries(valid) as KeptFields;
  }
  return out;
}

/** The kept invalid values as problems of the draft, in the contract's paths. */
const keptProblems = (kept: KeptDraft): Problem[] =>
  Object.values(kept).flatMap((fields) =>
    Object.entries(fields ?? {}).map(([path, field]) => ({
      code: "INVALID_FIELD" as const,
      path: contractPath(path),
      message: field.message,
    })),
  );

/**
 * The problems of a draft with its kept invalid values: each kept value's message, and the rules'
 * problems except at a field whose typed value is kept (its saved value is not what is on screen).
 */
export function withKeptProblems(rules: Problem[], kept: KeptDraft): Problem[] {
  const typed = keptProblems(kept);
  const paths = new Set(typed.map((p) => p.path));
  return [...typed, ...rules.filter((p) => !paths.has(p.path))];
}

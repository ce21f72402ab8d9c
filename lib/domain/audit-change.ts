// The audit log's before and after as rows a person can read (docs/domain.md, audit log). Pure.

export type ChangeRow = { key: string; before?: unknown; after?: unknown };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

// Record keys that say nothing to a reader of the log (ids and timestamps of the row itself).
const HIDDEN = new Set(["id", "createdAt", "updatedAt", "version"]);

/**
 * One row per field: what it was and what it became. A field that did not change is left out
 * when both sides are known; `meta` (why, how much, what was asked) comes last as rows of its own.
 */
export function changeRows(before: unknown, after: unknown, meta: unknown): ChangeRow[] {
  const rows: ChangeRow[] = [];
  const b = isRecord(before)
    ? before
    : before === null || before === undefined
      ? {}
      : { value: before };
  const a = isRecord(after) ? after : after === null || after === undefined ? {} : { value: after };
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (HIDDEN.has(key)) continue;
    const inBoth = key in b && key in a;
    if (inBoth && JSON.stringify(b[key]) === JSON.stringify(a[key])) continue;
    rows.push({
      key,
      ...(key in b ? { before: b[key] } : {}),
      ...(key in a ? { after: a[key] } : {}),
    });
  }
  if (isRecord(meta))
    for (const [key, value] of Object.entries(meta))
      if (!HIDDEN.has(key)) rows.push({ key, after: value });
  return rows;
}

import { z } from "./zod";

// Query parameters arrive as anything a URL can carry: NUL bytes, control characters, very long
// values, repeated keys. These schemas refuse what no form of the product sends, so that such a
// value never reaches the database (PostgreSQL refuses a NUL byte in text: that was a 500).

/** No C0 control character (NUL, tab, newline …) and no DEL. */
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Text of at most `max` characters without control characters. */
export const queryText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !CONTROL.test(s));

/** A record id as the database makes them (cuid) or as the demo data names them. */
export const recordId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** A paging cursor in base64url, at most 500 characters. */
export const cursorText = z.string().regex(/^[A-Za-z0-9_-]{1,500}$/);

import "server-only";

// Request bodies read with a limit: a body over the limit is refused (413) before it is parsed,
// whether it states its length or not. Content-Length is checked first, and the bytes are counted
// while reading, since a chunked body has no length and a stated length can be wrong.

const MAX_JSON_BYTES = 1024 * 1024;
const MAX_JSON_DEPTH = 20;

type BodyResult = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; reason: "too_large" };

/** The body as bytes, or "too_large" as soon as it passes `maxBytes`. */
async function readBody(request: Request, maxBytes: number): Promise<BodyResult> {
  const stated = request.headers.get("content-length");
  if (stated !== null && !(Number(stated) <= maxBytes)) return { ok: false, reason: "too_large" };
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, reason: "too_large" };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return { ok: true, bytes };
}

/** How deeply arrays and objects nest in JSON text, counted without parsing it; stops past `limit`. */
function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > limit) return true;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return false;
}

export type JsonBodyResult =
  | { ok: true; json: unknown }
  | { ok: false; status: 413; reason: "too_large" }
  | { ok: false; status: 400; reason: "invalid_json" | "too_deep" };

/** A JSON body of at most `maxBytes` bytes and `maxDepth` levels of nesting, parsed. */
export async function readJsonBody(
  request: Request,
  maxBytes = MAX_JSON_BYTES,
  maxDepth = MAX_JSON_DEPTH,
): Promise<JsonBodyResult> {
  const body = await readBody(request, maxBytes);
  if (!body.ok) return { ok: false, status: 413, reason: "too_large" };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body.bytes);
  } catch {
    return { ok: false, status: 400, reason: "invalid_json" };
  }
  if (jsonDepthExceeds(text, maxDepth)) return { ok: false, status: 400, reason: "too_deep" };
  try {
    return { ok: true, json: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, status: 400, reason: "invalid_json" };
  }
}

/** A multipart form body of at most `maxBytes` bytes, parsed; null when it cannot be read. */
export async function readFormBody(
  request: Request,
  maxBytes: number,
): Promise<{ ok: true; form: FormData | null } | { ok: false; reason: "too_large" }> {
  const body = await readBody(request, maxBytes);
  if (!body.ok) return body;
  const type = request.headers.get("content-type") ?? "";
  try {
    return {
      ok: true,
      form: await new Response(body.bytes, { headers: { "content-type": type } }).formData(),
    };
  } catch {
    return { ok: true, form: null };
  }
}

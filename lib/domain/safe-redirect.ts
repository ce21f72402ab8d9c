// Where to go after signing in, registering or enrolling: only ever a path on this site. A `next`
// or `callbackUrl` comes from the address bar, so it is parsed the way a browser would parse it
// (backslashes as slashes, tabs and newlines dropped, leading spaces trimmed) against our own
// origin, and anything that lands elsewhere — `/\evil.example`, `/%09/evil.example`,
// `//evil.example`, `javascript:` — gives the fallback instead.

/** Stands in for the site's origin when the caller has none at hand (client components). */
const OWN_ORIGIN = "https://samverka.invalid";

function sameOriginPath(raw: string, origin: string): string | null {
  let url: URL;
  try {
    url = new URL(raw, origin);
  } catch {
    return null;
  }
  if (url.origin !== new URL(origin).origin) return null;
  const path = url.pathname + url.search + url.hash;
  // The result is used as a relative address again: it must not read as one to another host.
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : null;
}

/**
 * The same-origin path (pathname, query and fragment) that `raw` leads to, or `fallback`. `origin`
 * is the site's own origin when known (next-auth's baseUrl); any absolute address must match it.
 */
export function safeNextPath(raw: unknown, fallback: string, origin = OWN_ORIGIN): string {
  if (typeof raw !== "string" || raw === "") return fallback;
  const path = sameOriginPath(raw, origin);
  if (!path) return fallback;
  // A path that still reads as another host once decoded (e.g. `/%5Cevil.example`) is refused too,
  // in case anything downstream decodes it again.
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return fallback;
  }
  return sameOriginPath(decoded, origin) ? path : fallback;
}

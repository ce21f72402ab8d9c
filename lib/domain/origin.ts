// Cross-site request forgery, filtered by the Origin a browser sends: every request that can change
// something (POST, PUT, PATCH, DELETE — route handlers and server actions alike) must come from a
// page of this site. Pure: server.ts applies it to every request, and route handlers once more.

export const FOREIGN_ORIGIN_MESSAGE =
  "Begäran kom från en annan webbplats och har stoppats. Öppna Samverka och försök igen därifrån.";

export function isStateChanging(method: string | undefined): boolean {
  return method !== "GET" && method !== "HEAD" && method !== "OPTIONS";
}

/**
 * The hosts (`name[:port]`, lower-case) besides the request's own that pages may post from: the
 * app's public address (NEXTAUTH_URL) and SAMVERKA_ALLOWED_ORIGINS, a comma-separated list of
 * origins (`https://samverka.example`) or hosts. The same list goes to Next.js's own check of
 * server actions (`serverActions.allowedOrigins`, which compares hosts).
 */
export function allowedHosts(spec: string | undefined, publicUrl: string | undefined): string[] {
  const hosts = new Set<string>();
  for (const entry of [publicUrl, ...(spec ?? "").split(",")]) {
    const value = entry?.trim();
    if (!value) continue;
    try {
      hosts.add(value.includes("://") ? new URL(value).host : value.toLowerCase());
    } catch {
      // An entry that is no address allows nothing.
    }
  }
  return [...hosts];
}

/**
 * Whether a state-changing request may proceed. With an Origin header (every current browser sends
 * one on POST, also for same-origin requests) its host must be `host` (the Host header, or
 * X-Forwarded-Host when that is trusted) or an allowed host; `null` and anything unparsable are
 * foreign. Without Origin, Sec-Fetch-Site decides when present (`cross-site`, `same-site` refused);
 * with neither the caller is a script or an old browser, which carries no cookie of ours to a
 * cross-site POST anyway (the session cookie is SameSite=Lax).
 */
export function originAllowed(request: {
  origin: string | null | undefined;
  secFetchSite: string | null | undefined;
  host: string | null | undefined;
  allowedHosts: readonly string[];
}): boolean {
  if (!request.origin) {
    const site = request.secFetchSite?.trim().toLowerCase();
    return site !== "cross-site" && site !== "same-site";
  }
  let originHost: string;
  try {
    originHost = new URL(request.origin).host;
  } catch {
    return false;
  }
  if (!originHost) return false;
  const host = request.host?.split(",")[0].trim().toLowerCase();
  return originHost === host || request.allowedHosts.includes(originHost);
}

import "server-only";

const allowedOrigins = () =>
  (process.env.SAMVERKA_ALLOWED_ORIGINS ?? "")
    .split(",")
    .map((o) => o.trim())
    .filter(Boolean);

/**
 * Guards cookie-authenticated route handlers that change data against cross-site requests (the
 * session cookie is SameSite=Lax as well): a browser sends Origin with every POST, and it must be
 * this host or one of SAMVERKA_ALLOWED_ORIGINS. Requests without Origin (scripts, not browsers)
 * pass; they carry no ambient cookie of a victim.
 */
export function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    const url = new URL(origin);
    return url.host === host || allowedOrigins().includes(url.origin);
  } catch {
    return false;
  }
}

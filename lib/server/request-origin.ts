import "server-only";
import { NextResponse } from "next/server";
import { FOREIGN_ORIGIN_MESSAGE, allowedHosts, originAllowed } from "@/lib/domain/origin";

/**
 * Every route handler that changes data calls this first: a request from another site's page gets
 * 403 before anything is looked up (lib/domain/origin.ts has the rule). server.ts already refuses
 * such requests for the whole app; this keeps the rule where the data changes, also under
 * `next dev`. X-Forwarded-Host counts only with SAMVERKA_TRUST_FORWARDED_HOST=1, and server.ts
 * passes it on only from a trusted proxy.
 */
export function refuseForeignOrigin(request: Request): NextResponse | null {
  const headers = request.headers;
  const forwardedHost =
    process.env.SAMVERKA_TRUST_FORWARDED_HOST === "1" ? headers.get("x-forwarded-host") : null;
  const allowed = originAllowed({
    origin: headers.get("origin"),
    secFetchSite: headers.get("sec-fetch-site"),
    host: forwardedHost || headers.get("host"),
    allowedHosts: allowedHosts(process.env.SAMVERKA_ALLOWED_ORIGINS, process.env.NEXTAUTH_URL),
  });
  return allowed
    ? null
    : NextResponse.json(
        { ok: false, message: FOREIGN_ORIGIN_MESSAGE },
        { status: 403, headers: { "Cache-Control": "no-store" } },
      );
}

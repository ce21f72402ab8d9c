// The production server (`npm start`, `npm run start:prod`, the end-to-end and system tests): Next.js
// behind a few lines of header handling that `next start` cannot do, because only here is the TCP
// connection's address known (docs/decisions/008-edge-server.md).
//   1. Who the client is: the connection's address, or — only when the connection comes from one of
//      SAMVERKA_TRUSTED_PROXIES — the address that proxy appended to X-Forwarded-For. Forwarding
//      headers from anyone else are dropped; X-Forwarded-Host is kept only with
//      SAMVERKA_TRUST_FORWARDED_HOST=1 from a trusted proxy.
//   2. Cross-site requests: anything that can change data (route handlers and server actions) from
//      another site's page gets 403 before Next.js runs it.
// Nothing else happens per request: no body is read, nothing is looked up.
import { createServer, type ServerResponse } from "node:http";
import next from "next";
import { parseTrustedProxies, rewriteForwardingHeaders } from "./lib/domain/client-address";
import {
  FOREIGN_ORIGIN_MESSAGE,
  allowedHosts,
  isStateChanging,
  originAllowed,
} from "./lib/domain/origin";

/** Public by design and used by scripts without cookies: may be called from anywhere. */
const OPEN_TO_OTHER_SITES = new Set(["/api/v1/applications/validate"]);

const fail = (message: string): never => {
  console.error(`[samverka] kunde inte starta: ${message}`);
  process.exit(1);
};

if (process.env.NODE_ENV !== "production")
  fail("server.ts kör produktionsbygget: starta med NODE_ENV=production (npm start gör det)");
const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port <= 0 || port > 65535) fail(`ogiltig PORT: ${process.env.PORT}`);
let trustedProxies: ReturnType<typeof parseTrustedProxies>;
try {
  trustedProxies = parseTrustedProxies(process.env.SAMVERKA_TRUSTED_PROXIES);
} catch (error) {
  fail((error as Error).message);
}
const trustForwardedHost = process.env.SAMVERKA_TRUST_FORWARDED_HOST === "1";
if (trustForwardedHost && trustedProxies!.size === 0)
  console.warn(
    "[samverka] SAMVERKA_TRUST_FORWARDED_HOST=1 utan SAMVERKA_TRUSTED_PROXIES: X-Forwarded-Host används inte",
  );
const edge = { trustedProxies: trustedProxies!, trustForwardedHost };
const hosts = allowedHosts(process.env.SAMVERKA_ALLOWED_ORIGINS, process.env.NEXTAUTH_URL);

function refuse(res: ServerResponse) {
  const body = JSON.stringify({ ok: false, message: FOREIGN_ORIGIN_MESSAGE });
  res.writeHead(403, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
  });
  res.end(body);
}

const app = next({ dev: false, dir: import.meta.dirname, port, hostname: "localhost" });

async function main() {
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => {
    rewriteForwardingHeaders(req.headers, req.socket.remoteAddress, edge);
    if (
      isStateChanging(req.method) &&
      !OPEN_TO_OTHER_SITES.has((req.url ?? "/").split("?")[0]) &&
      !originAllowed({
        origin: req.headers.origin,
        secFetchSite: req.headers["sec-fetch-site"],
        host: (req.headers["x-forwarded-host"] as string | undefined) ?? req.headers.host,
        allowedHosts: hosts,
      })
    ) {
      // Node discards the unread body after the answer.
      return refuse(res);
    }
    handle(req, res).catch((error: unknown) => {
      console.error(`[samverka] fel vid ${req.method} ${req.url}`, error);
      if (res.headersSent) res.destroy();
      else {
        res.statusCode = 500;
        res.end("Internal Server Error");
      }
    });
  });
  server.listen(port, () => console.log(`[samverka] lyssnar på port ${port}`));
  const stop = (code: number) => {
    server.close();
    void app.close().finally(() => process.exit(code));
    setTimeout(() => process.exit(code), 5_000).unref();
  };
  process.on("SIGTERM", () => stop(143));
  process.on("SIGINT", () => stop(130));
}

main().catch((error: unknown) =>
  fail(error instanceof Error ? (error.stack ?? error.message) : String(error)),
);

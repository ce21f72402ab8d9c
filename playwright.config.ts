import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./tests/chromium";

// Debian's Chromium, never a downloaded browser; the production build.
const port = Number(process.env.PORT ?? 3100);

// One worker: most specs share the demo data (they read or change demo cases, rounds and
// accounts), and the action matrix compares every business table before and after each call, so
// nothing may run beside it. (Two workers, with the specs that make their own data beside the
// shared ones and the matrix alone at the end, were tried: the matrix then timed out in its new
// worker; not yet understood.)

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  outputDir: "test-results",
  use: {
    baseURL: `http://localhost:${port}`,
    locale: "sv-SE",
    timezoneId: "Europe/Stockholm",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: chromiumLaunchOptions,
  },
  webServer: {
    // What production runs: server.ts (client addresses, Origin checks) in front of Next.js.
    command: "node_modules/.bin/tsx server.ts",
    url: `http://localhost:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      ...(process.env as Record<string, string>),
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
    },
  },
});

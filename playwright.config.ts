import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./tests/chromium";

// Debian's Chromium, never a downloaded browser; the production build.
const port = Number(process.env.PORT ?? 3100);

// Two workers, two projects. Most specs share the demo data (they read or change demo cases,
// rounds and accounts) and run one at a time, in file order. The specs below make every record
// they touch themselves (a new applicant, organisation and draft each) and mostly wait as a
// person pauses, so one of them runs beside the shared ones.
const OWN_DATA = ["autosave.spec.ts", "keyboard-journey.spec.ts"];
// These run last, with nothing beside them: the action matrix compares every business table
// before and after each outsider's call, and the load test measures how the app answers.
const ALONE = ["authorization-actions.spec.ts", "validate-load.spec.ts"];

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 2,
  projects: [
    { name: "shared", testIgnore: [...OWN_DATA, ...ALONE], workers: 1 },
    { name: "own-data", testMatch: OWN_DATA, workers: 1 },
    { name: "alone", testMatch: ALONE, workers: 1, dependencies: ["shared", "own-data"] },
  ],
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

import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./tests/chromium";

// Debian's Chromium, never a downloaded browser; the production build.
const port = Number(process.env.PORT ?? 3100);

// Two workers, in three projects:
// - "first": the action matrix compares every business table before and after each outsider's
//   call, and the load test measures how the app answers, so both run first with nothing beside
//   them;
// - then "shared" (the specs that read or change the demo cases, rounds and accounts, one at a
//   time) and "own-data" (the specs that make their own applicant, organisation, draft or round
//   and mostly wait as a person pauses) run beside each other.
const FIRST = ["authorization-actions.spec.ts", "validate-load.spec.ts"];
const OWN_DATA = [
  "autosave.spec.ts",
  "keyboard-journey.spec.ts",
  "applicant-journey.spec.ts",
  "accounts.spec.ts",
  "meeting.spec.ts",
  "staff-invitation.spec.ts",
];

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 2,
  projects: [
    { name: "first", testMatch: FIRST, workers: 1 },
    {
      name: "shared",
      testIgnore: [...FIRST, ...OWN_DATA],
      workers: 1,
      dependencies: ["first"],
    },
    { name: "own-data", testMatch: OWN_DATA, workers: 1, dependencies: ["first"] },
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

import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./tests/chromium";

// System tests (tests/system): two app instances on one PostgreSQL, a database that stops, an app
// process killed mid-submission, fifty applicants at once. The tests start and stop their own
// processes (server.ts on the production build in .next, the suite's own embedded PostgreSQL),
// so there is no webServer here. Debian's Chromium, never a downloaded browser; one worker.
export default defineConfig({
  testDir: "tests/system",
  globalSetup: "./tests/system/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 240_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  // Not under test-results/: the end-to-end suite empties that folder when it starts.
  outputDir: ".data/system-test-results",
  use: {
    locale: "sv-SE",
    timezoneId: "Europe/Stockholm",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: chromiumLaunchOptions,
  },
});

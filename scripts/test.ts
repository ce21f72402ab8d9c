// `npm test`: the whole suite against a database created for this run.
//   0. the static checks of scripts/check.ts (format, lint, types, layering, unused code), and the
//      dependencies: known advisories (scripts/audit.ts) and a well-formed SBOM (scripts/sbom.ts);
//   1. a fresh embedded PostgreSQL (or the server of TEST_DATABASE_ADMIN_URL) and a migrated template;
//   2. Vitest: unit tests, then integration tests (each file on its own copy of the template);
//   3. a production build and Playwright on Debian's Chromium against a seeded copy.
// Exits non-zero if anything fails. `--e2e-only`, `--no-e2e` and `--no-checks` narrow it during
// development; `--no-build` reuses the last build; spec files named after the flags run alone
// (`--e2e-only --no-build tests/e2e/security.spec.ts`), without the system tests.
import path from "node:path";
import { randomBytes } from "node:crypto";
import { TEST_PG } from "./lib/config";
import {
  dropDatabase,
  ensureDatabase,
  startEmbeddedPostgres,
  type RunningPostgres,
} from "./lib/postgres";
import { prisma, run } from "./lib/run";
import { checkRuntime } from "./lib/runtime";

const args = new Set(process.argv.slice(2).filter((arg) => arg.startsWith("--")));
const specs = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
const TEMPLATE_DB = "samverka_template";
const runStarted = Date.now();
// Each phase says when it began, so a slow phase shows in the CI log without a stopwatch.
const log = (message: string) =>
  console.log(`\n[test] +${Math.round((Date.now() - runStarted) / 1000)} s ${message}`);

// If anything leaves the run hanging with nothing left to do, Node would exit 0 without a verdict:
// only the summary line below may end a run successfully.
let finished = false;
process.on("beforeExit", () => {
  if (!finished) {
    console.error("\n[test] MISSLYCKADES: körningen tog slut utan resultat");
    process.exit(1);
  }
});

async function main() {
  const started = Date.now();
  log(`Node.js ${checkRuntime("[test]")}`);
  let server: RunningPostgres | null = null;
  let adminUrl = process.env.TEST_DATABASE_ADMIN_URL;
  if (!adminUrl) {
    log("startar en ny inbyggd PostgreSQL för testkörningen");
    server = await startEmbeddedPostgres({
      dataDir: path.resolve(TEST_PG.dataDir),
      port: TEST_PG.port,
      fresh: true,
    });
    adminUrl = server.adminUrl;
  }
  const urlFor = (db: string) => {
    const u = new URL(adminUrl);
    u.pathname = `/${db}`;
    return u.toString();
  };
  const failures: string[] = [];
  const step = async (name: string, fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (error) {
      failures.push(name);
      console.error(
        `[test] ${name} misslyckades: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };

  try {
    if (!args.has("--e2e-only") && !args.has("--no-checks")) {
      log("kontroller: formatering, lint, typer, lager och oanvänd kod");
      await step("kontroller", () => run("tsx", ["scripts/check.ts"]));
      log("beroenden: advisories och SBOM");
      await step("beroenden", async () => {
        // Both run, so that one run shows every problem.
        const audit = await run("tsx", ["scripts/audit.ts"]).then(
          () => null,
          (error: Error) => error,
        );
        await run("tsx", ["scripts/sbom.ts"]);
        if (audit) throw audit;
      });
    }
    await dropDatabase(adminUrl, TEMPLATE_DB);
    await ensureDatabase(adminUrl, TEMPLATE_DB);
    await prisma(["generate"], urlFor(TEMPLATE_DB));
    await prisma(["migrate", "deploy"], urlFor(TEMPLATE_DB));
    const env = { TEST_DATABASE_ADMIN_URL: adminUrl, NODE_ENV: "test" };

    if (!args.has("--e2e-only")) {
      log("enhetstester och integrationstester (Vitest)");
      await step("vitest", () => run("vitest", ["run"], env));
    }

    if (!args.has("--no-e2e")) {
      const e2eDb = `samverka_e2e_${randomBytes(3).toString("hex")}`;
      await ensureDatabase(adminUrl, e2eDb, TEMPLATE_DB);
      // SAMVERKA_E2E_PORT and SAMVERKA_E2E_OIDC_PORT let a second checkout run the suite beside this one.
      const port = process.env.SAMVERKA_E2E_PORT ?? "3100";
      const oidcPort = process.env.SAMVERKA_E2E_OIDC_PORT ?? "3190";
      const e2eEnv = {
        DATABASE_URL: urlFor(e2eDb),
        AUTH_SECRET: randomBytes(32).toString("base64url"),
        NEXTAUTH_URL: `http://localhost:${port}`,
        PORT: port,
        TEST_DATABASE_ADMIN_URL: adminUrl,
        PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1",
        // E-legitimation sign-in against the OpenID Connect provider that tests/e2e/eleg.spec.ts starts.
        OIDC_ISSUER: `http://localhost:${oidcPort}`,
        OIDC_CLIENT_ID: "samverka-e2e",
        OIDC_CLIENT_SECRET: randomBytes(24).toString("base64url"),
      };
      log("demodata för end-to-end-testerna");
      await run("tsx", ["prisma/seed.ts"], e2eEnv);
      if (!args.has("--no-build")) {
        log("produktionsbygge (next build)");
        await step("next build", () =>
          run("next", ["build"], { ...e2eEnv, NODE_ENV: "production" }),
        );
      }
      if (!failures.includes("next build")) {
        log("end-to-end-tester (Playwright, Debians Chromium)");
        await step("playwright", () => run("playwright", ["test", ...specs], e2eEnv));
        if (!specs.length) {
          log(
            "systemtester: två instanser, databasen stoppas, appen dödas, femtio samtidiga (Playwright)",
          );
          await step("system", () =>
            run("playwright", ["test", "-c", "playwright.system.config.ts"], env),
          );
        }
      }
      await dropDatabase(adminUrl, e2eDb).catch(() => {});
    }
  } finally {
    await server?.stop();
  }

  const seconds = Math.round((Date.now() - started) / 1000);
  if (failures.length) {
    console.error(`\n[test] MISSLYCKADES (${failures.join(", ")}) efter ${seconds} s`);
    finished = true;
    process.exit(1);
  }
  console.log(`\n[test] alla tester gick igenom på ${seconds} s`);
  finished = true;
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

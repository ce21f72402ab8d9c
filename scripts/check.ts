// `npm run check`: the static checks, each run to the end so that one run shows every problem:
// formatting, lint, types, the layering and unused code. `npm test` runs them before the tests.
import { run } from "./lib/run";

const CHECKS: [name: string, command: string, args: string[]][] = [
  ["formatering (Prettier)", "prettier", ["--check", "--log-level", "warn", "."]],
  ["lint (ESLint)", "eslint", ["--max-warnings", "0", "."]],
  ["typkontroll (tsc)", "tsc", ["--noEmit"]],
  [
    "lager och cykler (dependency-cruiser)",
    "depcruise",
    ["app", "components", "lib", "scripts", "prisma", "tests", "proxy.ts", "instrumentation.ts"],
  ],
  ["oanvänd kod (knip)", "knip", ["--no-progress"]],
];

// The Prisma client is generated code that the type check and the linter read.
await run("tsx", ["scripts/db.ts", "generate"]);
const failed: string[] = [];
for (const [name, command, args] of CHECKS) {
  console.log(`\n[check] ${name}`);
  await run(command, args).catch(() => failed.push(name));
}
if (failed.length) {
  console.error(`\n[check] MISSLYCKADES: ${failed.join(", ")}`);
  process.exit(1);
}
console.log("\n[check] alla kontroller gick igenom");

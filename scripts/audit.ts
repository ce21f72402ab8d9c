// `npm run audit`: known advisories in the dependencies, here and anywhere else.
//   1. `npm audit --omit=dev --audit-level=high` where the registry's advisory service answers: fails
//      on a high or critical advisory. Where it refuses (this project's machines answer 405) or the
//      network fails, says "advisory service unavailable" and goes on.
//   2. Always: every version in package-lock.json against the dated floors in
//      security/advisory-floors.json; fails on any version below a floor.
// `npm test` runs it (scripts/test.ts). Exits non-zero on a finding.
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { belowFloor, type Floor } from "./lib/versions";

type Lockfile = {
  packages: Record<string, { version?: string; dev?: boolean; optional?: boolean; link?: boolean }>;
};

const log = (message: string) => console.log(`[audit] ${message}`);

/** Runs a command and collects its output; resolves with code null if it could not run in time. */
function capture(command: string, args: string[], timeoutMs: number) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGTERM"), timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      resolve({ code: null, stdout, stderr: String(error) });
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

type AuditReport = {
  metadata?: { vulnerabilities?: Record<string, number> };
  vulnerabilities?: Record<
    string,
    { severity: string; range?: string; via: (string | { title?: string; url?: string })[] }
  >;
  message?: string;
};

const UNAVAILABLE =
  /\b(405|E405|ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|audit endpoint returned an error|network|socket hang up)\b/i;

/** Step 1: the registry's advisory service. Returns the findings (empty when none or unavailable). */
async function registryAudit(): Promise<string[]> {
  const result = await capture(
    "npm",
    ["audit", "--omit=dev", "--audit-level=high", "--json"],
    120_000,
  );
  let report: AuditReport | null = null;
  try {
    report = JSON.parse(result.stdout) as AuditReport;
  } catch {
    report = null;
  }
  const counts = report?.metadata?.vulnerabilities;
  if (counts) {
    const summary = Object.entries(counts)
      .filter(([level]) => level !== "total")
      .map(([level, n]) => `${n} ${level}`)
      .join(", ");
    log(`advisory service answered: ${summary}`);
    return Object.entries(report?.vulnerabilities ?? {})
      .filter(([, v]) => v.severity === "high" || v.severity === "critical")
      .map(([name, v]) => {
        const via = v.via
          .map((x) => (typeof x === "string" ? x : [x.title, x.url].filter(Boolean).join(" ")))
          .join("; ");
        return `${name} ${v.range ?? ""} (${v.severity}): ${via}`;
      });
  }
  const reason =
    report?.message ??
    (result.code === null
      ? "no answer in time"
      : (result.stderr.split("\n").find((line) => /error/i.test(line)) ?? "").trim());
  if (result.code === null || UNAVAILABLE.test(reason)) {
    log(`advisory service unavailable (${reason || "no answer"}); checking the dated floors only`);
    return [];
  }
  return [`npm audit failed without a report: ${reason || result.stderr.trim()}`];
}

/** Step 2: the lockfile's versions against security/advisory-floors.json. */
async function floorAudit(): Promise<string[]> {
  const floors = JSON.parse(
    await readFile(path.resolve("security", "advisory-floors.json"), "utf8"),
  ) as { checked: string; floors: Floor[] };
  const lock = JSON.parse(await readFile(path.resolve("package-lock.json"), "utf8")) as Lockfile;
  const installed = new Map<string, { version: string; where: string; dev: boolean }[]>();
  for (const [where, entry] of Object.entries(lock.packages)) {
    if (!where || !entry.version || entry.link) continue;
    const name = where.slice(where.lastIndexOf("node_modules/") + "node_modules/".length);
    const list = installed.get(name) ?? [];
    list.push({ version: entry.version, where, dev: Boolean(entry.dev) });
    installed.set(name, list);
  }
  const findings: string[] = [];
  let compared = 0;
  for (const floor of floors.floors) {
    for (const pkg of installed.get(floor.package) ?? []) {
      compared++;
      if (belowFloor(pkg.version, floor))
        findings.push(
          `${floor.package}@${pkg.version}${pkg.dev ? " (dev)" : ""} at ${pkg.where}: ${floor.advisory} (${floor.severity}, ${floor.date}) – ${floor.summary}`,
        );
    }
  }
  const packages = new Set(floors.floors.map((f) => f.package));
  log(
    `advisory floors (security/advisory-floors.json, checked ${floors.checked}): ${floors.floors.length} advisories on ${packages.size} packages, ${compared} installed versions compared`,
  );
  return findings;
}

async function main() {
  const findings = [...(await registryAudit()), ...(await floorAudit())];
  if (findings.length) {
    console.error(`[audit] MISSLYCKADES: ${findings.length} fynd`);
    for (const finding of findings) console.error(`  - ${finding}`);
    process.exit(1);
  }
  log("inga kända sårbarheter över gränsen");
}

await main();

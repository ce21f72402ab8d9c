// `npm run bench`: throughput and latency of the main pages against a bulk-seeded database
// (`npm run seed:bulk -- --applications 100000` first), with a bare dynamic route and the
// dashboard's SQL alone as yardsticks, plus the CSV export's time and the server's peak memory.
// The server runs on core 1 (taskset), this load generator on core 0.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { APP_PG } from "./lib/config";
import { ensureDatabase, startEmbeddedPostgres } from "./lib/postgres";
import { run } from "./lib/run";

const PORT = 3400;
const base = `http://127.0.0.1:${PORT}`;
const seconds = Number(process.env.BENCH_SECONDS ?? 10);

type Row = { target: string; connections: number | string; rps: number; p50: number; p975: number; p99: number; errors: number };

async function cannon(title: string, url: string, connections: number, options: Partial<autocannon.Options> = {}): Promise<Row> {
  const result = await autocannon({ url, connections, duration: seconds, ...options });
  return { target: title, connections, rps: Math.round(result.requests.average), p50: result.latency.p50, p975: result.latency.p97_5, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

async function main() {
  let url = process.env.DATABASE_URL;
  let stopDb = async () => {};
  if (!url) {
    const server = await startEmbeddedPostgres({ dataDir: APP_PG.dataDir, port: APP_PG.port });
    await ensureDatabase(server.adminUrl, "samverka_bench");
    url = server.urlFor("samverka_bench");
    stopDb = server.stop;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows: [{ n }] } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Application"`);
  if (n < 1000) throw new Error("Kör först npm run seed:bulk -- --applications 100000");
  await client.query(`INSERT INTO "ConflictDeclaration"(id, "applicationId", "userId", status) VALUES ('bench-c1', 'bulk-a7', 'bulk-reviewer', 'NO_CONFLICT') ON CONFLICT DO NOTHING`);

  if (!existsSync(".next/BUILD_ID")) await run("next", ["build"], { DATABASE_URL: url });
  const env = { ...process.env, DATABASE_URL: url, AUTH_SECRET: "bench-secret", NEXTAUTH_URL: base, NODE_ENV: "production", SAMVERKA_JOBS: "off", SAMVERKA_SIGNIN_LIMIT_PER_IP: "100000000", DATABASE_POOL_SIZE: "20" } as NodeJS.ProcessEnv;
  const server = spawn("taskset", ["-c", "1", path.resolve("node_modules/.bin/next"), "start", "-p", String(PORT)], { env, stdio: "ignore" });
  for (let i = 0; i < 60; i++) {
    if (await fetch(`${base}/api/ping`).then((r) => r.ok).catch(() => false)) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const serverPid = Number(readFileSync(`/proc/${server.pid}/task/${server.pid}/children`, "utf8").trim().split(/\s+/)[0] || server.pid);

  // Sign the bench officer in once and reuse the session cookie.
  const csrfResponse = await fetch(`${base}/api/auth/csrf`);
  const csrfCookie = csrfResponse.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const signInBody = new URLSearchParams({ csrfToken, email: "bulk-handlaggare@samverka.example", password: "samverka-demo", json: "true" }).toString();
  const signIn = await fetch(`${base}/api/auth/callback/credentials`, { method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie }, body: signInBody });
  const session = [csrfCookie, ...signIn.headers.getSetCookie().map((c) => c.split(";")[0])].join("; ");
  const authed = { headers: { cookie: session } };

  const dashboard = `${base}/handlaggning?round=bulk-round&status=IN_REVIEW&q=barn&sort=amount&dir=desc`;
  const rows: Row[] = [];
  for (const connections of [16, 64]) {
    rows.push(await cannon("bare dynamic route", `${base}/api/ping`, connections));
    rows.push(await cannon("dashboard (filters + search)", dashboard, connections, authed));
    rows.push(await cannon("application page (officer)", `${base}/handlaggning/bulk-a7`, connections, authed));
    rows.push(await cannon("public list", `${base}/beviljade`, connections));
    rows.push(await cannon("sign-in", `${base}/api/auth/callback/credentials`, connections, { method: "POST", body: signInBody, headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie } }));
  }

  // The dashboard's SQL alone, 16 at a time, for the same duration.
  const pool = new pg.Pool({ connectionString: url, max: 16 });
  const sql = `SELECT a.id FROM "Application" a WHERE a."roundId" = 'bulk-round' AND a.status <> 'DRAFT' AND a.status = ANY($1::"ApplicationStatus"[])
    AND (a."searchVector" @@ websearch_to_tsquery('swedish', $2) OR a."referenceNumber" = $2) ORDER BY a."requestedSek" DESC, a.id DESC LIMIT 26`;
  const latencies: number[] = [];
  const until = Date.now() + seconds * 1000;
  await Promise.all(Array.from({ length: 16 }, async () => {
    while (Date.now() < until) {
      const t = performance.now();
      await pool.query(sql, [["IN_REVIEW"], "barn"]);
      latencies.push(performance.now() - t);
    }
  }));
  await pool.end();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => Math.round(latencies[Math.floor(latencies.length * p)] * 10) / 10;
  rows.push({ target: "dashboard SQL alone", connections: 16, rps: Math.round(latencies.length / seconds), p50: pct(0.5), p975: pct(0.975), p99: pct(0.99), errors: 0 });

  // Export of all approved grants: seconds and the server's peak memory.
  const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${serverPid}/status`, "utf8"))?.[1] ?? 0) / 1024;
  const before = rss();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rss())), 50);
  const t0 = performance.now();
  const response = await fetch(`${base}/api/open-data/beviljade?format=csv`);
  let bytes = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
  const exportSeconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  const { rows: [{ approved }] } = await client.query<{ approved: number }>(`SELECT count(*)::int AS approved FROM "Decision" WHERE outcome = 'APPROVED'`);

  console.log(`\nSamverka bench – ${n} applications, ${seconds} s per run, server on core 1\n`);
  console.table(rows);
  console.log(`CSV export: ${approved} grants, ${(bytes / 1e6).toFixed(1)} MB in ${exportSeconds.toFixed(2)} s; server RSS ${before.toFixed(0)} MB before, peak ${peak.toFixed(0)} MB (+${(peak - before).toFixed(0)} MB)`);
  await mkdir("bench-results", { recursive: true });
  await writeFile(`bench-results/bench-${new Date().toISOString().slice(0, 19)}.json`, JSON.stringify({ applications: n, seconds, rows, export: { approved, bytes, exportSeconds, rssBefore: before, rssPeak: peak } }, null, 2));

  server.kill("SIGTERM");
  await client.end();
  await stopDb();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

// `npm run bench`: throughput and latency against a bulk-seeded database (`npm run seed:bulk --
// --applications 100000` first) and a production build. The server runs on core 1 (taskset), this
// load generator on core 0. Measured in one run:
//   - the officers' dashboard with filters and search, an officer's application page, the public
//     list and sign-in, at 16 and 64 connections (requests/s, p50/p97.5/p99 latency);
//   - yardsticks: a bare dynamic route (/api/ping), a bare dynamic page with the same layout and
//     session (/driftstatus), and the dashboard's SQL alone;
//   - the CSV export of all approved grants: seconds and the server's memory growth;
//   - a deadline peak: 6 submissions per second for 60 s (BENCH_DEADLINE_SECONDS).
// Prints a table and the targets of issue 8 with met/missed; writes bench-results/*.json.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { Secret, TOTP } from "otpauth";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { contractToApplicationData, dateOnly } from "@/lib/server/application-contract";
import { luhnCheckDigit } from "@/lib/domain/org-number";
import { demoApplications } from "@/prisma/demo-data";
import { APP_PG } from "./lib/config";
import { ensureDatabase, startEmbeddedPostgres } from "./lib/postgres";
import { run } from "./lib/run";
import { BENCH_PASSWORD, benchSecrets } from "./lib/bench-config";

const PORT = 3400;
const base = `http://127.0.0.1:${PORT}`;
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const deadlineSeconds = Number(process.env.BENCH_DEADLINE_SECONDS ?? 60);
const deadlineRate = 6;

type Row = {
  target: string;
  connections: number | string;
  rps: number;
  p50: number;
  p975: number;
  p99: number;
  errors: number;
};

async function cannon(
  title: string,
  url: string,
  connections: number,
  options: Partial<autocannon.Options> = {},
): Promise<Row> {
  const result = await autocannon({ url, connections, duration: seconds, ...options });
  return {
    target: title,
    connections,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p975: result.latency.p97_5,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

const cookiesOf = (response: Response) =>
  response.headers.getSetCookie().map((c) => c.split(";")[0]);

/** Signs in over HTTP like the form does (next-auth credentials), with a TOTP code for staff. */
async function signIn(email: string, code?: string) {
  const csrfResponse = await fetch(`${base}/api/auth/csrf`);
  const csrfCookie = cookiesOf(csrfResponse).join("; ");
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const body = new URLSearchParams({
    csrfToken,
    email,
    password: BENCH_PASSWORD,
    json: "true",
    ...(code ? { code } : {}),
  }).toString();
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body,
  });
  const cookie = [csrfCookie, ...cookiesOf(response)].join("; ");
  if (!cookie.includes("session-token")) throw new Error(`could not sign in ${email}`);
  return { cookie, body, csrfCookie };
}

/** Complete drafts that pass every rule, in an open round, for the deadline peak. */
async function deadlineDrafts(db: PrismaClient, count: number): Promise<string[]> {
  const now = Date.now();
  const round = await db.grantRound.upsert({
    where: { id: "bench-deadline" },
    update: { closesAt: new Date(now + 86_400_000), status: "OPEN" },
    create: {
      id: "bench-deadline",
      title: "Belastningstest: sista ansökningsdagen",
      year: new Date().getFullYear(),
      budgetSek: 2_000_000_000,
      acceptedTracks: ["KNOWLEDGE", "COLLABORATION", "INTERVENTION"],
      opensAt: new Date(now - 86_400_000),
      closesAt: new Date(now + 86_400_000),
      status: "OPEN",
    },
  });
  const body = "80245" + String(now).slice(-4);
  const org = await db.organisation.upsert({
    where: { id: "bench-deadline-org" },
    update: {},
    create: {
      id: "bench-deadline-org",
      name: "Föreningen Sista Dagen",
      orgNumber: `${body.slice(0, 6)}-${body.slice(6)}${luhnCheckDigit(body)}`,
      legalForm: "NONPROFIT_ASSOCIATION",
      municipalityCode: "0180",
      foundedOn: dateOnly("2015-03-01"),
      payoutType: "BANKGIRO",
      payoutAccount: "5402-9681",
      memberships: { create: { userId: "bulk-applicant" } },
    },
  });
  const contract = demoApplications(new Date().getFullYear() + 1).skarholmen;
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const draft = await db.application.create({
      data: {
        ...contractToApplicationData(contract),
        status: "DRAFT",
        round: { connect: { id: round.id } },
        organisation: { connect: { id: org.id } },
        createdBy: { connect: { id: "bulk-applicant" } },
      },
      select: { id: true },
    });
    ids.push(draft.id);
  }
  return ids;
}

async function main() {
  let url = process.env.DATABASE_URL;
  let stopDb = async () => {};
  if (!url) {
    const server = await startEmbeddedPostgres({ dataDir: APP_PG.dataDir, port: APP_PG.port });
    await ensureDatabase(server.adminUrl, "samverka_bench");
    url = server.urlFor("samverka_bench");
    stopDb = () => server.stop();
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const {
    rows: [{ n }],
  } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Application" WHERE "roundId" = 'bulk-round'`,
  );
  if (n < 1000) throw new Error("Kör först npm run seed:bulk -- --applications 100000");
  await client.query(
    `INSERT INTO "ConflictDeclaration"(id, "applicationId", "userId", status) VALUES ('bench-c1', 'bulk-a7', 'bulk-reviewer', 'NO_CONFLICT') ON CONFLICT DO NOTHING`,
  );
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  const drafts = await deadlineDrafts(db, deadlineRate * deadlineSeconds + 40);
  await db.$disconnect();

  const secrets = await benchSecrets({ create: false });
  const distDir = process.env.SAMVERKA_DIST_DIR || ".next";
  if (!existsSync(path.join(distDir, "BUILD_ID")))
    await run("next", ["build"], { DATABASE_URL: url });
  const env = {
    ...process.env,
    DATABASE_URL: url,
    AUTH_SECRET: secrets.authSecret,
    SAMVERKA_ENCRYPTION_KEY: "",
    NEXTAUTH_URL: base,
    NODE_ENV: "production",
    SAMVERKA_JOBS: "off",
    SAMVERKA_SIGNIN_FAILURES_PER_ADDRESS: "100000000",
    DATABASE_POOL_SIZE: "20",
  } as NodeJS.ProcessEnv;
  delete env.SAMVERKA_ENCRYPTION_KEY;
  const server = spawn("taskset", ["-c", "1", path.resolve("node_modules/.bin/tsx"), "server.ts"], {
    env: { ...env, PORT: String(PORT) },
    stdio: "ignore",
  });
  for (let i = 0; i < 120; i++) {
    if (
      await fetch(`${base}/api/ping`)
        .then((r) => r.ok)
        .catch(() => false)
    )
      break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const serverPid = Number(
    readFileSync(`/proc/${server.pid}/task/${server.pid}/children`, "utf8")
      .trim()
      .split(/\s+/)[0] || server.pid,
  );

  try {
    await client.query(`UPDATE "User" SET "totpLastStep" = NULL WHERE id LIKE 'bulk-%'`);
    await client.query(`DELETE FROM "RateLimit" WHERE key LIKE 'signin-%'`);
    const officer = await signIn(
      "bulk-handlaggare@samverka.example",
      TOTP.generate({ secret: Secret.fromBase32(secrets.totpSecret) }),
    );
    const applicant = await signIn("bulk-sokande@samverka.example");
    const asOfficer = { headers: { cookie: officer.cookie } };

    const dashboard = `${base}/handlaggning?round=bulk-round&status=IN_REVIEW&q=l%C3%A4xhj%C3%A4lp+barn&sort=amount&dir=desc`;
    const rows: Row[] = [];
    for (const connections of [16, 64]) {
      rows.push(await cannon("bare dynamic route (/api/ping)", `${base}/api/ping`, connections));
      rows.push(
        await cannon(
          "bare dynamic page, officer (/driftstatus)",
          `${base}/driftstatus`,
          connections,
          asOfficer,
        ),
      );
      rows.push(await cannon("dashboard (filters + search)", dashboard, connections, asOfficer));
      rows.push(
        await cannon(
          "application page (officer)",
          `${base}/handlaggning/bulk-a7`,
          connections,
          asOfficer,
        ),
      );
      rows.push(await cannon("public list", `${base}/beviljade`, connections));
      rows.push(
        await cannon(
          "sign-in (applicant, argon2)",
          `${base}/api/auth/callback/credentials`,
          connections,
          {
            method: "POST",
            body: applicant.body,
            headers: {
              "content-type": "application/x-www-form-urlencoded",
              cookie: applicant.csrfCookie,
            },
          },
        ),
      );
    }

    // The dashboard's SQL alone (rows and counts, as the page runs them), 16 at a time.
    const pool = new pg.Pool({ connectionString: url, max: 16 });
    const matching = `WITH matching AS MATERIALIZED (SELECT e."applicationId", e.status, e."requestedSek" FROM "DashboardEntry" e WHERE e."roundId" = 'bulk-round'
      AND (e."searchVector" @@ websearch_to_tsquery('swedish', $1) OR e."referenceNumber" = $1))`;
    const rowsSql = `${matching} SELECT a.id, a.title FROM (SELECT e."applicationId" AS id, e."requestedSek" AS sorted FROM matching e
      WHERE e.status = ANY($2::"ApplicationStatus"[]) ORDER BY e."requestedSek" DESC, e."applicationId" DESC LIMIT 26) page
      JOIN "Application" a ON a.id = page.id ORDER BY page.sorted DESC, page.id DESC`;
    const countSql = `${matching} SELECT e.status, count(*) FROM matching e GROUP BY e.status`;
    const latencies: number[] = [];
    const until = Date.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (Date.now() < until) {
          const t = performance.now();
          await Promise.all([
            pool.query(rowsSql, ["läxhjälp barn", ["IN_REVIEW"]]),
            pool.query(countSql, ["läxhjälp barn"]),
          ]);
          latencies.push(performance.now() - t);
        }
      }),
    );
    await pool.end();
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => Math.round(latencies[Math.floor(latencies.length * p)] * 10) / 10;
    rows.push({
      target: "dashboard SQL alone (rows + counts)",
      connections: 16,
      rps: Math.round(latencies.length / seconds),
      p50: pct(0.5),
      p975: pct(0.975),
      p99: pct(0.99),
      errors: 0,
    });

    // Export of all approved grants: seconds and the server's memory growth.
    const rss = () =>
      Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${serverPid}/status`, "utf8"))?.[1] ?? 0) /
      1024;
    const before = rss();
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rss())), 25);
    const t0 = performance.now();
    const response = await fetch(`${base}/api/open-data/beviljade?format=csv`);
    let bytes = 0;
    let lines = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      for (const byte of chunk) if (byte === 10) lines++;
    }
    const exportSeconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    const exportRows = lines - 1;

    // A deadline peak: submissions at a fixed rate, each to its own draft.
    let next = 0;
    const peakResult = await autocannon({
      url: base,
      connections: 16,
      duration: deadlineSeconds,
      overallRate: deadlineRate,
      requests: [
        {
          method: "POST",
          headers: { cookie: applicant.cookie, "content-type": "application/json" },
          body: "{}",
          setupRequest: (request) => ({
            ...request,
            path: `/api/v1/applications/${drafts[next++ % drafts.length]}/submit`,
          }),
        },
      ],
    });
    const deadline: Row = {
      target: `deadline peak: ${deadlineRate} submissions/s for ${deadlineSeconds} s`,
      connections: 16,
      rps: Math.round(peakResult.requests.average * 10) / 10,
      p50: peakResult.latency.p50,
      p975: peakResult.latency.p97_5,
      p99: peakResult.latency.p99,
      errors: peakResult.errors + peakResult.non2xx,
    };
    rows.push(deadline);
    const {
      rows: [{ submitted }],
    } = await client.query<{ submitted: number }>(
      `SELECT count(*)::int AS submitted FROM "Application" WHERE "roundId" = 'bench-deadline' AND status = 'SUBMITTED'`,
    );

    const find = (target: string, connections: number) =>
      rows.find((r) => r.target.startsWith(target) && r.connections === connections)!;
    const dash16 = find("dashboard", 16);
    const targets = [
      [`dashboard p99 at 16 connections < 200 ms`, `${dash16.p99} ms`, dash16.p99 < 200],
      [
        `dashboard ≥ half the bare route's throughput`,
        `${dash16.rps} vs ${find("bare dynamic route", 16).rps} rps (bare page ${find("bare dynamic page", 16).rps})`,
        dash16.rps * 2 >= find("bare dynamic route", 16).rps,
      ],
      [
        `application page p99 < 300 ms`,
        `${find("application page", 16).p99} ms`,
        find("application page", 16).p99 < 300,
      ],
      [
        `export of ${exportRows} rows < 5 s, memory +< 100 MB`,
        `${exportSeconds.toFixed(2)} s, +${(peak - before).toFixed(0)} MB`,
        exportSeconds < 5 && peak - before < 100 && exportRows >= 100_000,
      ],
      [
        `deadline peak p99 < 800 ms, no error`,
        `${deadline.p99} ms, ${deadline.errors} errors, ${submitted} submitted`,
        deadline.p99 < 800 && deadline.errors === 0,
      ],
    ] as const;

    console.log(
      `\nSamverka bench – ${n} applications in the round, ${seconds} s per run, server on core 1, load on core 0\n`,
    );
    console.table(rows);
    console.log(
      `CSV export: ${exportRows} grants, ${(bytes / 1e6).toFixed(1)} MB in ${exportSeconds.toFixed(2)} s; server RSS ${before.toFixed(0)} MB before, peak ${peak.toFixed(0)} MB (+${(peak - before).toFixed(0)} MB)`,
    );
    console.log("\nTargets (issue 8):");
    for (const [what, value, met] of targets)
      console.log(`  ${met ? "met   " : "MISSED"}  ${what}: ${value}`);
    await mkdir("bench-results", { recursive: true });
    await writeFile(
      `bench-results/bench-${new Date().toISOString().slice(0, 19)}.json`,
      JSON.stringify(
        {
          applications: n,
          seconds,
          rows,
          export: { exportRows, bytes, exportSeconds, rssBefore: before, rssPeak: peak },
          targets,
        },
        null,
        2,
      ),
    );
  } finally {
    server.kill("SIGTERM");
    await client.end();
    await stopDb();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

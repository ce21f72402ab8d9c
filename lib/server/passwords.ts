import "server-only";
import { randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (OWASP-level memory cost).
export const hashPassword = (password: string) => hash(password);

// A hash of nothing anyone knows, made once: checked against when there is no real hash, so that
// an unknown address (or an account without a password) costs the same argon2 work as a real one
// and sign-in takes as long either way (no user enumeration by timing).
let dummyHash: Promise<string> | undefined;
const dummy = () => (dummyHash ??= hash(randomBytes(32).toString("base64url")));

/** Always runs one argon2 verification; false when there is no hash to match. */
export async function verifyPassword(passwordHash: string | null | undefined, password: string) {
  try {
    const ok = await verify(passwordHash || (await dummy()), password);
    return Boolean(passwordHash) && ok;
  } catch {
    return false;
  }
}

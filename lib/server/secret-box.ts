import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

// Secrets the server must read back (TOTP seeds) are kept encrypted (AES-256-GCM), so a copy of
// the database alone cannot produce codes. The key comes from SAMVERKA_ENCRYPTION_KEY, or from
// AUTH_SECRET when that is not set: rotate AUTH_SECRET only with SAMVERKA_ENCRYPTION_KEY set.

function key(): Buffer {
  const material =
    process.env.SAMVERKA_ENCRYPTION_KEY ?? process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (!material)
    throw new Error(
      "SAMVERKA_ENCRYPTION_KEY or AUTH_SECRET must be set to keep two-factor secrets",
    );
  return Buffer.from(hkdfSync("sha256", material, "samverka", "secret-box v1", 32));
}

export function seal(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [
    "v1",
    iv.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
    body.toString("base64url"),
  ].join(".");
}

export function unseal(sealed: string): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || !body) throw new Error("unknown sealed format");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([
    decipher.update(Buffer.from(body, "base64url")),
    decipher.final(),
  ]).toString("utf8");
}

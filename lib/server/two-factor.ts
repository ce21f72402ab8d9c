import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import {
  RECOVERY_CODE_COUNT,
  TOTP_DIGITS,
  TOTP_PERIOD_SECONDS,
  formatRecoveryCode,
  parseSecondFactor,
  recoveryCodeFrom,
  requiresTwoFactor,
} from "@/lib/domain/two-factor";
import { db, type Tx } from "./db";
import { audit } from "./audit";
import type { Actor } from "./actor";
import { Forbidden, NotFound, RuleViolation } from "./errors";
import { seal, unseal } from "./secret-box";

// Staff two-factor sign-in with a TOTP authenticator (RFC 6238 via otpauth) and one-time recovery
// codes. Enrolment: start (a secret is stored encrypted, shown once as text and QR code), confirm
// with a first code (recovery codes are made and shown once). At sign-in lib/server/auth.ts asks
// verifySecondFactor; a code is accepted once (the last accepted time step is kept).

const ISSUER = "Samverka";

const totpFor = (base32: string, label: string) =>
  new TOTP({
    issuer: ISSUER,
    label,
    algorithm: "SHA1",
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(base32),
  });

const hashRecoveryCode = (userId: string, code: string) =>
  createHash("sha256").update(`${userId}:${code}`).digest("hex");

function newRecoveryCodes(): string[] {
  const codes = new Set<string>();
  while (codes.size < RECOVERY_CODE_COUNT) {
    const code = recoveryCodeFrom(randomBytes(32));
    if (code) codes.add(code);
  }
  return [...codes];
}

async function staffUser(actor: Actor) {
  const user = await db.user.findUnique({ where: { id: actor.id } });
  if (!user || !requiresTwoFactor(user.roles)) throw new NotFound();
  return user;
}

export type Enrolment = { secret: string; uri: string; qrSvg: string };

/** Starts (or shows again) an enrolment: the secret to add to an authenticator app. */
export async function startEnrolment(actor: Actor): Promise<Enrolment> {
  const user = await staffUser(actor);
  if (user.totpEnabledAt) throw new Forbidden("Tvåstegsverifieringen är redan aktiverad.");
  let base32 = user.totpSecret ? unseal(user.totpSecret) : null;
  if (!base32) {
    base32 = new Secret({ size: 20 }).base32;
    await db.user.update({
      where: { id: user.id },
      data: { totpSecret: seal(base32), totpLastStep: null },
    });
  }
  const uri = totpFor(base32, user.email).toString();
  const qrSvg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { secret: base32.replace(/(.{4})/g, "$1 ").trim(), uri, qrSvg };
}

/** Checks a six-digit code against the secret and takes its time step, so the same code never works twice. */
async function acceptTotp(
  userId: string,
  sealedSecret: string,
  code: string,
  now: number,
): Promise<"ok" | "invalid" | "reused"> {
  const totp = totpFor(unseal(sealedSecret), "x");
  const delta = totp.validate({ token: code, timestamp: now, window: 1 });
  if (delta === null) return "invalid";
  const step = totp.counter({ timestamp: now }) + delta;
  const taken =
    await db.$executeRaw`UPDATE "User" SET "totpLastStep" = ${step} WHERE id = ${userId} AND ("totpLastStep" IS NULL OR "totpLastStep" < ${step})`;
  return taken === 1 ? "ok" : "reused";
}

/** Enrolment and renewing recovery codes need the authenticator's current six digits. */
async function requireCurrentCode(
  userId: string,
  sealedSecret: string,
  input: string,
  now: number,
) {
  const factor = parseSecondFactor(input);
  const result =
    factor.kind === "totp" ? await acceptTotp(userId, sealedSecret, factor.code, now) : "invalid";
  if (result !== "ok") {
    throw new RuleViolation(
      [
        {
          code: "TOTP_INVALID",
          path: "code",
          message: "Koden stämmer inte. Skriv de sex siffrorna som appen visar just nu.",
        },
      ],
      "Koden stämmer inte.",
    );
  }
}

/** Ten new recovery codes in place of the old ones (with any other change of the same step); answered as shown to the person, once. */
async function replaceRecoveryCodes(
  userId: string,
  action: string,
  alsoInTx?: (tx: Tx) => Promise<unknown>,
): Promise<string[]> {
  const codes = newRecoveryCodes();
  await db.$transaction(async (tx) => {
    await alsoInTx?.(tx);
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.recoveryCode.createMany({
      data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(userId, code) })),
    });
    await audit({ actorId: userId, action, entityType: "User", entityId: userId }, tx);
  });
  return codes.map(formatRecoveryCode);
}

/** Confirms enrolment with a first code; answers the recovery codes, shown to the person once. */
export async function confirmEnrolment(
  actor: Actor,
  input: string,
  now = Date.now(),
): Promise<string[]> {
  const user = await staffUser(actor);
  if (user.totpEnabledAt) throw new Forbidden("Tvåstegsverifieringen är redan aktiverad.");
  if (!user.totpSecret) throw new Forbidden("Börja om: ladda om sidan för att få en ny nyckel.");
  await requireCurrentCode(user.id, user.totpSecret, input, now);
  return replaceRecoveryCodes(user.id, "auth.two_factor_enabled", (tx) =>
    tx.user.update({ where: { id: user.id }, data: { totpEnabledAt: new Date(now) } }),
  );
}

/** At sign-in: an authenticator code or an unused recovery code. */
export async function verifySecondFactor(
  user: { id: string; totpSecret: string | null },
  input: string,
  now = Date.now(),
): Promise<"ok" | "invalid" | "reused"> {
  const factor = parseSecondFactor(input);
  if (factor.kind === "totp")
    return user.totpSecret ? acceptTotp(user.id, user.totpSecret, factor.code, now) : "invalid";
  if (factor.kind === "invalid") return "invalid";
  const used = await db.recoveryCode.updateMany({
    where: { userId: user.id, codeHash: hashRecoveryCode(user.id, factor.code), usedAt: null },
    data: { usedAt: new Date(now) },
  });
  if (used.count !== 1) return "invalid";
  const left = await db.recoveryCode.count({ where: { userId: user.id, usedAt: null } });
  await audit({
    actorId: user.id,
    action: "auth.recovery_code_used",
    entityType: "User",
    entityId: user.id,
    meta: { left },
  });
  return "ok";
}

export async function twoFactorStatus(actor: Actor) {
  const user = await staffUser(actor);
  const left = await db.recoveryCode.count({ where: { userId: user.id, usedAt: null } });
  return {
    enabled: Boolean(user.totpEnabledAt),
    enabledAt: user.totpEnabledAt,
    recoveryCodesLeft: left,
  };
}

/** New recovery codes (the old ones stop working); needs a current authenticator code. */
export async function regenerateRecoveryCodes(
  actor: Actor,
  input: string,
  now = Date.now(),
): Promise<string[]> {
  const user = await staffUser(actor);
  if (!user.totpEnabledAt || !user.totpSecret)
    throw new Forbidden("Aktivera tvåstegsverifieringen först.");
  await requireCurrentCode(user.id, user.totpSecret, input, now);
  return replaceRecoveryCodes(user.id, "auth.recovery_codes_renewed");
}

/**
 * An administrator resets another person's two-factor (a lost phone and lost recovery codes): the
 * person's sessions end and they enrol again at their next sign-in. Never one's own.
 */
export async function resetTwoFactor(actor: Actor, userId: string) {
  if (!actor.roles.includes("ADMIN")) throw new NotFound();
  if (userId === actor.id)
    throw new Forbidden(
      "Du kan inte återställa din egen tvåstegsverifiering. Be en annan administratör.",
    );
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw new NotFound();
    await tx.user.update({
      where: { id: userId },
      data: {
        totpSecret: null,
        totpEnabledAt: null,
        totpLastStep: null,
        sessionVersion: { increment: 1 },
      },
    });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await audit(
      {
        actorId: actor.id,
        action: "auth.two_factor_reset",
        entityType: "User",
        entityId: userId,
        before: { enabled: Boolean(user.totpEnabledAt) },
        after: { enabled: false },
      },
      tx,
    );
  });
}

/** For the demo data and tests: a user enrolled with a known secret. */
export async function enrolWithSecret(userId: string, base32: string) {
  await db.user.update({
    where: { id: userId },
    data: { totpSecret: seal(base32), totpEnabledAt: new Date(), totpLastStep: null },
  });
}

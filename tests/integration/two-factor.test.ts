import { beforeAll, describe, expect, it, vi } from "vitest";
import { Secret, TOTP } from "otpauth";
import { db } from "@/lib/server/db";
import { makeUser } from "@/tests/factories";
import {
  confirmEnrolment,
  enrolWithSecret,
  regenerateRecoveryCodes,
  resetTwoFactor,
  startEnrolment,
  twoFactorStatus,
  verifySecondFactor,
} from "@/lib/server/two-factor";
import { seal, unseal } from "@/lib/server/secret-box";
import { Forbidden, NotFound, RuleViolation } from "@/lib/server/errors";
import { authOptions } from "@/lib/server/auth";
import { hashPassword } from "@/lib/server/passwords";

beforeAll(() => {
  process.env.AUTH_SECRET ??= "integration-test-secret-0123456789";
});

const codeAt = (base32: string, ms: number) =>
  TOTP.generate({ secret: Secret.fromBase32(base32.replace(/\s/g, "")), timestamp: ms });
const T0 = Date.UTC(2026, 11, 2, 9, 0, 0);

describe("enrolment", () => {
  it("stores the secret encrypted, confirms with a first code and makes ten one-time recovery codes", async () => {
    const reviewer = await makeUser(["REVIEWER"]);
    const { secret, uri, qrSvg } = await startEnrolment(reviewer);
    expect(uri).toMatch(/^otpauth:\/\/totp\/Samverka:.+\?.*secret=/);
    expect(qrSvg).toContain("<svg");
    const stored = await db.user.findUniqueOrThrow({ where: { id: reviewer.id } });
    expect(stored.totpSecret).not.toContain(secret.replace(/\s/g, ""));
    expect(unseal(stored.totpSecret!)).toBe(secret.replace(/\s/g, ""));
    // Showing the page again gives the same key until it is confirmed.
    expect((await startEnrolment(reviewer)).secret).toBe(secret);

    await expect(confirmEnrolment(reviewer, "000000", T0)).rejects.toBeInstanceOf(RuleViolation);
    const codes = await confirmEnrolment(reviewer, codeAt(secret, T0), T0);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/);
    expect(await twoFactorStatus(reviewer)).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    expect(
      await db.auditEvent.count({
        where: { entityId: reviewer.id, action: "auth.two_factor_enabled" },
      }),
    ).toBe(1);
    await expect(startEnrolment(reviewer)).rejects.toBeInstanceOf(Forbidden);
  });

  it("is not for applicants", async () => {
    const applicant = await makeUser(["APPLICANT"]);
    await expect(startEnrolment(applicant)).rejects.toBeInstanceOf(NotFound);
  });
});

describe("the second factor at sign-in", () => {
  it("accepts the current code once, the neighbouring steps, and never an old or reused code", async () => {
    const secret = new Secret({ size: 20 }).base32;
    const admin = await makeUser(["ADMIN"]);
    await enrolWithSecret(admin.id, secret);
    const user = await db.user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(await verifySecondFactor(user, codeAt(secret, T0), T0)).toBe("ok");
    expect(await verifySecondFactor(user, codeAt(secret, T0), T0)).toBe("reused");
    expect(await verifySecondFactor(user, codeAt(secret, T0 - 30_000), T0)).toBe("reused");
    expect(await verifySecondFactor(user, codeAt(secret, T0 + 30_000), T0)).toBe("ok");
    expect(await verifySecondFactor(user, codeAt(secret, T0 + 10 * 60_000), T0)).toBe("invalid");
    expect(await verifySecondFactor(user, "12 34", T0)).toBe("invalid");
    expect(await verifySecondFactor(user, "", T0)).toBe("invalid");
  });

  it("accepts each recovery code once, typed in any case and with or without the dash", async () => {
    const secret = new Secret({ size: 20 }).base32;
    const decider = await makeUser(["DECIDER"]);
    await startEnrolment(decider);
    const stored = await db.user.findUniqueOrThrow({ where: { id: decider.id } });
    const codes = await confirmEnrolment(decider, codeAt(unseal(stored.totpSecret!), T0), T0);
    const user = await db.user.findUniqueOrThrow({ where: { id: decider.id } });
    expect(await verifySecondFactor(user, codes[3].toLowerCase().replace("-", " "), T0)).toBe("ok");
    expect(await verifySecondFactor(user, codes[3], T0)).toBe("invalid");
    expect(await twoFactorStatus(decider)).toMatchObject({ recoveryCodesLeft: 9 });
    // Another person's code never works.
    const other = await makeUser(["REVIEWER"]);
    await enrolWithSecret(other.id, secret);
    expect(
      await verifySecondFactor(
        await db.user.findUniqueOrThrow({ where: { id: other.id } }),
        codes[4],
        T0,
      ),
    ).toBe("invalid");
    // New codes replace the old ones.
    const renewed = await regenerateRecoveryCodes(
      decider,
      codeAt(unseal(stored.totpSecret!), T0 + 30_000),
      T0 + 30_000,
    );
    expect(await verifySecondFactor(user, codes[5], T0)).toBe("invalid");
    expect(await verifySecondFactor(user, renewed[0], T0)).toBe("ok");
  });

  it("two concurrent sign-ins with the same code: exactly one gets in", async () => {
    const secret = new Secret({ size: 20 }).base32;
    const reviewer = await makeUser(["REVIEWER"]);
    await enrolWithSecret(reviewer.id, secret);
    const user = await db.user.findUniqueOrThrow({ where: { id: reviewer.id } });
    const results = await Promise.all(
      Array.from({ length: 6 }, () => verifySecondFactor(user, codeAt(secret, T0), T0)),
    );
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
  });
});

describe("credentials sign-in with two factors", () => {
  const authorize = (credentials: Record<string, string>) => {
    const provider = authOptions.providers.find((p) => p.id === "credentials") as unknown as {
      options: { authorize: (c: unknown, r: unknown) => Promise<unknown> };
    };
    return provider.options.authorize(credentials, {
      headers: { "x-forwarded-for": `10.9.${Math.floor(Math.random() * 250)}.1` },
    });
  };

  it("asks enrolled staff for the code, counts wrong codes as failures and throttles after five, never locks", async () => {
    const secret = new Secret({ size: 20 }).base32;
    const staff = await makeUser(["REVIEWER"]);
    await db.user.update({
      where: { id: staff.id },
      data: { passwordHash: await hashPassword("ett-bra-losenord") },
    });
    await enrolWithSecret(staff.id, secret);
    await expect(authorize({ email: staff.email, password: "ett-bra-losenord" })).rejects.toThrow(
      "TOTP_REQUIRED",
    );
    const ok = (await authorize({
      email: staff.email,
      password: "ett-bra-losenord",
      code: codeAt(secret, Date.now()),
    })) as { secondFactor: boolean };
    expect(ok.secondFactor).toBe(true);
    // The clock moves only when the test moves it (the throttle reads Date.now(), as do the codes).
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    try {
      const later = (seconds: number) => vi.setSystemTime(Date.now() + seconds * 1000);
      for (let i = 0; i < 5; i++)
        await expect(
          authorize({ email: staff.email, password: "ett-bra-losenord", code: "999999" }),
        ).rejects.toThrow(/TOTP_(INVALID|REUSED)/);
      // The sixth attempt waits a second, even with the right code (which is not checked).
      const rightCode = () => codeAt(secret, Date.now() + 30_000);
      const withCode = (code?: string) =>
        authorize({ email: staff.email, password: "ett-bra-losenord", ...(code ? { code } : {}) });
      await expect(withCode(rightCode())).rejects.toThrow("THROTTLED:1");
      // The step without a code does not forget the failures: guessing codes stays throttled.
      later(1);
      await expect(withCode()).rejects.toThrow("TOTP_REQUIRED");
      await expect(withCode("999999")).rejects.toThrow("TOTP_INVALID");
      await expect(withCode(rightCode())).rejects.toThrow("THROTTLED:2");
      // After the wait the right code signs in.
      later(30);
      expect(await withCode(codeAt(secret, Date.now()))).toMatchObject({
        id: staff.id,
        secondFactor: true,
      });
    } finally {
      vi.useRealTimers();
    }
    expect(
      await db.auditEvent.count({
        where: {
          entityId: staff.id,
          action: "auth.sign_in_failed",
          meta: { path: ["reason"], equals: "second_factor" },
        },
      }),
    ).toBe(6);
  });

  it("lets staff who have not enrolled in with the password, but marks the session as without a second factor", async () => {
    const staff = await makeUser(["DECIDER"]);
    await db.user.update({
      where: { id: staff.id },
      data: { passwordHash: await hashPassword("ett-bra-losenord") },
    });
    const user = (await authorize({ email: staff.email, password: "ett-bra-losenord" })) as {
      secondFactor: boolean;
    };
    expect(user.secondFactor).toBe(false);
  });
});

describe("an administrator's reset", () => {
  it("clears the enrolment, ends the person's sessions and is logged; never one's own", async () => {
    const admin = await makeUser(["ADMIN"]);
    const reviewer = await makeUser(["REVIEWER"]);
    await enrolWithSecret(reviewer.id, new Secret({ size: 20 }).base32);
    await resetTwoFactor(admin, reviewer.id);
    const after = await db.user.findUniqueOrThrow({ where: { id: reviewer.id } });
    expect(after).toMatchObject({ totpSecret: null, totpEnabledAt: null, sessionVersion: 2 });
    await expect(resetTwoFactor(admin, admin.id)).rejects.toBeInstanceOf(Forbidden);
    await expect(resetTwoFactor(reviewer, admin.id)).rejects.toBeInstanceOf(NotFound);
    expect(
      await db.auditEvent.count({
        where: { entityId: reviewer.id, action: "auth.two_factor_reset" },
      }),
    ).toBe(1);
  });
});

describe("the secret box", () => {
  it("opens what it sealed and refuses tampered text", () => {
    const sealed = seal("JBSWY3DPEHPK3PXP");
    expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
    expect(unseal(sealed)).toBe("JBSWY3DPEHPK3PXP");
    const [v, iv, tag, body] = sealed.split(".");
    const flipped = body.slice(0, -2) + (body.at(-2) === "A" ? "B" : "A") + body.at(-1);
    expect(() => unseal([v, iv, tag, flipped].join("."))).toThrow();
  });
});

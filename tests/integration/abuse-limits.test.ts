import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/server/db";
import { hit } from "@/lib/server/rate-limit";
import { authOptions, FAILED_SIGN_INS_BEFORE_LOCK } from "@/lib/server/auth";
import { hashPassword } from "@/lib/server/passwords";

// Every argon2 verification is counted, to show that unknown addresses cost the same work.
const argon2 = vi.hoisted(() => ({ verifications: 0 }));
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@node-rs/argon2")>();
  return {
    ...actual,
    verify: (...args: Parameters<typeof actual.verify>) => {
      argon2.verifications++;
      return actual.verify(...args);
    },
  };
});

type Authorize = (
  credentials: Record<string, string>,
  req: { headers: Record<string, string> },
) => Promise<unknown>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } })
  .options.authorize;

describe("abuse limits in PostgreSQL", () => {
  it("counts hits per key and window, refusing past the limit", async () => {
    const key = `test:${Math.random()}`;
    const now = Date.now();
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await hit(key, 3, 60, now));
    expect(results).toEqual([true, true, true, false, false]);
    expect(await hit(key, 3, 60, now + 61_000)).toBe(true);
  });

  it("holds under concurrent hits (as from several app instances)", async () => {
    const key = `test:${Math.random()}`;
    const now = Date.now();
    const results = await Promise.all(Array.from({ length: 20 }, () => hit(key, 10, 60, now)));
    expect(results.filter(Boolean)).toHaveLength(10);
  });

  it("locks an account for a while after repeated failed sign-ins, logs it, and refuses even the right password", async () => {
    const email = `lock-${Date.now()}@test.example`;
    const user = await db.user.create({
      data: {
        email,
        name: "Låst",
        roles: ["APPLICANT"],
        passwordHash: await hashPassword("ett-langt-losenord"),
      },
    });
    const req = { headers: { "x-forwarded-for": `10.0.0.${Math.floor(Math.random() * 200)}` } };
    for (let i = 0; i < FAILED_SIGN_INS_BEFORE_LOCK; i++)
      expect(await authorize({ email, password: "fel" }, req)).toBeNull();
    // Locked: the right password is refused too, with the same answer as a wrong one.
    expect(await authorize({ email, password: "ett-langt-losenord" }, req)).toBeNull();
    expect(
      await db.auditEvent.count({
        where: { entityId: user.id, action: "auth.sign_in_refused_locked" },
      }),
    ).toBe(1);
    expect(
      await db.auditEvent.count({ where: { entityId: user.id, action: "auth.account_locked" } }),
    ).toBe(1);
    await db.user.update({
      where: { id: user.id },
      data: { lockedUntil: new Date(Date.now() - 1000) },
    });
    expect(await authorize({ email, password: "ett-langt-losenord" }, req)).toMatchObject({
      id: user.id,
    });
  });
});

describe("sign-in tells no one whether an address has an account", () => {
  const req = () => ({
    headers: { "x-forwarded-for": `10.1.0.${Math.floor(Math.random() * 200)}` },
  });
  /** The answer to one attempt (or the error it throws) and how many argon2 verifications it ran. */
  async function attempt(email: string, password: string) {
    const before = argon2.verifications;
    const answer = await authorize({ email, password }, req()).catch(
      (error: Error) => `throws ${error.message}`,
    );
    return { answer, verifications: argon2.verifications - before };
  }

  it("answers an unknown address, a wrong password, a locked, a deactivated and a password-less account alike, after one argon2 verification each", async () => {
    const make = async (data: { lockedUntil?: Date; deactivatedAt?: Date; password?: string }) => {
      const email = `enum-${Math.random().toString(36).slice(2)}@test.example`;
      await db.user.create({
        data: {
          email,
          name: "Finns",
          roles: ["APPLICANT"],
          lockedUntil: data.lockedUntil,
          deactivatedAt: data.deactivatedAt,
          passwordHash:
            data.password === undefined ? await hashPassword("ett-langt-losenord") : null,
        },
      });
      return email;
    };
    const expected = { answer: null, verifications: 1 };
    const existing = await make({});
    expect(await attempt("ingen-sadan@test.example", "ett-langt-losenord")).toEqual(expected);
    expect(await attempt(existing, "fel-losenord")).toEqual(expected);
    const locked = await make({ lockedUntil: new Date(Date.now() + 600_000) });
    expect(await attempt(locked, "ett-langt-losenord")).toEqual(expected);
    expect(await attempt(locked, "fel-losenord")).toEqual(expected);
    const deactivated = await make({ deactivatedAt: new Date() });
    expect(await attempt(deactivated, "ett-langt-losenord")).toEqual(expected);
    const noPassword = await make({ password: "" });
    expect(await attempt(noPassword, "ett-langt-losenord")).toEqual(expected);
    // The right password still signs in, after the same single verification.
    expect(await attempt(existing, "ett-langt-losenord")).toMatchObject({ verifications: 1 });
  });

  it("gives an unknown address the same answer after as many failures as lock an account", async () => {
    const email = `okand-${Math.random().toString(36).slice(2)}@test.example`;
    for (let i = 0; i <= FAILED_SIGN_INS_BEFORE_LOCK; i++)
      expect(await attempt(email, "fel-losenord")).toEqual({ answer: null, verifications: 1 });
  });
});

describe("the caller's address", () => {
  // server.ts puts the one resolved address in X-Forwarded-For (lib/domain/client-address.ts, with
  // its own tests); should a chain arrive anyway, the nearest hop counts, never the left end.
  it("is the address server.ts resolved, or the nearest hop of a chain", async () => {
    const { clientAddress } = await import("@/lib/server/rate-limit");
    expect(await clientAddress({ "x-forwarded-for": "203.0.113.9" })).toBe("203.0.113.9");
    expect(await clientAddress({ "x-forwarded-for": "1.2.3.4, 203.0.113.9" })).toBe("203.0.113.9");
    expect(
      await clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6,7.7.7.7, 198.51.100.7" })),
    ).toBe("198.51.100.7");
    expect(await clientAddress({})).toBe("local");
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/server/db";
import { hit, pruneRateLimits } from "@/lib/server/rate-limit";
import { authOptions } from "@/lib/server/auth";
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
  afterEach(() => {
    vi.useRealTimers();
  });

  it("counts hits per key in a window that starts at the first, refusing past the limit until it ends", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    // Registration: 10 per address and hour.
    const address = `test-${Math.random()}`;
    const results = [];
    for (let i = 0; i < 12; i++) results.push(await hit("register", address));
    expect(results.slice(0, 10).every((r) => r.ok)).toBe(true);
    expect(results.slice(10)).toEqual([
      { ok: false, retryAfterSeconds: 3600 },
      { ok: false, retryAfterSeconds: 3600 },
    ]);
    // Another address, and another limit for the same address, count on their own.
    expect(await hit("register", `${address}-2`)).toEqual({ ok: true });
    expect(await hit("validate", address)).toEqual({ ok: true });
    vi.setSystemTime(Date.now() + 3_599_000);
    expect(await hit("register", address)).toEqual({ ok: false, retryAfterSeconds: 1 });
    vi.setSystemTime(Date.now() + 1_000);
    expect(await hit("register", address)).toEqual({ ok: true });
  });

  it("holds under concurrent hits (as from several app instances)", async () => {
    const address = `test-${Math.random()}`;
    const results = await Promise.all(Array.from({ length: 20 }, () => hit("register", address)));
    expect(results.filter((r) => r.ok)).toHaveLength(10);
  });

  it("keeps a forged, very long address within the table's key", async () => {
    const forged = "9".repeat(5_000);
    expect(await hit("validate", forged)).toEqual({ ok: true });
    expect(await db.rateLimit.count({ where: { key: { startsWith: "validate:sha256-" } } })).toBe(
      1,
    );
  });

  it("clears windows that have ended", async () => {
    const address = `test-${Math.random()}`;
    await hit("validate", address);
    const key = `validate:${address}`;
    await db.rateLimit.update({ where: { key }, data: { expire: BigInt(Date.now() - 1) } });
    await pruneRateLimits();
    expect(await db.rateLimit.findUnique({ where: { key } })).toBeNull();
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

  it("answers an unknown address, a wrong password, a deactivated and a password-less account alike, after one argon2 verification each", async () => {
    const make = async (data: { deactivatedAt?: Date; password?: string }) => {
      const email = `enum-${Math.random().toString(36).slice(2)}@test.example`;
      await db.user.create({
        data: {
          email,
          name: "Finns",
          roles: ["APPLICANT"],
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
    const deactivated = await make({ deactivatedAt: new Date() });
    expect(await attempt(deactivated, "ett-langt-losenord")).toEqual(expected);
    const noPassword = await make({ password: "" });
    expect(await attempt(noPassword, "ett-langt-losenord")).toEqual(expected);
    // The right password still signs in, after the same single verification.
    expect(await attempt(existing, "ett-langt-losenord")).toMatchObject({ verifications: 1 });
  });
  // Throttling answers unknown addresses as known ones: tests/integration/sign-in-throttle.test.ts.
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

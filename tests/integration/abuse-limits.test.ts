import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { hit } from "@/lib/server/rate-limit";
import { authOptions, FAILED_SIGN_INS_BEFORE_LOCK } from "@/lib/server/auth";
import { hashPassword } from "@/lib/server/passwords";

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
    await expect(authorize({ email, password: "ett-langt-losenord" }, req)).rejects.toThrow(
      "LOCKED",
    );
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

describe("the caller's address", () => {
  it("is read from the right of X-Forwarded-For, so a client cannot choose it by sending the header", async () => {
    const { clientAddress } = await import("@/lib/server/rate-limit");
    expect(await clientAddress({ "x-forwarded-for": "203.0.113.9" })).toBe("203.0.113.9");
    expect(await clientAddress({ "x-forwarded-for": "1.2.3.4, 203.0.113.9" })).toBe("203.0.113.9");
    expect(
      await clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6,7.7.7.7, 198.51.100.7" })),
    ).toBe("198.51.100.7");
    expect(await clientAddress({})).toBe("local");
    process.env.SAMVERKA_TRUSTED_PROXIES = "2";
    try {
      expect(await clientAddress({ "x-forwarded-for": "6.6.6.6, 198.51.100.7, 10.0.0.2" })).toBe(
        "198.51.100.7",
      );
    } finally {
      delete process.env.SAMVERKA_TRUSTED_PROXIES;
    }
  });
});

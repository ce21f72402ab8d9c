import { beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import type { Account } from "next-auth";
import { db } from "@/lib/server/db";
import { elegMaySignIn, signInWithEleg } from "@/lib/server/eleg";
import { resolveActor } from "@/lib/server/actor";
import { startSession } from "@/lib/server/sessions";

beforeAll(() => {
  process.env.OIDC_ISSUER = "https://eleg.test.example/oidc/";
});

const account = (sub: string) =>
  ({ provider: "eleg", type: "oauth", providerAccountId: sub }) as Account;
const sub = () => `19${Math.floor(Math.random() * 1e10)}`.slice(0, 12);

describe("sign-in with e-legitimation (OIDC)", () => {
  it("makes an applicant account at the first sign-in and finds the same account the next time", async () => {
    const subject = sub();
    const email = `${randomBytes(4).toString("hex")}@forening.example`;
    const profile = {
      sub: subject,
      given_name: "Fatima",
      family_name: "Yilmaz",
      email,
      email_verified: true,
    };
    const first = await signInWithEleg(profile, account(subject));
    const user = await db.user.findUniqueOrThrow({ where: { id: first.id } });
    expect(user).toMatchObject({
      name: "Fatima Yilmaz",
      email,
      roles: ["APPLICANT"],
      passwordHash: null,
    });
    const second = await signInWithEleg(profile, account(subject));
    expect(second.id).toBe(first.id);
    expect(await db.externalIdentity.count({ where: { userId: first.id } })).toBe(1);
    expect(await db.externalIdentity.findFirst({ where: { userId: first.id } })).toMatchObject({
      issuer: "https://eleg.test.example/oidc",
      subject,
    });
    expect(
      await db.auditEvent.count({
        where: { entityId: first.id, action: "auth.eleg_account_created" },
      }),
    ).toBe(1);
  });

  it("links a staff member's existing account by a verified e-mail address; the session counts as two-factor", async () => {
    const email = `${randomBytes(4).toString("hex")}@delmos.example`;
    const staff = await db.user.create({
      data: { email, name: "Erik Handläggare", roles: ["REVIEWER"] },
    });
    const subject = sub();
    const signedIn = await signInWithEleg(
      { sub: subject, name: "Erik Handläggare", email: email.toUpperCase(), email_verified: true },
      account(subject),
    );
    expect(signedIn.id).toBe(staff.id);
    expect(
      (
        await resolveActor({
          uid: staff.id,
          sid: await startSession(staff.id),
          sv: signedIn.sessionVersion,
          mfa: true,
        })
      )?.roles,
    ).toEqual(["REVIEWER"]);
  });

  it("never links by an unverified e-mail address", async () => {
    const email = `${randomBytes(4).toString("hex")}@delmos.example`;
    const staff = await db.user.create({ data: { email, name: "Annan Person", roles: ["ADMIN"] } });
    const subject = sub();
    const signedIn = await signInWithEleg(
      { sub: subject, name: "Någon Annan", email, email_verified: false },
      account(subject),
    );
    expect(signedIn.id).not.toBe(staff.id);
    const made = await db.user.findUniqueOrThrow({ where: { id: signedIn.id } });
    expect(made.roles).toEqual(["APPLICANT"]);
    expect(made.email).toMatch(/@e-legitimation\.invalid$/);
  });

  it("refuses a deactivated account before any session is made", async () => {
    const subject = sub();
    const { id } = await signInWithEleg(
      { sub: subject, name: "Avslutad Person" },
      account(subject),
    );
    expect(await elegMaySignIn(account(subject))).toBe(true);
    await db.user.update({ where: { id }, data: { deactivatedAt: new Date() } });
    expect(await elegMaySignIn(account(subject))).toBe(false);
    expect(
      await elegMaySignIn({
        provider: "credentials",
        type: "credentials",
        providerAccountId: "x",
      }),
    ).toBe(true);
  });
});

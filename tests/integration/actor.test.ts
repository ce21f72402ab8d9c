import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { homeFor, resolveActor } from "@/lib/server/actor";
import { registerApplicant } from "@/lib/server/users";
import { RuleViolation } from "@/lib/server/errors";
import { verifyPassword } from "@/lib/server/passwords";

const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2)}@forening.example`;

describe("resolveActor re-reads the user on every request", () => {
  it("returns the live user with fresh roles", async () => {
    const user = await db.user.create({
      data: { email: unique(), name: "Test Testsson", roles: ["APPLICANT"] },
    });
    expect(await resolveActor({ uid: user.id, sv: 1 })).toMatchObject({
      id: user.id,
      roles: ["APPLICANT"],
    });
    await db.user.update({ where: { id: user.id }, data: { roles: ["APPLICANT", "REVIEWER"] } });
    expect((await resolveActor({ uid: user.id, sv: 1, mfa: true }))?.roles).toEqual([
      "APPLICANT",
      "REVIEWER",
    ]);
  });

  it("holds back staff roles in a session without a second factor", async () => {
    const user = await db.user.create({
      data: { email: unique(), name: "Ny Handläggare", roles: ["APPLICANT", "REVIEWER", "ADMIN"] },
    });
    const actor = await resolveActor({ uid: user.id, sv: 1 });
    expect(actor?.roles).toEqual(["APPLICANT"]);
    expect(actor?.awaitingSecondFactor).toEqual(["REVIEWER", "ADMIN"]);
    expect(homeFor(actor!)).toBe("/konto/tvastegsverifiering");
    const strong = await resolveActor({ uid: user.id, sv: 1, mfa: true });
    expect(strong?.roles).toEqual(["APPLICANT", "REVIEWER", "ADMIN"]);
    expect(strong?.awaitingSecondFactor).toBeUndefined();
    expect(homeFor(strong!)).toBe("/admin");
  });

  it("refuses a deactivated user at once", async () => {
    const user = await db.user.create({
      data: { email: unique(), name: "Avslutad", roles: ["REVIEWER"] },
    });
    await db.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    expect(await resolveActor({ uid: user.id, sv: 1 })).toBeNull();
  });

  it("refuses a session of an older session version", async () => {
    const user = await db.user.create({
      data: { email: unique(), name: "Bytt roll", roles: ["ADMIN"], sessionVersion: 2 },
    });
    expect(await resolveActor({ uid: user.id, sv: 1 })).toBeNull();
    expect(await resolveActor({ uid: user.id, sv: 2 })).not.toBeNull();
  });

  it("refuses missing claims and unknown users", async () => {
    expect(await resolveActor(null)).toBeNull();
    expect(await resolveActor({})).toBeNull();
    expect(await resolveActor({ uid: "finns-inte", sv: 1 })).toBeNull();
  });
});

describe("registerApplicant", () => {
  it("creates an applicant with an argon2 hash and an audit event", async () => {
    const email = unique();
    const user = await registerApplicant({
      name: "Ny Sökande",
      email,
      password: "ett-langt-losenord",
      passwordConfirm: "ett-langt-losenord",
    });
    expect(user.roles).toEqual(["APPLICANT"]);
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.passwordHash, "ett-langt-losenord")).toBe(true);
    expect(await verifyPassword(user.passwordHash, "fel")).toBe(false);
    const events = await db.auditEvent.findMany({
      where: { entityId: user.id, action: "user.registered" },
    });
    expect(events).toHaveLength(1);
  });

  it("refuses an e-mail address that is taken, with a field problem", async () => {
    const email = unique();
    await registerApplicant({
      name: "Först",
      email,
      password: "ett-langt-losenord",
      passwordConfirm: "ett-langt-losenord",
    });
    await expect(
      registerApplicant({
        name: "Sedan",
        email,
        password: "ett-langt-losenord",
        passwordConfirm: "ett-langt-losenord",
      }),
    ).rejects.toBeInstanceOf(RuleViolation);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });
});

describe("the audit log is append-only", () => {
  it("refuses updates and deletes in the database itself", async () => {
    const event = await db.auditEvent.create({
      data: { action: "test.event", entityType: "Test" },
    });
    await expect(
      db.auditEvent.update({ where: { id: event.id }, data: { action: "changed" } }),
    ).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
    expect((await db.auditEvent.findUnique({ where: { id: event.id } }))?.action).toBe(
      "test.event",
    );
  });
});

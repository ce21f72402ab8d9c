import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { homeFor, resolveActor } from "@/lib/server/actor";
import { startSession } from "@/lib/server/sessions";
import { authOptions } from "@/lib/server/auth";

const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2)}@forening.example`;

describe("sessions end on the server", () => {
  const signOut = (token: { uid: string; sid: string }) =>
    authOptions.events!.signOut!({ token, session: null as never });

  it("refuses a copied cookie once its session has signed out; the person's other sessions go on", async () => {
    const user = await db.user.create({
      data: { email: unique(), name: "Utloggad", roles: ["APPLICANT"] },
    });
    const sid = await startSession(user.id);
    const other = await startSession(user.id);
    const claims = { uid: user.id, sid, sv: 1 };
    expect(await resolveActor(claims)).not.toBeNull();
    await signOut({ uid: user.id, sid });
    expect(await resolveActor(claims)).toBeNull();
    expect(await resolveActor({ uid: user.id, sid: other, sv: 1 })).not.toBeNull();
    expect(
      await db.auditEvent.count({ where: { entityId: user.id, action: "auth.signed_out" } }),
    ).toBe(1);
  });

  it("refuses a cookie without a session id, with another person's, or of an expired session", async () => {
    const user = await db.user.create({
      data: { email: unique(), name: "Kopierad", roles: ["APPLICANT"] },
    });
    const stranger = await db.user.create({
      data: { email: unique(), name: "Främling", roles: ["APPLICANT"] },
    });
    expect(await resolveActor({ uid: user.id, sv: 1 })).toBeNull();
    expect(
      await resolveActor({ uid: user.id, sid: await startSession(stranger.id), sv: 1 }),
    ).toBeNull();
    const sid = await startSession(user.id);
    await db.userSession.update({
      where: { id: sid },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await resolveActor({ uid: user.id, sid, sv: 1 })).toBeNull();
  });

  it("signing out one person's session never ends another's", async () => {
    const user = await db.user.create({
      data: { email: unique(), name: "Egen", roles: ["APPLICANT"] },
    });
    const stranger = await db.user.create({
      data: { email: unique(), name: "Annan", roles: ["APPLICANT"] },
    });
    const sid = await startSession(user.id);
    await signOut({ uid: stranger.id, sid });
    expect(await resolveActor({ uid: user.id, sid, sv: 1 })).not.toBeNull();
  });
});

describe("resolveActor re-reads the user on every request", () => {
  it("returns the live user with fresh roles", async () => {
    const user = await db.user.create({
      data: { email: unique(), name: "Test Testsson", roles: ["APPLICANT"] },
    });
    expect(
      await resolveActor({ uid: user.id, sid: await startSession(user.id), sv: 1 }),
    ).toMatchObject({
      id: user.id,
      roles: ["APPLICANT"],
    });
    await db.user.update({ where: { id: user.id }, data: { roles: ["APPLICANT", "REVIEWER"] } });
    expect(
      (await resolveActor({ uid: user.id, sid: await startSession(user.id), sv: 1, mfa: true }))
        ?.roles,
    ).toEqual(["APPLICANT", "REVIEWER"]);
  });

  it("holds back staff roles in a session without a second factor", async () => {
    const user = await db.user.create({
      data: { email: unique(), name: "Ny Handläggare", roles: ["APPLICANT", "REVIEWER", "ADMIN"] },
    });
    const actor = await resolveActor({ uid: user.id, sid: await startSession(user.id), sv: 1 });
    expect(actor?.roles).toEqual(["APPLICANT"]);
    expect(actor?.awaitingSecondFactor).toEqual(["REVIEWER", "ADMIN"]);
    expect(homeFor(actor!)).toBe("/konto/tvastegsverifiering");
    const strong = await resolveActor({
      uid: user.id,
      sid: await startSession(user.id),
      sv: 1,
      mfa: true,
    });
    expect(strong?.roles).toEqual(["APPLICANT", "REVIEWER", "ADMIN"]);
    expect(strong?.awaitingSecondFactor).toBeUndefined();
    expect(homeFor(strong!)).toBe("/admin");
  });

  it("refuses a deactivated user at once", async () => {
    const user = await db.user.create({
      data: { email: unique(), name: "Avslutad", roles: ["REVIEWER"] },
    });
    await db.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    expect(
      await resolveActor({ uid: user.id, sid: await startSession(user.id), sv: 1 }),
    ).toBeNull();
  });

  it("refuses a session of an older session version", async () => {
    const user = await db.user.create({
      data: { email: unique(), name: "Bytt roll", roles: ["ADMIN"], sessionVersion: 2 },
    });
    expect(
      await resolveActor({ uid: user.id, sid: await startSession(user.id), sv: 1 }),
    ).toBeNull();
    expect(
      await resolveActor({ uid: user.id, sid: await startSession(user.id), sv: 2 }),
    ).not.toBeNull();
  });

  it("refuses missing claims and unknown users", async () => {
    expect(await resolveActor(null)).toBeNull();
    expect(await resolveActor({})).toBeNull();
    expect(await resolveActor({ uid: "finns-inte", sid: "finns-inte", sv: 1 })).toBeNull();
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

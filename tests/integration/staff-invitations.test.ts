import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { makeUser } from "@/tests/factories";
import {
  acceptStaffInvitation,
  acceptStaffInvitationAsUser,
  findStaffInvitation,
  inviteStaff,
} from "@/lib/server/users";
import { hashPassword, verifyPassword } from "@/lib/server/passwords";
import { startSession } from "@/lib/server/sessions";
import { resolveActor, type Actor } from "@/lib/server/actor";
import { listOutbox } from "@/lib/server/outbox";

const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2)}`;

/** The invitation link's token, as the invited person reads it in their mail. */
async function invitationToken(to: string): Promise<string> {
  const mail = await db.mailMessage.findFirstOrThrow({
    where: { to },
    orderBy: { createdAt: "desc" },
  });
  const match = /\/personal\/inbjudan\/([A-Za-z0-9_-]+)/.exec(mail.text);
  if (!match) throw new Error("no invitation link in the mail");
  return match[1];
}

/** An applicant with a password and a signed-in session, as someone who registered long ago. */
async function existingApplicant(email = `sokande-${unique()}@forening.example`) {
  const user = await db.user.create({
    data: {
      email,
      name: "Sara Sökande",
      roles: ["APPLICANT"],
      passwordHash: await hashPassword("sarasegetlosenord"),
    },
  });
  const sid = await startSession(user.id);
  const actor: Actor = {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: ["APPLICANT"],
    locale: "sv",
  };
  return { user, sid, actor };
}

const stateOf = async (userId: string) => {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  return {
    passwordHash: user.passwordHash,
    roles: user.roles,
    sessionVersion: user.sessionVersion,
    sessions: await db.userSession.count({ where: { userId } }),
  };
};

describe("a staff invitation to an address that already has an account", () => {
  it("never sets a password for it, nor signs anyone in, nor uses up the invitation", async () => {
    const admin = await makeUser(["ADMIN"]);
    const { user } = await existingApplicant();
    await inviteStaff(admin, { name: "Sara Sökande", email: user.email, roles: ["REVIEWER"] });
    const token = await invitationToken(user.email);
    expect(await findStaffInvitation(token)).toMatchObject({
      state: "valid",
      existingAccount: true,
    });
    const before = await stateOf(user.id);

    await expect(acceptStaffInvitation(token, "angriparens-losenord")).rejects.toThrow(/logga in/i);

    const after = await stateOf(user.id);
    expect(after).toEqual(before);
    expect(await verifyPassword(after.passwordHash, "sarasegetlosenord")).toBe(true);
    expect(await verifyPassword(after.passwordHash, "angriparens-losenord")).toBe(false);
    expect(await findStaffInvitation(token)).toMatchObject({ state: "valid" });
    expect(
      await db.auditEvent.count({
        where: { entityId: user.id, action: "user.invitation_accepted" },
      }),
    ).toBe(0);
    const [refused] = await db.auditEvent.findMany({
      where: { action: "access.denied", entityType: "StaffInvitation", actorId: null },
      orderBy: { at: "desc" },
      take: 1,
    });
    expect(refused.meta).toMatchObject({ reason: "existing_account" });
  });

  it("is accepted by the owner, signed in as themselves: the role is added and old sessions end", async () => {
    const admin = await makeUser(["ADMIN"]);
    const { user, sid, actor } = await existingApplicant();
    await inviteStaff(admin, { name: "Sara", email: user.email, roles: ["REVIEWER", "DECIDER"] });
    const token = await invitationToken(user.email);
    expect(await resolveActor({ uid: user.id, sid, sv: user.sessionVersion })).not.toBeNull();

    await acceptStaffInvitationAsUser(actor, token);

    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.roles.sort()).toEqual(["APPLICANT", "DECIDER", "REVIEWER"]);
    expect(after.passwordHash).toBe(user.passwordHash);
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
    // The session that was open before the role change no longer counts.
    expect(await resolveActor({ uid: user.id, sid, sv: user.sessionVersion })).toBeNull();
    expect(await findStaffInvitation(token)).toEqual({ state: "used" });
    const [accepted] = await db.auditEvent.findMany({
      where: { actorId: user.id, action: "user.invitation_accepted" },
    });
    expect(accepted).toMatchObject({ entityType: "StaffInvitation" });
    expect((accepted.after as { roles: string[] }).roles).toContain("REVIEWER");
    expect(accepted.meta).toMatchObject({ account: "existing" });
    // Used once: a second acceptance is refused.
    await expect(acceptStaffInvitationAsUser(actor, token)).rejects.toThrow(/redan använts/);
  });

  it("matches the address without regard to case", async () => {
    const admin = await makeUser(["ADMIN"]);
    const { user, actor } = await existingApplicant(`Sara.Blandad-${unique()}@Forening.example`);
    await inviteStaff(admin, { name: "Sara", email: user.email.toLowerCase(), roles: ["ADMIN"] });
    const token = await invitationToken(user.email.toLowerCase());
    expect(await findStaffInvitation(token)).toMatchObject({ existingAccount: true });
    await expect(acceptStaffInvitation(token, "ett-annat-losenord")).rejects.toThrow(/logga in/i);
    await acceptStaffInvitationAsUser(actor, token);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.roles).toContain("ADMIN");
    expect(after.passwordHash).toBe(user.passwordHash);
  });

  it("cannot be accepted by another signed-in person; the refusal is in the audit log", async () => {
    const admin = await makeUser(["ADMIN"]);
    const { user } = await existingApplicant();
    const other = await existingApplicant();
    await inviteStaff(admin, { name: "Sara", email: user.email, roles: ["ADMIN"] });
    const token = await invitationToken(user.email);
    const before = await stateOf(user.id);
    const otherBefore = await stateOf(other.user.id);

    await expect(acceptStaffInvitationAsUser(other.actor, token)).rejects.toThrow(
      /annan e-postadress/,
    );

    expect(await stateOf(user.id)).toEqual(before);
    expect(await stateOf(other.user.id)).toEqual(otherBefore);
    expect(await findStaffInvitation(token)).toMatchObject({ state: "valid" });
    expect(
      await db.auditEvent.count({
        where: { actorId: other.user.id, action: "access.denied", entityType: "StaffInvitation" },
      }),
    ).toBe(1);
  });
});

describe("a staff invitation to a new address", () => {
  it("creates the account with the chosen password, once; signing in is a separate step", async () => {
    const admin = await makeUser(["ADMIN"]);
    const email = `ny-${unique()}@myndighet.example`;
    await inviteStaff(admin, { name: "Nils Ny", email, roles: ["REVIEWER"] });
    const token = await invitationToken(email);
    expect(await findStaffInvitation(token)).toMatchObject({
      state: "valid",
      existingAccount: false,
    });

    const created = await acceptStaffInvitation(token, "nils-eget-losenord");

    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(created.id).toBe(user.id);
    expect(user.roles).toEqual(["REVIEWER"]);
    expect(await verifyPassword(user.passwordHash, "nils-eget-losenord")).toBe(true);
    expect(await db.userSession.count({ where: { userId: user.id } })).toBe(0);
    const [accepted] = await db.auditEvent.findMany({
      where: { actorId: user.id, action: "user.invitation_accepted" },
    });
    expect(accepted.meta).toMatchObject({ account: "new" });
    await expect(acceptStaffInvitation(token, "ett-tredje-losenord")).rejects.toThrow(
      /redan använts/,
    );
    expect(
      await verifyPassword(
        (await db.user.findUniqueOrThrow({ where: { email } })).passwordHash,
        "nils-eget-losenord",
      ),
    ).toBe(true);
  });

  it("refuses to set a password if the address has got an account since the invitation was sent", async () => {
    const admin = await makeUser(["ADMIN"]);
    const email = `sen-${unique()}@myndighet.example`;
    await inviteStaff(admin, { name: "Sen", email, roles: ["REVIEWER"] });
    const token = await invitationToken(email);
    const { user } = await existingApplicant(email);
    const before = await stateOf(user.id);
    await expect(acceptStaffInvitation(token, "ett-nytt-losenord")).rejects.toThrow(/logga in/i);
    expect(await stateOf(user.id)).toEqual(before);
  });
});

describe("the outbox", () => {
  it("shows administrators the invitation mail with its link masked, never the live token", async () => {
    const admin = await makeUser(["ADMIN"]);
    const email = `utkorg-${unique()}@myndighet.example`;
    await inviteStaff(admin, { name: "Olle", email, roles: ["REVIEWER"] });
    const token = await invitationToken(email);
    const mails = await listOutbox(admin);
    const mail = mails.find((m) => m.to === email)!;
    expect(mail.text).toMatch(/\/personal\/inbjudan\/•+/);
    expect(JSON.stringify(mails)).not.toContain(token);
    // The mail itself still carries the working link.
    const stored = await db.mailMessage.findFirstOrThrow({ where: { to: email } });
    expect(stored.text).toContain(`/personal/inbjudan/${token}`);
  });
});

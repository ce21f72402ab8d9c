import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/server/db";
import { registerApplicant } from "@/lib/server/users";
import { confirmEmail, findConfirmationLink } from "@/lib/server/email-verification";
import { verifyPassword } from "@/lib/server/passwords";
import { DomainError, RuleViolation } from "@/lib/server/errors";
import { resolveActor } from "@/lib/server/actor";
import { startSession } from "@/lib/server/sessions";
import type { Actor } from "@/lib/server/actor";

// Registration without enumeration, and confirming the address by the mailed link
// (docs/domain.md §1, accounts).

const argon2 = vi.hoisted(() => ({ hashes: 0 }));
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@node-rs/argon2")>();
  return {
    ...actual,
    hash: (...args: Parameters<typeof actual.hash>) => {
      argon2.hashes++;
      return actual.hash(...args);
    },
  };
});

const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2)}@forening.example`;
const form = (email: string, password = "kaffe och kanelbulle", name = "Nora Nyström") => ({
  name,
  email,
  password,
  passwordConfirm: password,
});
const mailsTo = (to: string) =>
  db.mailMessage.findMany({ where: { to }, orderBy: { createdAt: "asc" } });
const linkIn = (text: string) => /\/bekrafta-epost\/([A-Za-z0-9_-]+)/.exec(text)?.[1];
const asActor = (user: { id: string; email: string; name: string }): Actor => ({
  id: user.id,
  email: user.email,
  name: user.name,
  roles: ["APPLICANT"],
  locale: "sv",
});

beforeEach(() => {
  argon2.hashes = 0;
});

describe("registering", () => {
  it("makes an unconfirmed applicant and mails a link, without starting a session", async () => {
    const email = unique();
    await expect(registerApplicant(form(email))).resolves.toBeUndefined();
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user.roles).toEqual(["APPLICANT"]);
    expect(user.emailVerifiedAt).toBeNull();
    expect(await verifyPassword(user.passwordHash, "kaffe och kanelbulle")).toBe(true);
    expect(await db.userSession.count({ where: { userId: user.id } })).toBe(0);
    const [mail] = await mailsTo(email);
    expect(mail.subject).toBe("Bekräfta din e-postadress i Samverka");
    const token = linkIn(mail.text)!;
    // Only the token's hash is stored.
    expect(await db.emailVerification.count({ where: { tokenHash: token } })).toBe(0);
    expect(await db.emailVerification.count({ where: { userId: user.id } })).toBe(1);
    expect(
      await db.auditEvent.count({ where: { entityId: user.id, action: "user.registered" } }),
    ).toBe(1);
  });

  it("answers the same for an address that has an account, changes nothing, and tells its owner", async () => {
    const email = unique();
    await registerApplicant(form(email, "kaffe och kanelbulle", "Olle Ägare"));
    const [link] = await mailsTo(email);
    await confirmEmail(linkIn(link.text)!, null, "kaffe och kanelbulle");
    const before = await db.user.findUniqueOrThrow({ where: { email } });
    argon2.hashes = 0;

    // A stranger registers the same address with their own name and password.
    const answer = await registerApplicant(form(email, "en helt annan fras här", "Främling"));
    expect(answer).toBeUndefined();
    expect(argon2.hashes).toBe(1); // the same work as for a new address
    const after = await db.user.findUniqueOrThrow({ where: { email } });
    expect(after).toEqual(before);
    expect(await db.user.count({ where: { email } })).toBe(1);
    const mails = await mailsTo(email);
    expect(mails).toHaveLength(2);
    const warning = mails[1];
    expect(warning.subject).toBe("Någon försökte skapa ett konto med din e-postadress");
    expect(warning.text).toContain("Hej Olle Ägare!");
    expect(warning.text).toContain("Du har redan ett konto, och det är inte ändrat.");
    expect(warning.text).toContain("/logga-in");
    expect(linkIn(warning.text)).toBeUndefined();
    expect(await db.emailVerification.count({ where: { userId: after.id, usedAt: null } })).toBe(0);
  });

  it("does the same argon2 work for a new address", async () => {
    await registerApplicant(form(unique()));
    expect(argon2.hashes).toBe(1);
  });

  it("mails an address at most three times an hour through the form", async () => {
    const email = unique();
    await registerApplicant(form(email));
    for (let i = 0; i < 5; i++) await registerApplicant(form(email));
    expect(await mailsTo(email)).toHaveLength(4); // the first, and three more
  });
});

describe("the confirmation link", () => {
  async function registered(password = "kaffe och kanelbulle") {
    const email = unique();
    await registerApplicant(form(email, password));
    const [mail] = await mailsTo(email);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    return { email, user, token: linkIn(mail.text)! };
  }

  it("confirms the address with the password chosen, once", async () => {
    const { email, user, token } = await registered();
    expect(await findConfirmationLink(token, null)).toEqual({
      state: "valid",
      email,
      signedInAsOwner: false,
    });
    await expect(confirmEmail(token, null, "kaffe och kanelbulle")).resolves.toEqual({ email });
    const confirmed = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(confirmed.emailVerifiedAt).toBeInstanceOf(Date);
    expect(confirmed.passwordHash).toBe(user.passwordHash);
    expect(confirmed.sessionVersion).toBe(user.sessionVersion);

    expect(await findConfirmationLink(token, null)).toEqual({ state: "used" });
    await expect(confirmEmail(token, null, "kaffe och kanelbulle")).rejects.toThrow(
      "Länken gäller inte längre",
    );
  });

  it("refuses a wrong password and changes nothing", async () => {
    const { user, token } = await registered();
    await expect(confirmEmail(token, null, "fel fras som inte stämmer")).rejects.toBeInstanceOf(
      RuleViolation,
    );
    await expect(confirmEmail(token, null)).rejects.toBeInstanceOf(RuleViolation);
    expect(
      (await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt,
    ).toBeNull();
    expect(await findConfirmationLink(token, null)).toMatchObject({ state: "valid" });
  });

  it("needs no password from the person signed in to that account", async () => {
    const { email, user, token } = await registered();
    expect(await findConfirmationLink(token, asActor(user))).toEqual({
      state: "valid",
      email,
      signedInAsOwner: true,
    });
    await confirmEmail(token, asActor(user));
    expect(
      (await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt,
    ).toBeInstanceOf(Date);
  });

  it("has expired after 48 hours", async () => {
    const { user, token } = await registered();
    await db.emailVerification.updateMany({
      where: { userId: user.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await findConfirmationLink(token, null)).toEqual({ state: "expired" });
    await expect(confirmEmail(token, null, "kaffe och kanelbulle")).rejects.toBeInstanceOf(
      DomainError,
    );
    expect(
      (await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt,
    ).toBeNull();
  });

  it("says nothing about an unknown link", async () => {
    expect(await findConfirmationLink("finns-inte", null)).toEqual({ state: "unknown" });
    await expect(confirmEmail("finns-inte", null, "x")).rejects.toBeInstanceOf(DomainError);
  });

  it("lets the owner of an address take it back from someone who registered it first", async () => {
    // A stranger registers the address and signs in; the owner gets a link they cannot use.
    const { email, user, token: strangersLink } = await registered("främlingens egen fras");
    const strangerSession = {
      uid: user.id,
      sid: await startSession(user.id),
      sv: user.sessionVersion,
    };
    expect(await resolveActor(strangerSession)).not.toBeNull();
    await expect(confirmEmail(strangersLink, null, "ägarens gissning här")).rejects.toBeInstanceOf(
      RuleViolation,
    );

    // The owner registers the address; until they open their link, nothing changes.
    await registerApplicant(form(email, "ägarens hemliga mening", "Olle Ägare"));
    const unchanged = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(unchanged.passwordHash).toBe(user.passwordHash);
    expect(unchanged.name).toBe(user.name);
    const mails = await mailsTo(email);
    expect(mails).toHaveLength(2);
    expect(mails[1].subject).toBe("Bekräfta din e-postadress i Samverka");

    await confirmEmail(linkIn(mails[1].text)!, null, "ägarens hemliga mening");
    const taken = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(taken.emailVerifiedAt).toBeInstanceOf(Date);
    expect(taken.name).toBe("Olle Ägare");
    expect(await verifyPassword(taken.passwordHash, "ägarens hemliga mening")).toBe(true);
    expect(await verifyPassword(taken.passwordHash, "främlingens egen fras")).toBe(false);
    // The stranger's session has ended, and their link is of no use any more.
    expect(await resolveActor(strangerSession)).toBeNull();
    expect(await findConfirmationLink(strangersLink, null)).toEqual({ state: "used" });
  });
});

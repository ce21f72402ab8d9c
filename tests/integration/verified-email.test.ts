import { describe, expect, it, vi } from "vitest";
import { encode } from "next-auth/jwt";
import { db } from "@/lib/server/db";
import { startSession } from "@/lib/server/sessions";
import { confirmEmail } from "@/lib/server/email-verification";
import { submitApplication } from "@/lib/server/applications";
import { EmailNotVerified } from "@/lib/server/errors";
import {
  acceptInvitation,
  findInvitation,
  inviteMember,
  requestMembership,
} from "@/lib/server/organisations";
import { registerApplicant } from "@/lib/server/users";
import { POST as submitRoute } from "@/app/api/v1/applications/[id]/submit/route";
import { submitApplicationAction } from "@/app/(applicant)/ansokningar/[id]/actions";
import { resendConfirmationAction } from "@/app/(auth)/bekrafta-epost/actions";
import type { Actor } from "@/lib/server/actor";
import { makeDraft, makeOrganisation, makeUser } from "../factories";

// Only a person who has confirmed their e-mail address submits an application or joins an
// organisation by invitation (docs/domain.md §1, accounts): the server action, the route and the
// services refuse, in Swedish, until the link from the mail has been opened.

// The request's cookies: the session cookie of whoever `signInAs` chose.
const jar = vi.hoisted(() => new Map<string, string>());
vi.mock("next/headers", () => ({
  cookies: () =>
    Promise.resolve({
      get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
      getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    }),
  headers: () => Promise.resolve(new Headers({ "x-forwarded-for": "10.1.2.3" })),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

async function signInAs(actor: Actor) {
  const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: actor.id } });
  const token = { uid: actor.id, sid: await startSession(actor.id), sv: sessionVersion };
  jar.set(
    "next-auth.session-token",
    await encode({ token, secret: process.env.AUTH_SECRET!, maxAge: 3600 }),
  );
}

const submitByRoute = (id: string) =>
  submitRoute(
    new Request(`http://localhost/api/v1/applications/${id}/submit`, { method: "POST" }),
    { params: Promise.resolve({ id }) },
  );

/** A confirmation link as the person receives it. */
async function linkTo(email: string) {
  const mail = await db.mailMessage.findFirstOrThrow({
    where: { to: email, subject: "Bekräfta din e-postadress i Samverka" },
    orderBy: { createdAt: "desc" },
  });
  return /\/bekrafta-epost\/([A-Za-z0-9_-]+)/.exec(mail.text)![1];
}

describe("submitting before the e-mail address is confirmed", () => {
  it("is refused by the service, the server action and the route, and works once confirmed", async () => {
    const applicant = await makeUser(["APPLICANT"], "Oskar Obekräftad", { verified: false });
    const draft = await makeDraft(applicant);
    await signInAs(applicant);

    await expect(submitApplication(applicant, draft.id)).rejects.toBeInstanceOf(EmailNotVerified);
    const byAction = await submitApplicationAction(draft.id);
    expect(byAction).toMatchObject({ ok: false });
    expect(byAction?.ok === false && byAction.message).toMatch(
      /^Du behöver bekräfta din e-postadress först\./,
    );
    const byRoute = await submitByRoute(draft.id);
    expect(byRoute.status).toBe(403);
    expect(await byRoute.json()).toMatchObject({
      code: "EMAIL_NOT_VERIFIED",
      message: expect.stringContaining("bekräfta din e-postadress") as unknown,
    });
    const still = await db.application.findUniqueOrThrow({ where: { id: draft.id } });
    expect(still.status).toBe("DRAFT");
    expect(still.referenceNumber).toBeNull();
    expect(
      await db.auditEvent.count({
        where: { actorId: applicant.id, action: "access.denied", entityId: applicant.id },
      }),
    ).toBe(3);

    // "Skicka länken igen", then the link from the mail.
    expect(await resendConfirmationAction()).toEqual({
      ok: true,
      value: { email: applicant.email },
    });
    await confirmEmail(await linkTo(applicant.email), applicant);
    const submitted = await submitByRoute(draft.id);
    expect(submitted.status).toBe(201);
    expect((await db.application.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe(
      "SUBMITTED",
    );
  });

  it("limits new links to three an hour", async () => {
    const applicant = await makeUser(["APPLICANT"], "Oskar Obekräftad", { verified: false });
    await signInAs(applicant);
    for (let i = 0; i < 3; i++)
      expect(await resendConfirmationAction()).toMatchObject({ ok: true });
    expect(await resendConfirmationAction()).toMatchObject({
      ok: false,
      message: expect.stringContaining("flera länkar") as unknown,
    });
    expect(await db.mailMessage.count({ where: { to: applicant.email } })).toBe(3);
  });
});

describe("an organisation invitation", () => {
  it("works only for the invited address once it is confirmed", async () => {
    const member = await makeUser(["APPLICANT"], "Maria Medlem");
    const org = await makeOrganisation(member, "Föreningen Grannar");
    const email = `inbjuden-${Date.now()}@grannar.example`;
    await inviteMember(member, org.id, email);
    const invitationMail = await db.mailMessage.findFirstOrThrow({ where: { to: email } });
    const token = /\/inbjudan\/([A-Za-z0-9_-]+)/.exec(invitationMail.text)![1];

    // Anyone may register the invited address: holding that account is not enough.
    await registerApplicant({
      name: "Ines Inbjuden",
      email,
      password: "kaffe och kanelbulle",
      passwordConfirm: "kaffe och kanelbulle",
    });
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    const invited: Actor = {
      id: user.id,
      email,
      name: user.name,
      roles: ["APPLICANT"],
      locale: "sv",
    };
    await requestMembership(invited, org.orgNumber);
    expect(await findInvitation(token, invited)).toEqual({ state: "unverified" });
    await expect(acceptInvitation(invited, token)).rejects.toBeInstanceOf(EmailNotVerified);
    await expect(acceptInvitation(invited, token)).rejects.toThrow(
      "Bekräfta din e-postadress innan du går med",
    );
    expect(
      await db.membership.count({ where: { userId: invited.id, organisationId: org.id } }),
    ).toBe(0);
    expect(
      (await db.organisationInvitation.findFirstOrThrow({ where: { organisationId: org.id } }))
        .acceptedAt,
    ).toBeNull();
    expect(
      await db.auditEvent.count({
        where: {
          actorId: invited.id,
          action: "organisation.invitation_refused",
          meta: { path: ["reason"], equals: "email_not_verified" },
        },
      }),
    ).toBe(3);

    // The owner of the address opens the link from the mail: now the invitation lets them in.
    await confirmEmail(await linkTo(email), null, "kaffe och kanelbulle");
    expect(await acceptInvitation(invited, token)).toBe(org.id);
    expect(
      await db.membership.count({ where: { userId: invited.id, organisationId: org.id } }),
    ).toBe(1);
  });
});

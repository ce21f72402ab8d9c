import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import {
  acceptInvitation,
  decideMembershipRequest,
  findInvitation,
  findOrganisationToJoin,
  getMyOrganisation,
  inviteMember,
  listMembers,
  listMembershipRequests,
  listMyMembershipRequests,
  listMyOrganisations,
  requestMembership,
} from "@/lib/server/organisations";
import { listForApplicant } from "@/lib/server/applications";
import { Conflict, Forbidden, NotFound, RuleViolation } from "@/lib/server/errors";
import { makeDraft, makeOrganisation, makeUser } from "../factories";

/** An organisation with two members, and a person who is not one of them. */
async function setUp() {
  const member = await makeUser(["APPLICANT"], "Maria Medlem");
  const colleague = await makeUser(["APPLICANT"], "Kim Kollega");
  const org = await makeOrganisation(member, "Föreningen Grannar");
  await db.membership.create({ data: { userId: colleague.id, organisationId: org.id } });
  await makeDraft(member, { organisationId: org.id });
  const requester = await makeUser(["APPLICANT"], "Rami Sökande");
  return { member, colleague, org, requester };
}

const isMember = async (userId: string, organisationId: string) =>
  (await db.membership.count({ where: { userId, organisationId } })) === 1;

describe("asking to join an organisation", () => {
  it("finds the organisation by its number in any usual form, with only its name and town", async () => {
    const { org, requester } = await setUp();
    const digits = org.orgNumber.replace("-", "");
    const found = await findOrganisationToJoin(requester, `16${digits}`);
    expect(found).toEqual({
      name: "Föreningen Grannar",
      orgNumber: org.orgNumber,
      place: "Stockholm",
      relation: "NONE",
    });
    await expect(findOrganisationToJoin(requester, "802012-3454")).rejects.toBeInstanceOf(
      RuleViolation,
    );
  });

  it("notifies and mails every member in the same step, and an approval makes the person a member", async () => {
    const { member, colleague, org, requester } = await setUp();
    const answer = await requestMembership(requester, org.orgNumber, "Jag leder läxhjälpen.");
    expect(answer).toEqual({ organisation: "Föreningen Grannar", created: true });

    for (const m of [member, colleague]) {
      const notice = await db.notification.findFirstOrThrow({
        where: { userId: m.id, kind: "membership_requested" },
      });
      expect(notice.title).toBe("Rami Sökande vill gå med i Föreningen Grannar");
      expect(notice.href).toBe(`/organisationer/${org.id}#forfragningar`);
      const mail = await db.mailMessage.findFirstOrThrow({ where: { to: m.email } });
      expect(mail.subject).toBe("Rami Sökande vill gå med i Föreningen Grannar i Samverka");
      expect(mail.text).toContain("Jag leder läxhjälpen.");
      expect(mail.text).toContain(`/organisationer/${org.id}#forfragningar`);
    }
    expect(
      await db.auditEvent.count({
        where: { entityId: org.id, action: "organisation.membership_requested" },
      }),
    ).toBe(1);

    const waiting = await listMembershipRequests(colleague, org.id);
    expect(waiting.map((r) => [r.user.name, r.message])).toEqual([
      ["Rami Sökande", "Jag leder läxhjälpen."],
    ]);

    const decided = await decideMembershipRequest(member, waiting[0].id, true);
    expect(decided).toMatchObject({ organisationId: org.id, approved: true });
    expect(await isMember(requester.id, org.id)).toBe(true);
    expect((await getMyOrganisation(requester, org.id)).id).toBe(org.id);
    expect(await listMembershipRequests(member, org.id)).toEqual([]);
    const request = await db.membershipRequest.findUniqueOrThrow({
      where: { id: waiting[0].id },
    });
    expect(request).toMatchObject({ status: "APPROVED", decidedById: member.id });
    expect(request.decidedAt).toBeInstanceOf(Date);
    expect(
      await db.notification.count({ where: { userId: requester.id, kind: "membership_approved" } }),
    ).toBe(1);
    expect(
      await db.mailMessage.count({
        where: { to: requester.email, subject: "Du är nu med i Föreningen Grannar i Samverka" },
      }),
    ).toBe(1);
    expect(
      await db.auditEvent.count({
        where: { entityId: org.id, action: "organisation.membership_request_approved" },
      }),
    ).toBe(1);
    // The same request cannot be answered twice.
    await expect(decideMembershipRequest(colleague, waiting[0].id, false)).rejects.toBeInstanceOf(
      Conflict,
    );
    // A member who asks again is told so.
    await expect(requestMembership(requester, org.orgNumber)).rejects.toMatchObject({
      problems: [{ code: "ALREADY_MEMBER", message: "Du är redan med i Föreningen Grannar." }],
    });
    expect((await findOrganisationToJoin(requester, org.orgNumber)).relation).toBe("MEMBER");
  });

  it("a refusal gives no membership, tells the person, and they may ask again", async () => {
    const { member, org, requester } = await setUp();
    await requestMembership(requester, org.orgNumber);
    const [request] = await listMembershipRequests(member, org.id);
    await decideMembershipRequest(member, request.id, false);

    expect(await isMember(requester.id, org.id)).toBe(false);
    await expect(getMyOrganisation(requester, org.id)).rejects.toBeInstanceOf(NotFound);
    const notice = await db.notification.findFirstOrThrow({
      where: { userId: requester.id, kind: "membership_declined" },
    });
    expect(notice.title).toBe("Föreningen Grannar har avböjt din förfrågan om att gå med");
    expect(notice.href).toBe("/ansokningar");
    expect(
      await db.mailMessage.count({
        where: { to: requester.email, subject: "Svar på din förfrågan till Föreningen Grannar" },
      }),
    ).toBe(1);
    expect(await listMyMembershipRequests(requester)).toMatchObject([
      { status: "DECLINED", organisationName: "Föreningen Grannar" },
    ]);

    // Asking again opens the same request anew and tells the members again.
    const mailsBefore = await db.mailMessage.count({ where: { to: member.email } });
    expect((await requestMembership(requester, org.orgNumber, "Andra försöket")).created).toBe(
      true,
    );
    expect(await db.mailMessage.count({ where: { to: member.email } })).toBe(mailsBefore + 1);
    const again = await db.membershipRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(again).toMatchObject({
      status: "PENDING",
      message: "Andra försöket",
      decidedById: null,
      decidedAt: null,
    });
  });

  it("does not make a waiting request twice, even when asked at the same moment", async () => {
    const { member, org, requester } = await setUp();
    const answers = await Promise.all([
      requestMembership(requester, org.orgNumber),
      requestMembership(requester, org.orgNumber),
    ]);
    const again = await requestMembership(requester, org.orgNumber, "Hallå?");
    expect(answers.filter((a) => a.created)).toHaveLength(1);
    expect(again.created).toBe(false);
    expect(
      await db.membershipRequest.count({ where: { organisationId: org.id, userId: requester.id } }),
    ).toBe(1);
    expect(
      await db.notification.count({ where: { userId: member.id, kind: "membership_requested" } }),
    ).toBe(1);
    expect(await db.mailMessage.count({ where: { to: member.email } })).toBe(1);
    expect((await findOrganisationToJoin(requester, org.orgNumber)).relation).toBe("PENDING");
  });

  it("shows the person who asked nothing of the organisation before it is approved", async () => {
    const { member, org, requester } = await setUp();
    await requestMembership(requester, org.orgNumber);

    await expect(getMyOrganisation(requester, org.id)).rejects.toBeInstanceOf(NotFound);
    await expect(listMembers(requester, org.id)).rejects.toBeInstanceOf(NotFound);
    await expect(listMembershipRequests(requester, org.id)).rejects.toBeInstanceOf(NotFound);
    await expect(inviteMember(requester, org.id, "x@y.example")).rejects.toBeInstanceOf(NotFound);
    expect(await listMyOrganisations(requester)).toEqual([]);
    expect(await listForApplicant(requester)).toEqual([]);
    // Their own list holds the name and the answer, and nothing else of the organisation.
    const mine = await listMyMembershipRequests(requester);
    expect(mine).toHaveLength(1);
    expect(Object.keys(mine[0]).sort()).toEqual(
      ["createdAt", "decidedAt", "id", "orgNumber", "organisationName", "status"].sort(),
    );
    expect(mine[0]).toMatchObject({ status: "PENDING", organisationName: "Föreningen Grannar" });
    expect(JSON.stringify(mine)).not.toContain(org.id);
    // The one who asked cannot answer their own request either.
    await expect(decideMembershipRequest(requester, mine[0].id, true)).rejects.toBeInstanceOf(
      NotFound,
    );
    expect(await isMember(requester.id, org.id)).toBe(false);
    expect(await isMember(member.id, org.id)).toBe(true);
  });

  it("lets no one but a member list or answer the requests (not found, audited)", async () => {
    const { member, org, requester } = await setUp();
    await requestMembership(requester, org.orgNumber);
    const [request] = await listMembershipRequests(member, org.id);
    const outsider = await makeUser(["APPLICANT"], "Olle Utomstående");
    const reviewer = await makeUser(["REVIEWER"], "Hanna Handläggare");
    for (const caller of [outsider, reviewer]) {
      await expect(listMembershipRequests(caller, org.id)).rejects.toBeInstanceOf(NotFound);
      await expect(decideMembershipRequest(caller, request.id, true)).rejects.toBeInstanceOf(
        NotFound,
      );
    }
    // Staff do not join organisations.
    await expect(findOrganisationToJoin(reviewer, org.orgNumber)).rejects.toBeInstanceOf(NotFound);
    await expect(requestMembership(reviewer, org.orgNumber)).rejects.toBeInstanceOf(NotFound);
    expect(await isMember(requester.id, org.id)).toBe(false);
    expect(
      (await db.membershipRequest.findUniqueOrThrow({ where: { id: request.id } })).status,
    ).toBe("PENDING");
    expect(
      await db.auditEvent.count({
        where: { actorId: outsider.id, action: "access.denied", entityId: request.id },
      }),
    ).toBe(1);
  });

  it("limits the lookups by number per person", async () => {
    const { org, requester } = await setUp();
    for (let i = 0; i < 20; i++) await findOrganisationToJoin(requester, org.orgNumber);
    await expect(findOrganisationToJoin(requester, org.orgNumber)).rejects.toThrow(
      "För många försök",
    );
    await expect(requestMembership(requester, org.orgNumber)).rejects.toThrow("För många försök");
    // Someone else is not affected.
    expect((await findOrganisationToJoin(await makeUser(), org.orgNumber)).name).toBe(
      "Föreningen Grannar",
    );
  });
});

describe("organisation invitations", () => {
  it("work only for the address they were sent to; another address changes nothing", async () => {
    const { member, org, requester } = await setUp();
    await inviteMember(member, org.id, "inbjuden@grannar.example");
    const mail = await db.mailMessage.findFirstOrThrow({
      where: { to: "inbjuden@grannar.example" },
    });
    const token = /\/inbjudan\/([A-Za-z0-9_-]+)/.exec(mail.text)![1];

    expect(await findInvitation(token, requester)).toEqual({ state: "wrongAddress" });
    await expect(acceptInvitation(requester, token)).rejects.toBeInstanceOf(Forbidden);
    await expect(acceptInvitation(requester, token)).rejects.toThrow(
      "Inbjudan gäller en annan e-postadress",
    );
    expect(await isMember(requester.id, org.id)).toBe(false);
    const invitation = await db.organisationInvitation.findFirstOrThrow({
      where: { organisationId: org.id },
    });
    expect(invitation.acceptedAt).toBeNull();
    expect(
      await db.auditEvent.count({
        where: {
          actorId: requester.id,
          entityId: org.id,
          action: "organisation.invitation_refused",
        },
      }),
    ).toBe(3);

    // The right person, in another letter case, can still use it; a waiting request is answered by it.
    const invited = await makeUser(["APPLICANT"], "Ines Inbjuden");
    await db.user.update({
      where: { id: invited.id },
      data: { email: "Inbjuden@Grannar.example" },
    });
    invited.email = "Inbjuden@Grannar.example";
    await requestMembership(invited, org.orgNumber);
    expect(await acceptInvitation(invited, token)).toBe(org.id);
    expect(await isMember(invited.id, org.id)).toBe(true);
    expect(await listMembershipRequests(member, org.id)).toEqual([]);
  });
});

import "server-only";
import { db } from "../db";
import { audit } from "../audit";
import { queueMail, appUrl } from "../mail";
import { enqueueMail } from "../job-queue";
import { notify } from "../notifications";
import { Conflict } from "../errors";
import { deny, type Actor } from "../actor";
import { memberOf } from "./access";

/** The precondition below, for the action before it reads the answer: `requestId` as it came. */
export async function requireMembershipRequest(actor: Actor, requestId: unknown) {
  const id = typeof requestId === "string" ? requestId : undefined;
  const found =
    id && (await db.membershipRequest.count({ where: { id, organisation: memberOf(actor) } }));
  if (!found) await deny(actor, "organisation.membership_request.decide", "MembershipRequest", id);
}

/**
 * Precondition: a member of the organisation asked to join (anyone else gets "not found").
 * Approves or declines a waiting request in one transaction: the answer, the membership on
 * approval, the audit entry, and a notification and a mail to the person who asked.
 */
export async function decideMembershipRequest(actor: Actor, requestId: string, approve: boolean) {
  const request = await db.membershipRequest.findFirst({
    where: { id: requestId, organisation: memberOf(actor) },
    select: {
      id: true,
      organisationId: true,
      userId: true,
      organisation: { select: { name: true } },
      user: { select: { name: true, email: true } },
    },
  });
  if (!request)
    return deny(actor, "organisation.membership_request.decide", "MembershipRequest", requestId);
  const org = request.organisation.name;
  const mailId = await db.$transaction(async (tx) => {
    const { count } = await tx.membershipRequest.updateMany({
      where: { id: request.id, status: "PENDING" },
      data: {
        status: approve ? "APPROVED" : "DECLINED",
        decidedById: actor.id,
        decidedAt: new Date(),
      },
    });
    if (count !== 1)
      throw new Conflict("Någon i organisationen har redan svarat på förfrågan. Ladda om sidan.");
    if (approve)
      await tx.membership.upsert({
        where: {
          userId_organisationId: { userId: request.userId, organisationId: request.organisationId },
        },
        create: { userId: request.userId, organisationId: request.organisationId },
        update: {},
      });
    await audit(
      {
        actorId: actor.id,
        action: approve
          ? "organisation.membership_request_approved"
          : "organisation.membership_request_declined",
        entityType: "Organisation",
        entityId: request.organisationId,
        meta: { requestId: request.id, userId: request.userId },
      },
      tx,
    );
    const href = approve ? `/organisationer/${request.organisationId}` : "/ansokningar";
    await notify(tx, [request.userId], {
      kind: approve ? "membership_approved" : "membership_declined",
      title: approve ? `Du är nu med i ${org}` : `${org} har avböjt din förfrågan om att gå med`,
      href,
    });
    return queueMail(tx, {
      to: request.user.email,
      subject: approve ? `Du är nu med i ${org} i Samverka` : `Svar på din förfrågan till ${org}`,
      text: approve
        ? `Hej ${request.user.name}!\n\n${actor.name} har godkänt din förfrågan. Nu kan du arbeta med ansökningarna för ${org} i Samverka:\n${appUrl(href)}\n\nVänliga hälsningar\nSamverka`
        : `Hej ${request.user.name}!\n\n${org} har avböjt din förfrågan om att gå med i organisationen i Samverka. Tror du att det är ett misstag kan du prata med någon i organisationen och fråga igen.\n\nVänliga hälsningar\nSamverka`,
    });
  });
  await enqueueMail([mailId]);
  return { organisationId: request.organisationId, approved: approve, name: request.user.name };
}

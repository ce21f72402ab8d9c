import "server-only";
import { db } from "../db";
import { audit } from "../audit";
import { queueMail, appUrl } from "../mail";
import { enqueueMail } from "../job-queue";
import { notify } from "../notifications";
import { RuleViolation } from "../errors";
import type { Actor } from "../actor";
import { organisationToJoin } from "./find-to-join";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Precondition: an applicant who is not a member. Asks to join the organisation with this number;
 * every member gets a notification and a mail, in the same transaction. A waiting request is not
 * made twice; a declined one may be made again.
 */
export async function requestMembership(actor: Actor, orgNumber: string, message = "") {
  const org = await organisationToJoin(actor, orgNumber);
  if (org.memberships.length)
    throw new RuleViolation([
      { code: "ALREADY_MEMBER", path: "orgNumber", message: `Du är redan med i ${org.name}.` },
    ]);
  const existing = org.membershipRequests[0];
  const answer = { organisation: org.name, created: false };
  if (existing?.status === "PENDING") return answer;
  let mailIds: (string | null)[] | null;
  try {
    mailIds = await db.$transaction(async (tx) => {
      let requestId: string;
      if (existing) {
        const { count } = await tx.membershipRequest.updateMany({
          where: { id: existing.id, status: { not: "PENDING" } },
          data: {
            status: "PENDING",
            message,
            decidedById: null,
            decidedAt: null,
            createdAt: new Date(),
          },
        });
        if (count !== 1) return null; // asked again at the same moment: one request, one notice
        requestId = existing.id;
      } else {
        requestId = (
          await tx.membershipRequest.create({
            data: { organisationId: org.id, userId: actor.id, message },
          })
        ).id;
      }
      await audit(
        {
          actorId: actor.id,
          action: "organisation.membership_requested",
          entityType: "Organisation",
          entityId: org.id,
          meta: { requestId },
        },
        tx,
      );
      const members = await tx.membership.findMany({
        where: { organisationId: org.id, user: { deactivatedAt: null } },
        select: { userId: true, user: { select: { email: true, name: true } } },
      });
      const page = `/organisationer/${org.id}#forfragningar`;
      await notify(
        tx,
        members.map((m) => m.userId),
        {
          kind: "membership_requested",
          title: `${actor.name} vill gå med i ${org.name}`,
          body: message,
          href: page,
        },
      );
      const note = message ? `\n\n${actor.name} skriver:\n${message}` : "";
      const ids: (string | null)[] = [];
      for (const m of members)
        ids.push(
          await queueMail(tx, {
            to: m.user.email,
            subject: `${actor.name} vill gå med i ${org.name} i Samverka`,
            text: `Hej ${m.user.name}!\n\n${actor.name} (${actor.email}) vill gå med i ${org.name} i Samverka och arbeta med organisationens ansökningar.${note}\n\nGodkänn eller avböj förfrågan på organisationens sida:\n${appUrl(page)}\n\nKänner du inte igen personen kan du avböja. Hen ser inget av organisationen förrän någon av er har godkänt.\n\nVänliga hälsningar\nSamverka`,
          }),
        );
      return ids;
    });
  } catch (error) {
    // Two requests at the same moment: the other one was saved.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return answer;
    throw error;
  }
  if (!mailIds) return answer;
  await enqueueMail(mailIds);
  return { ...answer, created: true };
}

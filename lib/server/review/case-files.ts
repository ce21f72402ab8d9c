import "server-only";
import { db } from "../db";
import type { Actor } from "../actor";
import { NotFound } from "../errors";
import { storage } from "../storage";
import { openedApplication } from "./case-access";

/** A decision letter for the applicant's members and for staff who may open the case. */
export async function decisionLetterFile(actor: Actor, decisionId: string) {
  const decision = await db.decision.findUnique({
    where: { id: decisionId },
    select: {
      letterFileId: true,
      applicationId: true,
      application: {
        select: {
          organisation: {
            select: { memberships: { where: { userId: actor.id }, select: { userId: true } } },
          },
        },
      },
    },
  });
  if (!decision?.letterFileId) throw new NotFound();
  const member = decision.application.organisation.memberships.length > 0;
  if (!member) await openedApplication(actor, decision.applicationId, "decision.letter");
  const file = await storage.get(decision.letterFileId);
  if (!file) throw new NotFound();
  return file;
}

/** A letter of intent's PDF for staff who may open the case. */
export async function letterFileForStaff(actor: Actor, applicationId: string, partnerId: string) {
  await openedApplication(actor, applicationId, "letter.read");
  const partner = await db.partner.findFirst({
    where: { id: partnerId, applicationId },
    include: { letter: true },
  });
  const file = partner?.letter?.fileId ? await storage.get(partner.letter.fileId) : null;
  if (!file) throw new NotFound();
  return file;
}

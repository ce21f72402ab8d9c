import "server-only";
import { db } from "../db";
import type { Actor } from "../actor";
import { audit } from "../audit";
import { Conflict, Forbidden } from "../errors";
import { applicantMayWithdraw } from "@/lib/domain/lifecycle";
import { getForApplicant } from "./get-for-applicant";

/** The applicant withdraws before a proposal or decision. */
export async function withdrawApplication(actor: Actor, id: string, reason: string) {
  const app = await getForApplicant(actor, id);
  if (!applicantMayWithdraw(app.status))
    throw new Forbidden("Ansökan kan inte återkallas när ett beslut är föreslaget eller fattat.");
  await db.$transaction(async (tx) => {
    const { count } = await tx.application.updateMany({
      where: { id, status: app.status },
      data: { status: "WITHDRAWN", withdrawnAt: new Date(), version: { increment: 1 } },
    });
    if (count !== 1) throw new Conflict();
    await audit(
      {
        actorId: actor.id,
        action: "application.withdrawn",
        entityType: "Application",
        entityId: id,
        before: { status: app.status },
        after: { status: "WITHDRAWN" },
        meta: { reason },
      },
      tx,
    );
  });
}

import "server-only";
import type { z } from "zod";
import { db } from "../db";
import { deny, type Actor } from "../actor";
import { audit } from "../audit";
import { Forbidden } from "../errors";
import type { ReviewInput } from "@/lib/validation/review";
import { openedApplication } from "./case-access";

/** Scores for the seven criteria and a recommendation. One review per officer and application. */
export async function saveReview(actor: Actor, id: string, input: z.infer<typeof ReviewInput>) {
  if (!actor.roles.includes("REVIEWER")) await deny(actor, "review.save", "Application", id);
  const app = await openedApplication(actor, id, "review.save");
  if (!["SUBMITTED", "IN_REVIEW"].includes(app.status))
    throw new Forbidden("Ärendet kan inte bedömas i sitt nuvarande skede.");
  await db.$transaction(async (tx) => {
    const review = await tx.review.upsert({
      where: { applicationId_reviewerId: { applicationId: id, reviewerId: actor.id } },
      create: {
        applicationId: id,
        reviewerId: actor.id,
        recommendation: input.recommendation,
        summary: input.summary,
        completedAt: new Date(),
      },
      update: {
        recommendation: input.recommendation,
        summary: input.summary,
        completedAt: new Date(),
        version: { increment: 1 },
      },
    });
    await tx.reviewScore.deleteMany({ where: { reviewId: review.id } });
    await tx.reviewScore.createMany({
      data: input.scores.map((s) => ({ reviewId: review.id, ...s })),
    });
    await audit(
      {
        actorId: actor.id,
        action: "review.saved",
        entityType: "Application",
        entityId: id,
        after: input,
      },
      tx,
    );
  });
}

"use server";
import { revalidatePath } from "next/cache";
import { requireRole } from "@/lib/server/actor";
import { parseInput, runAction } from "@/lib/server/action";
import { holdMeeting, mayMoveCase, moveCase } from "@/lib/server/meeting";
import { MeetingInput, MoveCaseInput } from "@/lib/validation/meeting";

// Thin: who is calling first (outsiders get "not found" whatever they sent), then the shared
// schema; the service checks again and decides what they may do.

export async function holdMeetingAction(values: unknown) {
  return runAction(async () => {
    const actor = await requireRole(["DECIDER"], "meeting.hold");
    const { meetingId } = await holdMeeting(actor, parseInput(MeetingInput, values));
    revalidatePath("/beslut");
    revalidatePath("/beslut/mote");
    return { meetingId };
  });
}

export async function moveCaseAction(id: string, values: unknown) {
  return runAction(async () => {
    const actor = await requireRole(["REVIEWER", "DECIDER"], "meeting.move");
    await mayMoveCase(actor, id);
    const input = parseInput(MoveCaseInput, {
      ...(values && typeof values === "object" ? values : {}),
      applicationId: id,
    });
    await moveCase(actor, id, input);
    revalidatePath("/beslut/mote");
  });
}

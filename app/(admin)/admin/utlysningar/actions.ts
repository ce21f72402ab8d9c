"use server";
import { revalidatePath } from "next/cache";
import { requireActor, requireRole } from "@/lib/server/actor";
import { parseInput, runAction } from "@/lib/server/action";
import { createRound, getRound, setRoundStatus, updateRound } from "@/lib/server/rounds";
import { RoundInput } from "@/lib/validation/round";

const input = (values: Record<string, unknown>) =>
  parseInput(RoundInput, {
    ...values,
    acceptedTracks: (["KNOWLEDGE", "COLLABORATION", "INTERVENTION"] as const).filter(
      (t) => values[`track_${t}`] === true,
    ),
  });

export async function saveRoundAction(id: string | null, values: Record<string, unknown>) {
  return runAction(async () => {
    await requireRole(["ADMIN"], "round.save");
    const actor = await requireActor();
    if (id) await updateRound(actor, id, input(values));
    else await createRound(actor, input(values));
    revalidatePath("/admin");
  });
}

/** Toggles the round: a planned or closed round opens, an open round closes. */
export async function roundStatusAction(id: string) {
  return runAction(async () => {
    const actor = await requireActor();
    const round = await getRound(actor, id);
    await setRoundStatus(actor, id, round.status === "OPEN" ? "CLOSED" : "OPEN");
    revalidatePath("/admin");
  });
}

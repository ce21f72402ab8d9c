"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
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

/** Saves a round; a new one then opens on its own page. */
export async function saveRoundAction(id: string | null, values: Record<string, unknown>) {
  const result = await runAction(async () => {
    await requireRole(["ADMIN"], "round.save");
    const actor = await requireActor();
    const round = id
      ? await updateRound(actor, id, input(values))
      : await createRound(actor, input(values));
    revalidatePath("/admin");
    return round.id;
  });
  if (!id && result.ok) redirect(`/admin/utlysningar/${result.value}?skapad=1`); // outside runAction: redirect throws
  return result.ok ? { ok: true as const } : result;
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

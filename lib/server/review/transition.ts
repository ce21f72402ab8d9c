import "server-only";
import type { Tx } from "../db";
import { Conflict } from "../errors";

/** Moves the case on, only from the status it was read in (else someone else got there first). */
export async function transition(
  tx: Tx,
  app: { id: string; status: string },
  to: "IN_REVIEW" | "COMPLEMENT_REQUESTED" | "PROPOSED" | "APPROVED" | "REJECTED",
  data: Record<string, unknown> = {},
) {
  const { count } = await tx.application.updateMany({
    where: { id: app.id, status: app.status as never },
    data: { ...data, status: to, version: { increment: 1 } },
  });
  if (count !== 1) throw new Conflict("Ärendet har ändrats av någon annan. Ladda om sidan.");
}

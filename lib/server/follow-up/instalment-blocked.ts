import "server-only";
import { instalmentBlocked } from "@/lib/domain/follow-up";
import { isoDate } from "@/lib/domain/format";

/** Whether an instalment waits for the progress report before it to be accepted. */
export const blockedFor = (
  instalment: { number: number; dueDate: Date },
  reports: { kind: string; dueDate: Date; status: string }[],
) =>
  instalmentBlocked(
    { number: instalment.number, dueDate: isoDate(instalment.dueDate) },
    reports.map((r) => ({ ...r, dueDate: isoDate(r.dueDate) })),
  );

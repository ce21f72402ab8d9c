// Creates an approved grant's payment plan and reporting schedule. No "server-only" marker: the
// seed uses it too. Precondition: the application has just been approved with `amountSek`.
import type { Tx } from "./db";
import { defaultInstalments, reportSchedule } from "@/lib/domain/follow-up";
import { dateOnly } from "./application-contract";

export async function createGrantPlan(
  tx: Pick<Tx, "instalment" | "followUpReport">,
  g: {
    applicationId: string;
    amountSek: number;
    periodStart: string;
    periodEnd: string;
    decidedOn: string;
  },
) {
  const instalments = defaultInstalments(g.amountSek, g.periodStart, g.periodEnd, g.decidedOn);
  await tx.instalment.createMany({
    data: instalments.map((i) => ({
      applicationId: g.applicationId,
      number: i.number,
      amountSek: i.amountSek,
      dueDate: dateOnly(i.dueDate),
    })),
  });
  await tx.followUpReport.createMany({
    data: reportSchedule(instalments, g.periodEnd).map((r) => ({
      applicationId: g.applicationId,
      kind: r.kind,
      dueDate: dateOnly(r.dueDate),
    })),
  });
  return instalments;
}

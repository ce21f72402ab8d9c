// Creates an approved grant's payment plan and reporting schedule. No "server-only" marker: the
// seed uses it too. Precondition: the application has just been approved with `amountSek`.
import type { Tx } from "./db";
import { defaultInstalments, reportSchedule } from "@/lib/domain/follow-up";
import { dateOnly } from "./application-contract";

type Grant = {
  applicationId: string;
  amountSek: number;
  periodStart: string;
  periodEnd: string;
  decidedOn: string;
};

export async function createGrantPlan(tx: Pick<Tx, "instalment" | "followUpReport">, g: Grant) {
  return (await createGrantPlans(tx, [g]))[0];
}

/** The plans of several grants at once (a decision meeting); answers each grant's instalments. */
export async function createGrantPlans(
  tx: Pick<Tx, "instalment" | "followUpReport">,
  grants: Grant[],
) {
  const plans = grants.map((g) => ({
    g,
    instalments: defaultInstalments(g.amountSek, g.periodStart, g.periodEnd, g.decidedOn),
  }));
  if (!plans.length) return [];
  await tx.instalment.createMany({
    data: plans.flatMap(({ g, instalments }) =>
      instalments.map((i) => ({
        applicationId: g.applicationId,
        number: i.number,
        amountSek: i.amountSek,
        dueDate: dateOnly(i.dueDate),
      })),
    ),
  });
  await tx.followUpReport.createMany({
    data: plans.flatMap(({ g, instalments }) =>
      reportSchedule(instalments, g.periodEnd).map((r) => ({
        applicationId: g.applicationId,
        kind: r.kind,
        dueDate: dateOnly(r.dueDate),
      })),
    ),
  });
  return plans.map((p) => p.instalments);
}

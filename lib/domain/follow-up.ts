// After the decision (docs/domain.md §5): payment in instalments, the reporting schedule, blocked instalments,
// and checks of a report's spending. Pure.
import { addMonths, compareIso, yearsBetween } from "./dates";
import type { BudgetCategory } from "@/lib/validation/application";

export type PlannedInstalment = { number: number; amountSek: number; dueDate: string };
export type PlannedReport = {
  kind: "PROGRESS" | "FINAL";
  dueDate: string;
  beforeInstalment: number | null;
};

/**
 * One instalment per calendar year of the period, summing to the granted amount (whole kronor; the
 * remainder goes to the first). The first is due when the decision is made or the period starts,
 * whichever is later; the others on 15 January of their year.
 */
export function defaultInstalments(
  amountSek: number,
  periodStart: string,
  periodEnd: string,
  decidedOn: string,
): PlannedInstalment[] {
  const years = yearsBetween(periodStart, periodEnd);
  const base = Math.floor(amountSek / years.length);
  const remainder = amountSek - base * years.length;
  return years.map((year, i) => ({
    number: i + 1,
    amountSek: base + (i === 0 ? remainder : 0),
    dueDate:
      i === 0
        ? compareIso(decidedOn, periodStart) > 0
          ? decidedOn
          : periodStart
        : `${year}-01-15`,
  }));
}

/** A progress report a month before each later instalment, and the final report two months after the period ends. */
export function reportSchedule(
  instalments: PlannedInstalment[],
  periodEnd: string,
): PlannedReport[] {
  return [
    ...instalments.slice(1).map((i) => ({
      kind: "PROGRESS" as const,
      dueDate: addMonths(i.dueDate, -1),
      beforeInstalment: i.number,
    })),
    { kind: "FINAL" as const, dueDate: addMonths(periodEnd, 2), beforeInstalment: null },
  ];
}

/** A later instalment waits for an accepted progress report due before it. */
export function instalmentBlocked(
  instalment: { number: number; dueDate: string },
  reports: { kind: string; dueDate: string; status: string }[],
): boolean {
  if (instalment.number === 1) return false;
  const progress = reports
    .filter((r) => r.kind === "PROGRESS" && compareIso(r.dueDate, instalment.dueDate) <= 0)
    .sort((a, b) => compareIso(b.dueDate, a.dueDate))[0];
  return !progress || progress.status !== "ACCEPTED";
}

export type Spending = Partial<Record<BudgetCategory, number>>;
export type SpendingProblem = { path: string; message: string };

/** Money spent against the approved amount and budget: whole kronor, not more than granted. */
export function spendingProblems(
  spending: Spending,
  grantedSek: number,
  budgetByCategory: Spending,
): SpendingProblem[] {
  const problems: SpendingProblem[] = [];
  let total = 0;
  for (const [category, amount] of Object.entries(spending) as [BudgetCategory, number][]) {
    if (!Number.isInteger(amount) || amount < 0)
      problems.push({
        path: `spending.${category}`,
        message: "Ange beloppet i hela kronor, utan minustecken eller decimaler.",
      });
    else total += amount;
    const budgeted = budgetByCategory[category] ?? 0;
    if (amount > budgeted && budgeted >= 0 && Number.isInteger(amount)) {
      problems.push({
        path: `spending.${category}`,
        message: `Ni har använt mer än budgeterat i den här kategorin (${amount} kr mot ${budgeted} kr). Förklara skillnaden i berättelsen.`,
      });
    }
  }
  if (total > grantedSek) {
    problems.push({
      path: "spending",
      message: `Den redovisade användningen (${new Intl.NumberFormat("sv-SE").format(total)} kr) är större än det beviljade beloppet (${new Intl.NumberFormat("sv-SE").format(grantedSek)} kr). Kontrollera beloppen.`,
    });
  }
  return problems;
}

// Time in a case (docs/domain.md §5, time in a case): how old a case is, when a completion is due
// and when it is late, and how far off a round's target decision date is. Calendar days in
// Europe/Stockholm, on ISO dates. Pure.
import { Temporal } from "temporal-polyfill";
import { addDays, compareIso, todayInStockholm } from "./dates";

/** An officer's completion request is due this many days ahead unless they choose otherwise. */
export const COMPLETION_DAYS_DEFAULT = 14;
/** The applicant is reminded this many days before a completion is due (or at once, if later). */
export const COMPLETION_REMIND_DAYS_BEFORE = 3;
/** A due date further ahead than this is a typing error, not a plan. */
export const COMPLETION_DAYS_MAX = 180;

/** Whole calendar days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to), { largestUnit: "days" })
    .days;
}

/** A case's age: calendar days from the day it was submitted (Stockholm) to today; 0 on the day. */
export function caseAgeDays(submittedAt: Date, now: Date = new Date()): number {
  return Math.max(0, daysBetween(todayInStockholm(submittedAt), todayInStockholm(now)));
}

/** The due date a completion request starts with: two weeks from today. */
export const defaultCompletionDue = (today: string) => addDays(today, COMPLETION_DAYS_DEFAULT);

/** Why a chosen due date cannot be used, or null: it may not be in the past, nor absurdly far. */
export function completionDueProblem(due: string, today: string): "PAST" | "TOO_FAR" | null {
  if (compareIso(due, today) < 0) return "PAST";
  if (compareIso(due, addDays(today, COMPLETION_DAYS_MAX)) > 0) return "TOO_FAR";
  return null;
}

/** A completion is overdue when it is unanswered and its due date has passed (the due day itself is in time). */
export function completionOverdue(
  request: { dueDate: string | null; answered: boolean },
  today: string,
): boolean {
  return !request.answered && request.dueDate !== null && compareIso(request.dueDate, today) < 0;
}

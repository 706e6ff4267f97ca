// When a quarter's returns are due and whether one came late: the one home of the rule, used by
// the report (report.json's `late`) and the chase list alike. Pure.
import { daysBetween, londonDate } from "../words/index.js";
import type { Period } from "../types.js";
import { quarterDates } from "./period.js";

/** The last day (ISO date) a return for `period` counts as on time: the quarter's last day plus `returnsDueDays`. */
export function dueDate(period: Period, config: { financialYearStartMonth: number; options: { returnsDueDays: number } }): string {
  const end = quarterDates(period, config.financialYearStartMonth).end;
  const due = Date.parse(`${end}T00:00:00Z`) + config.options.returnsDueDays * 86_400_000;
  return new Date(due).toISOString().slice(0, 10);
}

/**
 * Late when received on a UK calendar day after the due date. `receivedAt` is a date from the
 * receipts log or a timestamp (a file's time, in any offset): a timestamp counts by its day on the
 * UK clock, the day the partnership and the report see it arrive. Not late when there is no date.
 */
export function isLate(receivedAt: string | null, due: string): boolean {
  const day = receivedAt === null ? null : londonDate(receivedAt);
  return day !== null && day > due;
}

/** Whole days after the due date it came; 0 when on time or when there is no date. */
export function daysLate(receivedAt: string | null, due: string): number {
  return isLate(receivedAt, due) ? daysBetween(due, londonDate(receivedAt!)!) : 0;
}

// When a quarter's returns are due (the configured number of days after the quarter ends), and dates in words. Pure.
import { quarterDates } from "../framework/period.js";
import type { Config } from "../framework/schema.js";
import type { Period } from "../types.js";

/** The last day (ISO date) a return for `period` counts as on time. */
export function dueDate(period: Period, config: Pick<Config, "financialYearStartMonth" | "options">): string {
  const end = quarterDates(period, config.financialYearStartMonth).end;
  const due = new Date(`${end}T00:00:00Z`);
  due.setUTCDate(due.getUTCDate() + config.options.returnsDueDays);
  return due.toISOString().slice(0, 10);
}

/** Whether a return received at `receivedAt` (ISO timestamp) came after its due date. */
export function isLate(receivedAt: string, due: string): boolean {
  return receivedAt.slice(0, 10) > due;
}

/** "2026-10-30" -> "30 October 2026". */
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2026-10-30" -> "30 October 2026" (no Intl: the same words whatever the machine's locale data). */
export function longDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

// When an indicator's figure is due: every quarter, six-monthly at the half-years (Q2 and Q4), annual
// at the year's end (Q4). The one home of this rule: validation (a missing row) and the trend engine
// (which points make a series, and "not due") both import it.
import type { QuarterName } from "../types.js";
import type { Frequency } from "./schema.js";

export type { QuarterName };

export const DUE_QUARTERS: Record<Frequency, readonly QuarterName[]> = {
  quarterly: ["Q1", "Q2", "Q3", "Q4"],
  "six-monthly": ["Q2", "Q4"],
  annual: ["Q4"],
};

/** Whether an indicator of this frequency is due in this quarter. */
export function isDue(frequency: Frequency, quarter: QuarterName): boolean {
  return DUE_QUARTERS[frequency].includes(quarter);
}

/** Points a year: 4, 2 or 1. The same period last year is this many points back. */
export function pointsPerYear(frequency: Frequency): number {
  return DUE_QUARTERS[frequency].length;
}

/** How many of the year's due periods have passed by the end of this quarter (this one included). */
export function duePeriodsTo(frequency: Frequency, quarter: QuarterName): number {
  return DUE_QUARTERS[frequency].filter((q) => q <= quarter).length;
}

/** "last quarter", "the last half-year", "last year": the previous point of a series of this frequency. */
export function previousPeriodWords(frequency: Frequency): string {
  return frequency === "annual" ? "last year" : frequency === "six-monthly" ? "last half-year" : "last quarter";
}

/** "every quarter", "every six months (Q2 and Q4)", "once a year (Q4)". */
export function frequencyWords(frequency: Frequency): string {
  return frequency === "annual" ? "once a year (Q4)" : frequency === "six-monthly" ? "every six months (Q2 and Q4)" : "every quarter";
}

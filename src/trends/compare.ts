// The comparisons shown beside every figure: last quarter, the same quarter last year (domestic abuse
// is seasonal), the change in both, and the year-to-date total where the unit adds up.
import type { Frequency, Unit } from "../framework/schema.js";
import type { Period } from "../types.js";
import { duePeriodsTo, pointsPerYear } from "../framework/frequency.js";
import { roundHalfAway } from "../words/index.js";
import { valueBack, type HistoryPoint } from "./history.js";

export interface Comparison {
  value: number | null;
  previous: number | null;
  sameQuarterLastYear: number | null;
  change: number | null;
  changePercent: number | null;
  changeOnYear: number | null;
  changeOnYearPercent: number | null;
  yearToDate: number | null;
}

/** Rounds away binary noise (45.1 - 44.9 = 0.2000000000000028) without hiding real decimals. */
export function tidy(n: number, places = 6): number {
  const f = 10 ** places;
  const r = Math.round(n * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

export function change(from: number | null, to: number | null): number | null {
  return from === null || to === null ? null : tidy(to - from);
}

/**
 * Percentage change to one decimal, rounded half away from zero on the decimal value (80 -> 57 is
 * -28.75%, computed as -28.749999999999996, and is -28.8); null from 0 (the sentence says "from 0
 * to 12") or from nothing.
 */
export function changePercent(from: number | null, to: number | null): number | null {
  if (from === null || to === null || from === 0) return null;
  return roundHalfAway(((to - from) / Math.abs(from)) * 100, 1);
}

/** Counts and amounts add up over quarters; percentages, rates and days do not. */
export function addsUp(unit: Unit): boolean {
  return unit === "count" || unit === "amount";
}

/**
 * The sum of the year's periods up to and including the last point of `history` (which must end
 * at `period`, one point per due period). Null when the unit does not add up, or when any of those
 * periods has no value: a partial total would look like a fall.
 */
export function yearToDate(history: readonly HistoryPoint[], period: Period, unit: Unit, frequency: Frequency = "quarterly"): number | null {
  if (!addsUp(unit)) return null;
  const periods = duePeriodsTo(frequency, period.quarter);
  let sum = 0;
  for (let back = 0; back < periods; back++) {
    const v = valueBack(history, back);
    if (v === null) return null;
    sum += v;
  }
  return tidy(sum);
}

/**
 * Every comparison for the last point of a series ending at `period`: the previous point is the
 * previous due period, and the same period last year is a year's points back (4, 2 or 1).
 */
export function compare(history: readonly HistoryPoint[], period: Period, unit: Unit, frequency: Frequency = "quarterly"): Comparison {
  const value = valueBack(history, 0);
  const previous = valueBack(history, 1);
  const sameQuarterLastYear = valueBack(history, pointsPerYear(frequency));
  return {
    value,
    previous,
    sameQuarterLastYear,
    change: change(previous, value),
    changePercent: changePercent(previous, value),
    changeOnYear: change(sameQuarterLastYear, value),
    changeOnYearPercent: changePercent(sameQuarterLastYear, value),
    yearToDate: yearToDate(history, period, unit, frequency),
  };
}

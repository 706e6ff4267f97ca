// A target's progress: the annual amount pro rata by quarter and year to date (300 a year is 75 a
// quarter and 150 by the end of Q2), the figure to date, and a straight-line projection of the year.
import type { Unit } from "../framework/schema.js";
import { QUARTERS } from "../framework/period.js";
import type { TargetJson } from "../report-contract/schema.js";
import type { Period } from "../types.js";
import { addsUp, tidy } from "./compare.js";
import type { Target } from "./direction.js";

/** report.json's `target`, and whether it is on track (used to judge; the status says it). */
export type TargetProgress = TargetJson & {
  /** Null when the figure to date cannot be worked out. */
  onTrack: boolean | null;
};

/**
 * For counts and amounts the year to date is compared with the target pro rata. A percentage,
 * rate or number of days does not add up over quarters, so there the target is a level that each
 * quarter's figure is held to (perQuarter = toDate = perYear), with no projection.
 */
export function targetProgress(target: Target, period: Period, unit: Unit, value: number | null, yearToDate: number | null): TargetProgress {
  const elapsed = QUARTERS.indexOf(period.quarter) + 1;
  const additive = addsUp(unit);
  const perQuarter = additive ? tidy(target.perYear / 4) : target.perYear;
  const toDate = additive ? tidy((target.perYear * elapsed) / 4) : target.perYear;
  const actualToDate = additive ? yearToDate : value;
  const projectedOutturn = additive && actualToDate !== null ? tidy((actualToDate * 4) / elapsed) : null;
  const onTrack = actualToDate === null ? null : target.comparison === "at-least" ? actualToDate >= toDate : actualToDate <= toDate;
  return { perYear: target.perYear, comparison: target.comparison, perQuarter, toDate, actualToDate, projectedOutturn, onTrack };
}

// A target's progress. An amount over the year (300 people supported) is judged pro rata on the year
// to date: 75 a quarter, 150 by the end of Q2; for an annual figure, the whole 300 on the year's
// figure. A level (75% every quarter) holds each period's figure to it. Percentages, rates and days
// do not add up, so a `perYear` on them is read as a level, as it always was.
import type { Frequency, Unit } from "../framework/schema.js";
import { duePeriodsTo, pointsPerYear } from "../framework/frequency.js";
import { meets } from "../framework/target-rule.js";
import type { TargetJson } from "../report-contract/schema.js";
import type { Period } from "../types.js";
import { addsUp, tidy } from "./compare.js";
import type { Target } from "./direction.js";

/** report.json's `target` (with its 2.1.0 fields always given), and whether it is on track (used to judge; the status says it). */
export type TargetProgress = TargetJson & {
  /** per-year: an amount over the year, pro rata; level: held every period. */
  kind: "per-year" | "level";
  /** Not met, but within the schema's amber band. */
  atRisk: boolean;
  /** This is the year's last due period: the figure to date is the year's outturn. */
  yearComplete: boolean;
  /** Null when the figure to date cannot be worked out. */
  onTrack: boolean | null;
};

export { meets };

/** The target kind for this unit: a perYear on a unit that does not add up is a level. */
export function kindOf(target: Target, unit: Unit): "per-year" | "level" {
  return target.declared === "level" || !addsUp(unit) ? "level" : "per-year";
}

/** Null when the target has no amount this year (to be confirmed). */
export function targetProgress(target: Target, period: Period, unit: Unit, value: number | null, yearToDate: number | null, frequency: Frequency = "quarterly"): TargetProgress | null {
  if (target.amount === null) return null;
  const amount = target.amount;
  const kind = kindOf(target, unit);
  const perYear = pointsPerYear(frequency);
  const elapsed = Math.max(1, duePeriodsTo(frequency, period.quarter));
  const yearComplete = elapsed === perYear;
  const perQuarter = kind === "per-year" ? tidy(amount / perYear) : amount;
  const toDate = kind === "per-year" ? tidy((amount * elapsed) / perYear) : amount;
  const actualToDate = kind === "per-year" ? yearToDate : value;
  const projectedOutturn = kind === "per-year" && actualToDate !== null ? tidy((actualToDate * perYear) / elapsed) : null;
  const onTrack = actualToDate === null ? null : meets(actualToDate, toDate, target.comparison);
  const band = target.atRisk;
  const atRisk = onTrack === false && band !== null && Math.abs(actualToDate! - toDate) <= Math.max(band.absolute, band.relative * Math.abs(toDate));
  return { kind, perYear: amount, comparison: target.comparison, perQuarter, toDate, actualToDate, projectedOutturn, onTrack, atRisk, yearComplete };
}

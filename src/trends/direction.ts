// Which way is better for one figure in one year: the measure's direction, overridden by its
// category's, then by any change of direction that has come into force by that year.
import { startYearOf } from "../framework/period.js";
import type { Direction, DirectionSpec, Target as TargetSpec, TargetComparison } from "../framework/schema.js";

/** A target as it applies in one year: its amount for that year (null: to be confirmed, or none set). */
export interface Target {
  /** What the schema declared: an amount over the year, a level, or only amounts by year. */
  declared: "per-year" | "level" | "by-year";
  amount: number | null;
  comparison: TargetComparison;
  /** The amber band, or null when the schema sets none. */
  atRisk: { relative: number; absolute: number } | null;
}

/** The target for one financial year: byYear's amount for it, else perYear or level; null when none is set (TBC). */
export function targetFor(t: TargetSpec, year: string): Target {
  const declared = t.perYear !== undefined ? "per-year" : t.level !== undefined ? "level" : "by-year";
  const amount = t.toBeConfirmed ? null : (t.byYear?.[year] ?? t.perYear ?? t.level ?? null);
  const atRisk = t.atRisk ? { relative: t.atRisk.relative ?? 0, absolute: t.atRisk.absolute ?? 0 } : null;
  return { declared, amount, comparison: t.comparison, atRisk };
}

/** Higher is better against at-least and more-than targets. */
export const wantsHigh = (c: TargetComparison) => c === "at-least" || c === "more-than";

export interface EffectiveDirection {
  wanted: Direction;
  reason: string;
  target: Target | null;
}

/** Which side of the mean is the better one: "high" when more is wanted, "low" when less, else null. */
export type Side = "high" | "low";

/**
 * Resolve the direction for (measure, category, year). A category's own direction replaces the
 * measure's entirely, including its changes; among changes, the latest whose `from` is not after
 * `year` wins, whatever order the schema lists them in.
 */
export function effectiveDirection(spec: DirectionSpec, category: string | null, year: string): EffectiveDirection {
  const body = (category !== null ? spec.categories?.[category] : undefined) ?? spec;
  let chosen: { wanted: Direction; reason: string; target?: TargetSpec | undefined } = body;
  let chosenFrom = -Infinity;
  for (const c of body.changes ?? []) {
    const from = startYearOf(c.from);
    if (from <= startYearOf(year) && from >= chosenFrom) {
      chosen = c;
      chosenFrom = from;
    }
  }
  return { wanted: chosen.wanted, reason: chosen.reason, target: chosen.target ? targetFor(chosen.target, year) : null };
}

/** The better side for reading a move or a process signal; null when nothing is better (none, baseline). */
export function betterSide(d: EffectiveDirection): Side | null {
  if (d.wanted === "up") return "high";
  if (d.wanted === "down") return "low";
  if (d.wanted === "target" && d.target) return wantsHigh(d.target.comparison) ? "high" : "low";
  return null;
}

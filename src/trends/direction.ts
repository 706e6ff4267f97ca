// Which way is better for one figure in one year: the measure's direction, overridden by its
// category's, then by any change of direction that has come into force by that year.
import { startYearOf } from "../framework/period.js";
import type { Direction, DirectionSpec } from "../framework/schema.js";

export interface Target {
  perYear: number;
  comparison: "at-least" | "at-most";
}

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
  let chosen: { wanted: Direction; reason: string; target?: Target } = body;
  let chosenFrom = -Infinity;
  for (const c of body.changes ?? []) {
    const from = startYearOf(c.from);
    if (from <= startYearOf(year) && from >= chosenFrom) {
      chosen = c;
      chosenFrom = from;
    }
  }
  return { wanted: chosen.wanted, reason: chosen.reason, target: chosen.target ?? null };
}

/** The better side for reading a move or a process signal; null when nothing is better (none, baseline). */
export function betterSide(d: EffectiveDirection): Side | null {
  if (d.wanted === "up") return "high";
  if (d.wanted === "down") return "low";
  if (d.wanted === "target" && d.target) return d.target.comparison === "at-least" ? "high" : "low";
  return null;
}

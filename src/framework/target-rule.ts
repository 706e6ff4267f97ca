// Whether a figure meets a target, by the schema's comparison. One home: the trend engine judges by it
// and the chart's text alternative says it.
import type { TargetComparison } from "./schema.js";

/** Reaching it (at-least), passing it (more-than), staying at or under it (at-most), or under it (less-than). */
export function meets(actual: number, target: number, comparison: TargetComparison): boolean {
  if (comparison === "at-least") return actual >= target;
  if (comparison === "more-than") return actual > target;
  if (comparison === "at-most") return actual <= target;
  return actual < target;
}

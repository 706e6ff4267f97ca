// The reference lines a trend chart carries, decided once for both the drawing and its text
// alternative: the mean and process limits where they were computed (provisionally or not), and
// the quarter's target where the figure has one.
import type { Result } from "../report-contract/schema.js";

export interface ReferenceLines {
  mean: number | null;
  upper: number | null;
  lower: number | null;
  /** Limits from fewer quarters than the framework asks for. */
  provisional: boolean;
  target: { value: number; comparison: "at-least" | "more-than" | "at-most" | "less-than" } | null;
}

export function referenceLines(result: Result): ReferenceLines {
  const spc = result.spc;
  const limits = spc !== null && spc.state !== "not-computed";
  const values = result.history.flatMap((p) => (p.value === null ? [] : [p.value]));
  const nonNegative = values.length > 0 && values.every((v) => v >= 0);
  // A lower limit below zero for a figure that cannot be negative says nothing, and would stretch
  // the axis; likewise an upper limit above 100%.
  const lower = limits && spc.lower !== null && !(nonNegative && spc.lower < 0) ? spc.lower : null;
  const upper = limits && spc.upper !== null && !(result.unit === "percent" && spc.upper > 100) ? spc.upper : null;
  return {
    mean: limits ? spc.mean : null,
    upper,
    lower,
    provisional: limits && spc.state === "provisional",
    target: result.target ? { value: result.target.perQuarter, comparison: result.target.comparison } : null,
  };
}

/** History indexes that belong to a special-cause pattern of concern, to mark on the chart. */
export function concernPoints(result: Result): Set<number> {
  const marked = new Set<number>();
  for (const s of result.spc?.signals ?? []) {
    if (s.reading !== "concern") continue;
    for (let i = s.from ?? s.at; i <= s.at; i++) if (result.history[i]?.value != null) marked.add(i);
  }
  return marked;
}

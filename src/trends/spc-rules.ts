// Making Data Count's four special-cause rules over one baseline's points, against its limits, and
// the one reading each point gets when several rules catch it.
//
// Rules, in Making Data Count's (and NHSRplotthedots') priority for a point: a point beyond the
// limits; a trend of seven points each higher (or lower) than the one before; two of three points
// beyond the two-sigma line, all three on the same side of the mean; a run of seven points on one
// side of the mean. A point on the mean, a tie, a gap or a [c]/[x]/[z] breaks runs, trends and
// windows: no pattern is built across, or placed on, a quarter without a value.
import type { Side } from "./direction.js";
import type { Limits } from "./spc-limits.js";

export type SpcRule = "beyond-limits" | "trend-of-seven" | "two-of-three-near-limit" | "run-of-seven";
/** Highest priority first. */
export const RULE_PRIORITY: readonly SpcRule[] = ["beyond-limits", "trend-of-seven", "two-of-three-near-limit", "run-of-seven"];
/** Run and trend length, as Making Data Count sets them. */
export const RUN = 7;

/** One pattern: the points it marks (indexes into the series), first to last. */
export interface Pattern {
  rule: SpcRule;
  side: Side;
  points: number[];
}

/** Maximal stretches [first, last] of consecutive indexes from..to for which keep(i) holds. */
function stretches(from: number, to: number, keep: (i: number) => boolean): [number, number][] {
  const out: [number, number][] = [];
  let start = -1;
  for (let i = from; i <= to + 1; i++) {
    if (i <= to && keep(i)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push([start, i - 1]);
      start = -1;
    }
  }
  return out;
}

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, k) => a + k);

/**
 * For a count, a run of seven on one side of the mean is a shift only when the run's total is beyond
 * chance against the total the baseline mean predicts: more than RUN_TOTAL_SIGMAS Poisson standard
 * deviations (the square root of that predicted total) away. Near-constant small counts (7 7 6 6 5 5)
 * otherwise make a "run" out of a difference of one. darep's own rule; see README.
 */
export const RUN_TOTAL_SIGMAS = 2;

function runIsShift(values: readonly (number | null)[], a: number, b: number, mean: number): boolean {
  let total = 0;
  for (let i = a; i <= b; i++) total += values[i]!;
  const expected = (b - a + 1) * Math.max(mean, 0);
  return Math.abs(total - expected) > RUN_TOTAL_SIGMAS * Math.sqrt(expected);
}

/** Every pattern among values[from..to] (inclusive) judged against `limits`; `count` applies the run check above. */
export function patterns(values: readonly (number | null)[], from: number, to: number, limits: Limits, count = false): Pattern[] {
  // Float sums can land a hair off a line a value sits exactly on: treat that as on it.
  const eps = 1e-9 * Math.max(1, Math.abs(limits.mean));
  const v = (i: number) => values[i] ?? null;
  const sideOf = (x: number): Side | null => (x > limits.mean + eps ? "high" : x < limits.mean - eps ? "low" : null);
  const out: Pattern[] = [];

  for (let i = from; i <= to; i++) {
    const x = v(i);
    if (x !== null && (x > limits.upper + eps || x < limits.lower - eps)) out.push({ rule: "beyond-limits", side: x > limits.upper ? "high" : "low", points: [i] });
  }
  for (const side of ["high", "low"] as const) {
    // A trend: each point strictly beyond the one before it; the point before each stretch of such
    // points is the trend's first.
    const beats = (i: number) => {
      const a = v(i - 1);
      const b = v(i);
      return i - 1 >= from && a !== null && b !== null && (side === "high" ? b > a : b < a);
    };
    for (const [a, b] of stretches(from, to, beats)) if (b - a + 2 >= RUN) out.push({ rule: "trend-of-seven", side, points: range(a - 1, b) });

    // Two of three: windows of three neighbouring points with values, all on this side of the mean,
    // at least two beyond the two-sigma line (between it and the limit, or beyond the limit).
    const near = (x: number) => (side === "high" ? x > limits.nearUpper + eps : x < limits.nearLower - eps);
    const marked = new Set<number>();
    for (let i = from + 2; i <= to; i++) {
      const w = [i - 2, i - 1, i];
      const xs = w.map(v);
      if (xs.some((x) => x === null || sideOf(x) !== side)) continue;
      const beyond = w.filter((_, k) => near(xs[k]!));
      if (beyond.length >= 2) for (const j of beyond) marked.add(j);
    }
    // Overlapping windows make one pattern; a point that only sits in a window is not marked.
    const sorted = [...marked].sort((a, b) => a - b);
    let group: number[] = [];
    for (const j of sorted) {
      if (group.length && j - group[group.length - 1]! > 2) {
        out.push({ rule: "two-of-three-near-limit", side, points: group });
        group = [];
      }
      group.push(j);
    }
    if (group.length) out.push({ rule: "two-of-three-near-limit", side, points: group });

    for (const [a, b] of stretches(from, to, (i) => v(i) !== null && sideOf(v(i)!) === side))
      if (b - a + 1 >= RUN && (!count || runIsShift(values, a, b, limits.mean))) out.push({ rule: "run-of-seven", side, points: range(a, b) });
  }
  return out;
}

export interface Mark {
  rule: SpcRule;
  side: Side;
}

/**
 * Each point's one reading: the highest-priority rule among the patterns that mark it. A point in
 * both a rising and a falling trend (the peak) takes the later trend's side, as NHSRplotthedots does.
 */
export function marks(length: number, found: readonly Pattern[]): (Mark | null)[] {
  const out: (Mark | null)[] = Array.from({ length }, () => null);
  const rank = (r: SpcRule) => RULE_PRIORITY.indexOf(r);
  for (const p of found) {
    for (const i of p.points) {
      const had = out[i];
      const later = had && had.rule === p.rule && p.rule === "trend-of-seven" && p.points[0] === i;
      if (!had || rank(p.rule) < rank(had.rule) || later) out[i] = { rule: p.rule, side: p.side };
    }
  }
  return out;
}

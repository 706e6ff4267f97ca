// Statistical process control in the manner of NHS England's "Making Data Count": an XmR chart's
// limits for one series, its special-cause signals, each read against the wanted direction, and
// the assurance a target can be given.
//
// Gaps and null figures ([c], [x], [z]) are left out of the mean and of the moving ranges, and no
// moving range joins the points either side of them (that would be a two-quarter move counted as
// one). They also break runs and trends, and a rule's three-point window must have all three on
// record: a signal is never built across, or placed on, a quarter with no value.
import type { HistoryPoint, Spc, SpcSignal as SpcSignalJson, TargetJson } from "../report-contract/schema.js";
import type { Side } from "./direction.js";
import { tidy } from "./compare.js";

export type QuarterTarget = Pick<TargetJson, "perQuarter" | "comparison">;

// The shapes are report.json's `spc` (src/report-contract/schema.ts), with what the engine always knows
// made definite: a signal's first point, and the mean moving range (used to judge, never written).
export type SpcRule = SpcSignalJson["rule"];
export type Reading = SpcSignalJson["reading"];
export type SpcSignal = SpcSignalJson & {
  /** Index into the history of the first point of the pattern. */
  from: number;
};
export type SpcAnalysis = Omit<Spc, "signals"> & {
  /** The mean moving range: the series' usual quarter-to-quarter variation. */
  movingRange: number | null;
  signals: SpcSignal[];
};

/** Fewer points than this and no limits are shown at all. */
export const PROVISIONAL_MINIMUM = 6;
/** Run and trend length, as Making Data Count sets them. */
export const RUN = 7;
const RULES: readonly SpcRule[] = ["beyond-limits", "run-of-seven", "trend-of-seven", "two-of-three-near-limit"];
/** d2 for moving ranges of two: the mean moving range / 1.128 estimates one sigma (3 sigma = 2.66 mR). */
const D2 = 1.128;

export interface SpcOptions {
  /** Points needed for limits that are no longer provisional (config.options.spcMinimumPoints). */
  minimumPoints: number;
  /** The better side, for reading signals; null for none and baseline. */
  better: Side | null;
  /** A quarter's target (pro rata, see target.ts), for assurance; null without one. */
  target: QuarterTarget | null;
}

function read(side: Side, better: Side | null): Reading {
  return better === null ? "neither" : side === better ? "improvement" : "concern";
}

/** Maximal [first, last] index stretches of consecutive non-null points for which `keep(i)` holds. */
function stretches(values: (number | null)[], keep: (i: number) => boolean): [number, number][] {
  const out: [number, number][] = [];
  let start = -1;
  for (let i = 0; i <= values.length; i++) {
    if (i < values.length && values[i] !== null && keep(i)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push([start, i - 1]);
      start = -1;
    }
  }
  return out;
}

export function analyse(history: readonly HistoryPoint[], options: SpcOptions): SpcAnalysis {
  const values = history.map((p) => p.value);
  const present = values.filter((v): v is number => v !== null);
  const ranges: number[] = [];
  for (let i = 1; i < values.length; i++) {
    const a = values[i - 1];
    const b = values[i];
    if (a != null && b != null) ranges.push(Math.abs(b - a));
  }
  const empty: SpcAnalysis = { state: "not-computed", points: present.length, mean: null, lower: null, upper: null, movingRange: null, signals: [], latest: null, assurance: null };
  if (present.length < Math.min(PROVISIONAL_MINIMUM, options.minimumPoints) || ranges.length === 0) return empty;

  const mean = present.reduce((s, v) => s + v, 0) / present.length;
  const mr = ranges.reduce((s, v) => s + v, 0) / ranges.length;
  const upper = mean + 2.66 * mr;
  const lower = mean - 2.66 * mr;
  const sigma = mr / D2;
  // Float sums can land a hair off a mean that is exactly one of the values: treat that as on it.
  const eps = 1e-9 * Math.max(1, Math.abs(mean));
  const sideOf = (v: number): Side | null => (v > mean + eps ? "high" : v < mean - eps ? "low" : null);

  const signals: SpcSignal[] = [];
  const add = (rule: SpcRule, from: number, at: number, side: Side) => signals.push({ rule, from, at, side, reading: read(side, options.better) });

  values.forEach((v, i) => {
    if (v !== null && (v > upper + eps || v < lower - eps)) add("beyond-limits", i, i, v > upper ? "high" : "low");
  });
  for (const side of ["high", "low"] as const) {
    for (const [a, b] of stretches(values, (i) => sideOf(values[i]!) === side)) if (b - a + 1 >= RUN) add("run-of-seven", a, b, side);
    // Stretches of points that beat the one before (strictly: a tie breaks the trend; a null
    // predecessor breaks it too); the point before each stretch is the trend's first point.
    const beats = (i: number) => {
      const prev = values[i - 1];
      return prev != null && (side === "high" ? values[i]! > prev : values[i]! < prev);
    };
    for (const [a, b] of stretches(values, beats)) if (b - (a - 1) + 1 >= RUN) add("trend-of-seven", a - 1, b, side);
    const near = (v: number | null | undefined) => v != null && (side === "high" ? v > mean + 2 * sigma + eps : v < mean - 2 * sigma - eps);
    for (let i = 2; i < values.length; i++) {
      const window = [i - 2, i - 1, i];
      if (window.some((j) => values[j] === null)) continue;
      const beyond = window.filter((j) => near(values[j]));
      if (beyond.length >= 2) add("two-of-three-near-limit", beyond[0]!, beyond[beyond.length - 1]!, side);
    }
  }

  const kept = signals
    .filter((s, i) => !signals.some((o, j) => j !== i && o.rule === s.rule && o.side === s.side && o.from <= s.from && o.at >= s.at && (o.from !== s.from || o.at !== s.at || j < i)))
    .sort((x, y) => y.at - x.at || RULES.indexOf(x.rule) - RULES.indexOf(y.rule));

  const last = values.length - 1;
  let latest: SpcAnalysis["latest"] = null;
  if (values[last] != null) {
    const first = kept.find((s) => s.at === last);
    latest = !first ? "common-cause" : first.reading === "improvement" ? "special-cause-improvement" : first.reading === "concern" ? "special-cause-concern" : "special-cause-neither";
  }

  return {
    state: present.length >= options.minimumPoints ? "computed" : "provisional",
    points: present.length,
    mean: tidy(mean),
    lower: tidy(lower),
    upper: tidy(upper),
    movingRange: tidy(mr),
    signals: kept,
    latest,
    assurance: options.target ? assurance(lower, upper, options.target) : null,
  };
}

/**
 * Where a quarter's target sits against the limits. Outside them, common-cause
 * variation alone will consistently pass (or fail) it; inside, it will be hit and missed at random.
 */
export function assurance(lower: number, upper: number, target: QuarterTarget): NonNullable<SpcAnalysis["assurance"]> {
  const t = target.perQuarter;
  if (target.comparison === "at-least") return lower >= t ? "consistently-passing" : upper < t ? "consistently-failing" : "hit-and-miss";
  return upper <= t ? "consistently-passing" : lower > t ? "consistently-failing" : "hit-and-miss";
}

// Statistical process control in the manner of NHS England's "Making Data Count" and its R package
// NHSRplotthedots: an XmR chart of one series cut into baselines, each baseline's limits (trial
// limits that move with each new point from 6 points, locked once it has `minimumPoints`), every
// point's special-cause reading against its own baseline's limits, the assurance a target can be
// given, and a note to the analyst when a sustained shift suggests the baseline no longer holds.
//
// A baseline starts at the series' first point and at every re-baselining quarter the schema names
// (`rebase`). Its limits come from its first `minimumPoints` points with a value; the points after
// them are judged against those locked limits and never move them. Gaps and null figures ([c], [x],
// [z]) are left out of the mean and of the moving ranges, and no moving range joins the points either
// side of them.
import type { Baseline as BaselineJson, SpcSignal as SpcSignalJson, SpcState, TargetJson } from "../report-contract/schema.js";
import { wantsHigh, type Side } from "./direction.js";
import type { HistoryPoint } from "./history.js";
import { tidy } from "./compare.js";
import { limitsOf, type Limits } from "./spc-limits.js";
import { marks, patterns, RULE_PRIORITY, type Mark } from "./spc-rules.js";

export type { SpcRule } from "./spc-rules.js";
export { RUN } from "./spc-rules.js";

export type QuarterTarget = Pick<TargetJson, "perQuarter" | "comparison">;

// The shapes that go into report.json come from its contract; the engine's own copies differ only
// where it knows more (a signal's first point is always known here) or less (a baseline's quarter
// name is added when the result is built).
export type Reading = SpcSignalJson["reading"];
export type { SpcState };
export type SpcSignal = Required<SpcSignalJson>;

/** One baseline: where it starts, the points its limits come from, and those limits. */
export type Baseline = Omit<BaselineJson, "start">;

export interface SpcAnalysis {
  /** Of the latest baseline: computed (locked), provisional (trial limits), not-computed. */
  state: SpcState;
  points: number;
  mean: number | null;
  lower: number | null;
  upper: number | null;
  /** The mean moving range: the series' usual quarter-to-quarter variation. */
  movingRange: number | null;
  /** Three sigma of the latest baseline (the limits' distance from the mean), Poisson floor included. */
  width: number | null;
  signals: SpcSignal[];
  /** Each point's reading by rule priority (null: common cause, or no limits, or no value). */
  marks: (SpcSignal | null)[];
  latest: "common-cause" | "special-cause-improvement" | "special-cause-concern" | "special-cause-neither" | null;
  assurance: "consistently-passing" | "consistently-failing" | "hit-and-miss" | null;
  baselines: Baseline[];
  /** Index of the quarter a sustained shift began, when it suggests re-baselining; else null. */
  rebaseSuggestedAt: number | null;
}

/** The pattern that completes at point `i` and gives it its reading (its highest-priority rule), if any. */
export function patternAt(spc: Pick<SpcAnalysis, "marks" | "signals">, i: number): SpcSignal | null {
  const m = spc.marks[i];
  if (!m) return null;
  return spc.signals.find((s) => s.from <= i && s.at >= i && s.rule === m.rule && s.side === m.side) ?? m;
}

/** Fewer points than this and no limits are shown at all. */
export const PROVISIONAL_MINIMUM = 6;

export interface SpcOptions {
  /** Points a baseline's limits are fixed after (config.options.spcMinimumPoints; 12 by default). */
  minimumPoints: number;
  /** The better side, for reading signals; null for none and baseline. */
  better: Side | null;
  /** A quarter's target (pro rata, see target.ts), for assurance; null without one. */
  target: QuarterTarget | null;
  /** Screen outlying moving ranges (default true; false reproduces the Making Data Count Excel tool). */
  screenOutliers?: boolean;
  /** The figure is a count: limits never narrower than the Poisson spread (default false). */
  count?: boolean;
  /** Re-baselining quarters: index into the history and the schema's reason. */
  rebases?: readonly { at: number; reason: string }[];
}

function read(side: Side, better: Side | null): Reading {
  return better === null ? "neither" : side === better ? "improvement" : "concern";
}

const round = (n: number | null) => (n === null ? null : tidy(n));

function baselineOf(values: readonly (number | null)[], from: number, to: number, reason: string | null, o: SpcOptions): { b: Baseline; limits: Limits | null } {
  const idx: number[] = [];
  for (let i = from; i <= to; i++) if (values[i] !== null && values[i] !== undefined) idx.push(i);
  const locked = idx.length >= o.minimumPoints;
  const fixedTo = idx.length === 0 ? null : locked ? idx[o.minimumPoints - 1]! : idx[idx.length - 1]!;
  const enough = idx.length >= Math.min(PROVISIONAL_MINIMUM, o.minimumPoints);
  const limits = enough && fixedTo !== null ? limitsOf(values.slice(from, fixedTo + 1), { screenOutliers: o.screenOutliers ?? true, count: o.count ?? false }) : null;
  const state: SpcState = limits === null ? "not-computed" : locked ? "computed" : "provisional";
  return {
    limits,
    b: {
      from,
      to,
      fixedTo: limits ? fixedTo : null,
      reason,
      state,
      points: idx.length,
      mean: round(limits?.mean ?? null),
      lower: round(limits?.lower ?? null),
      upper: round(limits?.upper ?? null),
      movingRange: round(limits?.movingRange ?? null),
      screened: limits?.screened ?? 0,
      poissonFloor: limits?.poissonFloor ?? false,
    },
  };
}

export function analyse(history: readonly HistoryPoint[], options: SpcOptions): SpcAnalysis {
  const values = history.map((p) => p.value);
  const last = values.length - 1;
  const starts = [...new Set([0, ...(options.rebases ?? []).map((r) => r.at).filter((at) => at > 0 && at <= last)])].sort((a, b) => a - b);
  const reasonAt = new Map((options.rebases ?? []).map((r) => [r.at, r.reason]));

  const baselines: Baseline[] = [];
  const signals: SpcSignal[] = [];
  const pointMarks: (SpcSignal | null)[] = values.map(() => null);
  let latestLimits: Limits | null = null;
  starts.forEach((from, k) => {
    const to = k + 1 < starts.length ? starts[k + 1]! - 1 : last;
    const { b, limits } = baselineOf(values, from, to, from === 0 ? null : (reasonAt.get(from) ?? null), options);
    baselines.push(b);
    if (k === starts.length - 1) latestLimits = limits;
    if (!limits) return;
    const found = patterns(values, from, to, limits, options.count ?? false);
    for (const p of found) signals.push({ rule: p.rule, from: p.points[0]!, at: p.points[p.points.length - 1]!, side: p.side, reading: read(p.side, options.better) });
    marks(values.length, found).forEach((m: Mark | null, i) => {
      if (m && i >= from && i <= to) pointMarks[i] = { rule: m.rule, from: i, at: i, side: m.side, reading: read(m.side, options.better) };
    });
  });
  signals.sort((x, y) => y.at - x.at || RULE_PRIORITY.indexOf(x.rule) - RULE_PRIORITY.indexOf(y.rule) || x.from - y.from);

  const current = baselines[baselines.length - 1]!;
  const lim = latestLimits as Limits | null;
  let latest: SpcAnalysis["latest"] = null;
  if (values[last] != null && lim) {
    const m = pointMarks[last];
    latest = !m ? "common-cause" : m.reading === "improvement" ? "special-cause-improvement" : m.reading === "concern" ? "special-cause-concern" : "special-cause-neither";
  }

  return {
    state: current.state,
    points: current.points,
    mean: current.mean,
    lower: current.lower,
    upper: current.upper,
    movingRange: current.movingRange,
    width: round(lim?.width ?? null),
    signals,
    marks: pointMarks,
    latest,
    assurance: options.target && lim ? assurance(lim.lower, lim.upper, options.target) : null,
    baselines,
    rebaseSuggestedAt: rebaseSuggestion(signals, current, last),
  };
}

/**
 * Making Data Count's advice: when a run or trend persists past a locked baseline and its cause is
 * understood, revise the limits from the start of the shift. darep only says so; the analyst decides.
 * The suggestion is the first quarter of the run or trend that completes at the latest point, when
 * that pattern reaches beyond the points the limits were fixed from.
 */
function rebaseSuggestion(signals: readonly SpcSignal[], current: Baseline, last: number): number | null {
  if (current.state !== "computed" || current.fixedTo === null) return null;
  const sustained = signals.filter((s) => s.at === last && (s.rule === "run-of-seven" || s.rule === "trend-of-seven") && s.at > current.fixedTo!);
  if (!sustained.length) return null;
  return Math.max(current.from, Math.min(...sustained.map((s) => s.from)));
}

/**
 * Where a quarter's target sits against the limits, as NHSRplotthedots reads it: beyond a limit,
 * common-cause variation alone will consistently pass (or fail) it; on or between them, it will be
 * hit and missed at random.
 */
export function assurance(lower: number, upper: number, target: QuarterTarget): NonNullable<SpcAnalysis["assurance"]> {
  const t = target.perQuarter;
  if (wantsHigh(target.comparison)) return t < lower ? "consistently-passing" : t > upper ? "consistently-failing" : "hit-and-miss";
  return t > upper ? "consistently-passing" : t < lower ? "consistently-failing" : "hit-and-miss";
}

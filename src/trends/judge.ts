// The status of one figure against the direction the partnership wants, with its reasons.
//
// Order of judgement: the return (missing, invalid), then the figure's symbol ([c] suppressed,
// [x] not available = missing, [z] not applicable = for information, never an exception), then the
// direction (none, baseline, target), then the quarter-on-quarter change against the tolerance and,
// where process limits are computed, against the figure's usual quarter-to-quarter variation (so a
// seasonal swing is not "worsening": Making Data Count's point that noise is not a signal).
// A special-cause signal on the latest point, with limits no longer provisional, then has the last
// word: a concern makes the figure worsening even inside the tolerance; an improvement makes a
// stable (or not yet comparable) figure improving, but never hides a move the wrong way.
import type { Unit } from "../framework/schema.js";
import type { GssSymbol, ReturnStatus } from "../types.js";
import type { Reason, Status } from "./report-schema.js";
import type { Comparison } from "./compare.js";
import { betterSide, type EffectiveDirection } from "./direction.js";
import type { HistoryPoint } from "./history.js";
import { PROVISIONAL_MINIMUM, type SpcAnalysis, type SpcSignal } from "./spc.js";
import { ruleName } from "./signal-words.js";
import type { TargetProgress } from "./target.js";
import { formatNumber, formatValue } from "../words/index.js";
import { wantedVerb } from "./words.js";

export interface Tolerance {
  relative: number;
  absolute: number;
}

/** Why a figure has no value to judge, for the sentence. */
export type Cause = "return-missing" | "return-invalid" | "not-in-return" | "not-available" | "not-applicable" | "suppressed";

export interface FigureToJudge {
  agencyName: string;
  returnStatus: ReturnStatus;
  /** The figure for the quarter, when one passed validation. */
  figure: { value: number | null; symbol: GssSymbol | null } | null;
  comparison: Comparison;
  direction: EffectiveDirection;
  tolerance: Tolerance;
  unit: Unit;
  history: readonly HistoryPoint[];
  spc: SpcAnalysis;
  /** Minimum points for limits that are not provisional. */
  spcMinimumPoints: number;
  target: TargetProgress | null;
  /** The validator warned that this figure moved suddenly. */
  suddenChange: boolean;
}

export interface Judgement {
  status: Status;
  reasons: Reason[];
  cause: Cause | null;
  /** The latest point's special-cause signal that decided or confirmed the status, if any. */
  signal: SpcSignal | null;
}

/**
 * The moving-range chart's upper limit (3.267 x the mean moving range): with limits computed, a
 * quarter-to-quarter move no bigger than this is within the figure's usual ups and downs.
 */
export const USUAL_MOVE_FACTOR = 3.267;

/** The biggest move the figure's own history calls usual, when its process limits are computed. */
export function usualMove(spc: SpcAnalysis): number | null {
  return spc.state === "computed" && spc.movingRange !== null && spc.movingRange > 0 ? spc.movingRange * USUAL_MOVE_FACTOR : null;
}

/** Stable when the move is within the absolute tolerance OR within the relative one (so 5 -> 6 is not "+20%"). */
export function withinTolerance(change: number, previous: number, tolerance: Tolerance): boolean {
  const size = Math.abs(change);
  return size <= tolerance.absolute || size <= tolerance.relative * Math.abs(previous);
}

function reason(code: Reason["code"], text: string): Reason {
  return { code, text };
}

function unjudgeable(f: FigureToJudge): Judgement | null {
  const from = `The return from ${f.agencyName}`;
  const no = (status: Status, code: Reason["code"], cause: Cause, text: string): Judgement => ({ status, reasons: [reason(code, text)], cause, signal: null });
  if (f.returnStatus === "missing") return no("missing", "missing", "return-missing", `${from} for this quarter is missing.`);
  if (!f.figure) {
    return f.returnStatus === "invalid"
      ? no("invalid", "invalid", "return-invalid", `${from} has errors and this figure did not pass the checks.`)
      : no("missing", "missing", "not-in-return", `${from} has no figure for this.`);
  }
  if (f.figure.symbol === "c") return no("suppressed", "suppressed", "suppressed", "Withheld ([c]) to protect people who could be identified.");
  if (f.figure.symbol === "z") return no("for-information", "no-direction", "not-applicable", "Given as not applicable ([z]): there is nothing to judge.");
  if (f.figure.value === null) return no("missing", "missing", "not-available", "Given as not available ([x]).");
  return null;
}

function provisional(f: FigureToJudge): Reason | null {
  if (f.spc.state === "provisional")
    return reason("limits-provisional", `Only ${f.spc.points} quarters have a value on record: the process limits are provisional until there are ${f.spcMinimumPoints}, so their signals are shown but not acted on.`);
  const needed = Math.min(PROVISIONAL_MINIMUM, f.spcMinimumPoints);
  if (f.spc.state === "not-computed" && f.spc.points >= needed)
    return reason("limits-provisional", "Process limits are not computed: no two quarters in a row have a value.");
  if (f.spc.state === "not-computed" && f.spc.points > 1)
    return reason("limits-provisional", `Only ${f.spc.points} quarters have a value on record: process limits are not computed until there are at least ${needed}.`);
  return null;
}

/** Why last quarter gives nothing to compare with: a withheld figure is not a gap, and says so. */
export function noPrevious(history: readonly HistoryPoint[]): string {
  const before = history[history.length - 2];
  if (before?.symbol === "c") return "Last quarter's figure was withheld ([c]), so there is nothing to compare with.";
  if (before && !before.gap && before.value === null) return `Last quarter's figure was given as ${before.symbol === "z" ? "not applicable ([z])" : "not available ([x])"}, so there is nothing to compare with.`;
  return "There is no figure for last quarter to compare with.";
}

export function judgeFigure(f: FigureToJudge): Judgement {
  const early = unjudgeable(f);
  if (early) return early;
  const reasons: Reason[] = [];
  const { comparison: c, direction: d, unit } = f;
  let status: Status;

  if (d.wanted === "none") {
    status = "for-information";
    reasons.push(reason("no-direction", "No direction is set for this figure: it is for information."));
  } else if (d.wanted === "baseline") {
    status = "baseline";
    reasons.push(reason("baseline", "A baseline is still being collected: the figure is not judged yet."));
  } else if (d.wanted === "target") {
    const t = f.target;
    if (!t || t.onTrack === null || t.actualToDate === null) {
      status = "insufficient-data";
      reasons.push(reason("no-comparison", "The year-to-date figure cannot be worked out: a quarter of this year has no figure."));
    } else {
      status = t.onTrack ? "on-track" : "off-track";
      const against = `${formatValue(t.actualToDate, unit)} against a target to date of ${formatValue(t.toDate, unit)} (${t.comparison === "at-least" ? "at least" : "at most"} ${formatValue(t.perYear, unit)} a year)`;
      reasons.push(reason(t.onTrack ? "on-track" : "off-track", `${t.onTrack ? "On track" : "Off track"}: ${against}.`));
    }
  } else if (c.previous === null || c.change === null) {
    status = "insufficient-data";
    reasons.push(reason("no-comparison", noPrevious(f.history)));
  } else if (withinTolerance(c.change, c.previous, f.tolerance)) {
    status = "stable";
    reasons.push(reason("within-tolerance", `The change of ${formatNumber(c.change, 2)} is within the tolerance: ${formatNumber(f.tolerance.absolute, 2)}, or ${formatNumber(f.tolerance.relative * 100)}% of last quarter's ${formatValue(c.previous, unit)}.`));
  } else if (usualMove(f.spc) !== null && Math.abs(c.change) <= usualMove(f.spc)!) {
    status = "stable";
    reasons.push(reason("within-usual-variation", `The change of ${formatNumber(c.change, 2)} is within this figure's usual ups and downs: over ${f.spc.points} quarters it has moved by ${formatNumber(f.spc.movingRange!, 1)} a quarter on average, and only a move of more than ${formatNumber(usualMove(f.spc)!, 1)} would stand out.`));
  } else {
    const better = betterSide(d)!;
    const good = (c.change > 0) === (better === "high");
    status = good ? "improving" : "worsening";
    const moved = `${c.change > 0 ? "Rose" : "Fell"} from ${formatValue(c.previous, unit)} to ${formatValue(c.value!, unit)}`;
    reasons.push(reason(good ? "improving" : "worsening", `${moved}; the partnership wants it to ${wantedVerb(better)}.`));
  }

  let signal: SpcSignal | null = null;
  const last = f.history.length - 1;
  const latest = f.spc.signals.find((s) => s.at === last) ?? null;
  if (latest && f.spc.state === "computed" && latest.reading !== "neither") {
    signal = latest;
    const concern = latest.reading === "concern";
    const better = betterSide(d);
    const wants = better ? `; the partnership wants it to ${wantedVerb(better)}` : "";
    reasons.push(reason(concern ? "special-cause-concern" : "special-cause-improvement", `Special cause, ${concern ? "the wrong way" : "the right way"}: ${ruleName(latest)}${wants}.`));
    if (d.wanted === "up" || d.wanted === "down") {
      if (concern && status !== "worsening") {
        reasons.push(reason("special-cause-concern", `Judged worsening because of the special-cause signal; the change on last quarter alone ${status === "insufficient-data" ? "cannot be worked out" : "would not make it so"}.`));
        status = "worsening";
      } else if (!concern && (status === "stable" || status === "insufficient-data")) {
        reasons.push(reason("special-cause-improvement", "Judged improving because of the special-cause signal."));
        status = "improving";
      } else if (!concern && status === "worsening") {
        signal = null; // the move the wrong way is what the board needs to hear
      }
    }
  }
  const note = provisional(f);
  if (note) reasons.push(note);
  if (f.suddenChange) reasons.push(reason("sudden-change", "The agency's figure moved suddenly since last quarter; the validator asked them to check it."));
  return { status, reasons, cause: null, signal };
}

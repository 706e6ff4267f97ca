// The status of one figure against the direction the partnership wants, with its reasons.
// README's "How a figure is judged" is this file's decision table; keep the two together.
//
// Order: the return (missing, invalid); the figure's symbol ([c] suppressed, [x] missing, [z] for
// information); the direction (none, baseline, target). Then, for up and down:
// - with locked process limits, the latest point's special-cause reading decides: a concern is
//   worsening, an improvement improving, common cause stable. A single unusual point (beyond the
//   limits, two of three near them) that recurs at this quarter a year ago and is not beyond chance
//   against it is the season, not a change: stable.
// - before the limits lock, a move is worsening or improving only when it is outside the tolerance,
//   beyond chance on the quarter (two-count test, or a wider tolerance), and, where the same quarter
//   last year is on record, beyond chance the same way on the year too. No bare two-point verdicts.
import { beyondChance, type ChanceReading } from "./chance.js";
import { betterSide } from "./direction.js";
import { frequencyWords, pointsPerYear, previousPeriodWords } from "../framework/frequency.js";
import type { Frequency } from "../framework/schema.js";
import type { HistoryPoint } from "./history.js";
import type { Cause, FigureToJudge, Judgement } from "./judge-types.js";
import * as say from "./judge-reasons.js";
import type { Reason, Status } from "../report-contract/schema.js";
import { patternAt, type SpcAnalysis } from "./spc.js";

export type { Cause, FigureToJudge, Judgement, Tolerance } from "./judge-types.js";

/** Stable when the move is within the absolute tolerance OR within the relative one (so 5 -> 6 is not "+20%"). */
export function withinTolerance(change: number, previous: number, tolerance: { relative: number; absolute: number }): boolean {
  const size = Math.abs(change);
  return size <= tolerance.absolute || size <= tolerance.relative * Math.abs(previous);
}

function unjudgeable(f: FigureToJudge): Judgement | null {
  const from = `The return from ${f.agencyName}`;
  const no = (status: Status, code: Reason["code"], cause: Cause | null, text: string): Judgement => ({ status, reasons: [{ code, text }], cause, signal: null, decidedBy: null });
  if (f.due === false) return no("not-due", "not-due", null, `Not due this quarter: this figure is reported ${frequencyWords(f.frequency ?? "quarterly")}.`);
  // A baseline being set up has no data yet: that is its state, not a gap in a return.
  const noData = f.returnStatus !== "missing" && (!f.figure || (f.figure.value === null && f.figure.symbol === "x"));
  if ((f.establishing || f.direction.wanted === "baseline") && noData) return no("baseline", "baseline-no-data", null, "Baseline: no data yet. The measure is being established.");
  if (f.returnStatus === "missing") return no("missing", "missing", "return-missing", `${from} for this quarter is missing.`);
  if (!f.figure) {
    return f.returnStatus === "invalid"
      ? no("invalid", "invalid", "return-invalid", `${from} has errors and this figure did not pass the checks.`)
      : no("missing", "missing", "not-in-return", `${from} has no figure for this.`);
  }
  if (f.figure.symbol === "c") return no("suppressed", "suppressed", "suppressed", "Withheld ([c]) to protect people who could be identified.");
  if (f.figure.symbol === "z") return no("for-information", "no-direction", "not-applicable", "Given as not applicable ([z]): there is nothing to judge.");
  if (f.figure.value === null && f.figure.symbol === null && f.reported === "year-to-date")
    return no("missing", "missing", "not-available", "This period's own figure cannot be worked out: the year-to-date total of the period before is not on record.");
  if (f.figure.value === null) return no("missing", "missing", "not-available", "Given as not available ([x]).");
  return null;
}

/** Why last quarter (or the period before) gives nothing to compare with: a withheld figure is not a gap, and says so. */
export function noPrevious(history: readonly HistoryPoint[], frequency: Frequency = "quarterly"): string {
  const before = history[history.length - 2];
  const last = previousPeriodWords(frequency);
  const Last = last.charAt(0).toUpperCase() + last.slice(1);
  if (before?.symbol === "c") return `${Last}'s figure was withheld ([c]), so there is nothing to compare with.`;
  if (before && !before.gap && before.value === null)
    return `${Last}'s figure was given as ${before.symbol === "z" ? "not applicable ([z])" : "not available ([x])"}, so there is nothing to compare with.`;
  return `There is no figure for ${last} to compare with.`;
}

/** The latest baseline starts at the latest quarter: last quarter belongs to an earlier baseline. */
export function newBaselineNow(spc: SpcAnalysis, history: readonly HistoryPoint[]): boolean {
  const b = spc.baselines[spc.baselines.length - 1];
  return !!b && b.from > 0 && b.from === history.length - 1;
}

/**
 * A single-point signal now that the same quarter last year also had, on the same side, with the
 * season back in between: not all three quarters between them on that side of the mean (a shift
 * that began a year ago keeps them there, and is not the season).
 */
function recursYearly(spc: SpcAnalysis, history: readonly HistoryPoint[], last: number, perYear: number): boolean {
  // An annual series has no season within its year.
  if (perYear < 2) return false;
  const now = spc.marks[last];
  const then = spc.marks[last - perYear];
  if (!now || !then || (now.rule !== "beyond-limits" && now.rule !== "two-of-three-near-limit") || then.side !== now.side || spc.mean === null) return false;
  const between = Array.from({ length: perYear - 1 }, (_, k) => last - perYear + 1 + k).map((i) => history[i]?.value ?? null);
  const onSide = (v: number | null) => v !== null && (now.side === "high" ? v > spc.mean! : v < spc.mean!);
  return !between.every(onSide);
}

function byLimits(f: FigureToJudge, better: "high" | "low", count: boolean): Judgement {
  const last = f.history.length - 1;
  const mark = f.spc.marks[last] ?? null;
  const c = f.comparison;
  if (!mark) return { status: "stable", reasons: [say.withinLimits(f)], cause: null, signal: null, decidedBy: "limits" };
  const good = mark.side === better;
  const year = c.sameQuarterLastYear !== null && c.value !== null ? beyondChance(c.sameQuarterLastYear, c.value, count, f.tolerance) : null;
  if (recursYearly(f.spc, f.history, last, pointsPerYear(f.frequency ?? "quarterly")) && year && !year.beyond)
    return { status: "stable", reasons: [say.seasonalSignal(f, mark)], cause: null, signal: null, decidedBy: "year" };
  return { status: good ? "improving" : "worsening", reasons: [say.specialCause(f, mark, better)], cause: null, signal: patternAt(f.spc, last), decidedBy: "limits" };
}

function byMoves(f: FigureToJudge, better: "high" | "low", count: boolean): Judgement {
  const c = f.comparison;
  if (c.previous === null || c.change === null || c.value === null || newBaselineNow(f.spc, f.history)) {
    const text = newBaselineNow(f.spc, f.history) ? say.newBaselineText(f) : noPrevious(f.history, f.frequency);
    return { status: "insufficient-data", reasons: [{ code: "no-comparison", text }], cause: null, signal: null, decidedBy: null };
  }
  if (withinTolerance(c.change, c.previous, f.tolerance)) return { status: "stable", reasons: [say.withinToleranceText(f)], cause: null, signal: null, decidedBy: "tolerance" };
  const quarter = beyondChance(c.previous, c.value, count, f.tolerance);
  if (!quarter.beyond) return { status: "stable", reasons: [say.withinChance(f, quarter, count)], cause: null, signal: null, decidedBy: "chance" };
  const up = c.change > 0;
  let year: ChanceReading | null = null;
  if (c.sameQuarterLastYear !== null && c.changeOnYear !== null) {
    year = beyondChance(c.sameQuarterLastYear, c.value, count, f.tolerance);
    const sameWay = c.changeOnYear !== 0 && c.changeOnYear > 0 === up;
    if (!year.beyond || !sameWay) return { status: "stable", reasons: [say.ordinaryOnYear(f, quarter, year, sameWay)], cause: null, signal: null, decidedBy: "year" };
  }
  const good = up === (better === "high");
  return { status: good ? "improving" : "worsening", reasons: [say.beyondChanceText(f, quarter, year, count, better)], cause: null, signal: null, decidedBy: year ? "quarter-and-year" : "quarter" };
}

export function judgeFigure(f: FigureToJudge): Judgement {
  const early = unjudgeable(f);
  if (early) return early;
  const d = f.direction;
  const count = f.unit === "count";
  let j: Judgement;
  if (d.wanted === "none")
    j = { status: "for-information", reasons: [{ code: "no-direction", text: "No direction is set for this figure: it is for information." }], cause: null, signal: null, decidedBy: null };
  else if (d.wanted === "baseline")
    j = { status: "baseline", reasons: [{ code: "baseline", text: "A baseline is still being collected: the figure is not judged yet." }], cause: null, signal: null, decidedBy: null };
  else if (d.wanted === "target" && !f.target && d.target?.amount === null)
    j = {
      status: "for-information",
      reasons: [{ code: "target-to-be-confirmed", text: "The target is still to be confirmed (TBC), or none is set for this year: the figure is reported, not judged." }],
      cause: null,
      signal: null,
      decidedBy: null,
    };
  else if (d.wanted === "target") j = say.byTarget(f);
  else if (f.spc.state === "computed" && f.spc.latest !== null) j = byLimits(f, betterSide(d)!, count);
  else j = byMoves(f, betterSide(d)!, count);

  // A target measure's own special cause is told, though the target decides its status.
  const mark = f.spc.marks[f.history.length - 1];
  if (d.wanted === "target" && f.spc.state === "computed" && mark && mark.reading !== "neither") j.reasons.push(say.specialCause(f, mark, betterSide(d)));
  const note = say.limitsNote(f);
  if (note) j.reasons.push(note);
  const rebase = say.rebaseNote(f);
  if (rebase) j.reasons.push(rebase);
  if (f.suddenChange) j.reasons.push({ code: "sudden-change", text: "The agency's figure moved suddenly since last quarter; the validator asked them to check it." });
  return j;
}

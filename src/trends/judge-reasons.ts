// The reasons the judgement gives, one sentence each: the rule that decided the status, then notes
// (trial limits, a new baseline, a suggestion to re-baseline). Each says the numbers it used, so an
// analyst can check it by hand.
import { periodKey } from "../framework/period.js";
import type { ChanceReading } from "./chance.js";
import { CHANCE_LEVEL, WIDER_TOLERANCE } from "./chance.js";
import type { Side } from "./direction.js";
import type { FigureToJudge, Judgement } from "./judge-types.js";
import type { Reason } from "../report-contract/schema.js";
import { patternAt, PROVISIONAL_MINIMUM, type SpcSignal } from "./spc.js";
import { ruleName } from "./signal-words.js";
import { COMPARISON_WORDS, formatNumber, formatValue } from "../words/index.js";
import { wantedVerb } from "./words.js";

const r = (code: Reason["code"], text: string): Reason => ({ code, text });
const pWords = (p: number | null) => (p === null ? "" : p < 0.001 ? " (p < 0.001)" : ` (p = ${formatNumber(p, 3)})`);
const level = `${formatNumber(CHANCE_LEVEL * 100, 1)}%`;

/** "2025-26 Q1": the quarter at an index of the history. */
export function quarterAt(f: Pick<FigureToJudge, "history">, i: number): string {
  const p = f.history[i]!;
  return periodKey({ year: p.year, quarter: p.quarter });
}

export function withinLimits(f: FigureToJudge): Reason {
  const s = f.spc;
  return r(
    "within-usual-variation",
    `Common cause: ${formatValue(f.comparison.value!, f.unit)} is inside this figure's process limits (${formatNumber(s.lower!)} to ${formatNumber(s.upper!)}, around an average of ${formatNumber(s.mean!)}) and no special-cause rule fires.`,
  );
}

export function specialCause(f: FigureToJudge, mark: SpcSignal, better: Side | null): Reason {
  const pattern = patternAt(f.spc, f.history.length - 1) ?? mark;
  const concern = better !== null && mark.side !== better;
  const wants = better ? `; the partnership wants it to ${wantedVerb(better)}` : "";
  return r(
    concern ? "special-cause-concern" : "special-cause-improvement",
    `Special cause, ${concern ? "the wrong way" : "the right way"}: ${ruleName(pattern)} of the locked limits (${formatNumber(f.spc.lower!)} to ${formatNumber(f.spc.upper!)})${wants}.`,
  );
}

export function seasonalSignal(f: FigureToJudge, mark: SpcSignal): Reason {
  const c = f.comparison;
  return r(
    "seasonal",
    `${mark.side === "high" ? "Unusually high" : "Unusually low"} against the limits, but so was the same quarter last year (${formatValue(c.sameQuarterLastYear!, f.unit)}), and the move on the year is within chance: the season, not a change.`,
  );
}

export function withinToleranceText(f: FigureToJudge): Reason {
  const c = f.comparison;
  return r(
    "within-tolerance",
    `The change of ${formatNumber(c.change!, 2)} is within the tolerance: ${formatNumber(f.tolerance.absolute, 2)}, or ${formatNumber(f.tolerance.relative * 100)}% of last quarter's ${formatValue(c.previous!, f.unit)}.`,
  );
}

function chanceRule(count: boolean, f: FigureToJudge): string {
  return count
    ? `a test of two counts against chance, ${level} each way`
    : `more than ${WIDER_TOLERANCE} times the tolerance (${formatNumber(WIDER_TOLERANCE * f.tolerance.absolute, 2)}, and ${formatNumber(WIDER_TOLERANCE * f.tolerance.relative * 100)}% of the earlier figure), as a ${f.unit === "percent" ? "percentage" : "figure"} comes without the numbers a test would need`;
}

export function withinChance(f: FigureToJudge, q: ChanceReading, count: boolean): Reason {
  const c = f.comparison;
  return r(
    "within-chance",
    `The move from ${formatValue(c.previous!, f.unit)} to ${formatValue(c.value!, f.unit)} is within what chance gives${pWords(q.p)}: a move counts only when it is beyond ${chanceRule(count, f)}.`,
  );
}

export function ordinaryOnYear(f: FigureToJudge, q: ChanceReading, y: ChanceReading, sameWay: boolean): Reason {
  const c = f.comparison;
  const yearly = sameWay ? `within what chance gives${pWords(y.p)}` : c.changeOnYear === 0 ? "no change at all" : "the other way";
  return r(
    "ordinary-on-the-year",
    `The move on the quarter (${formatValue(c.previous!, f.unit)} to ${formatValue(c.value!, f.unit)}) is beyond chance${pWords(q.p)}, but against the same quarter last year (${formatValue(c.sameQuarterLastYear!, f.unit)}) it is ${yearly}: an ordinary move for the time of year.`,
  );
}

export function beyondChanceText(f: FigureToJudge, q: ChanceReading, y: ChanceReading | null, count: boolean, better: Side): Reason {
  const c = f.comparison;
  const good = c.change! > 0 === (better === "high");
  const onYear = y ? `, and against the same quarter last year (${formatValue(c.sameQuarterLastYear!, f.unit)}) too${pWords(y.p)}` : "; there is no same quarter last year to check it against";
  return r(
    good ? "improving" : "worsening",
    `${c.change! > 0 ? "Rose" : "Fell"} from ${formatValue(c.previous!, f.unit)} to ${formatValue(c.value!, f.unit)}, beyond ${chanceRule(count, f)}${pWords(q.p)}${onYear}; the partnership wants it to ${wantedVerb(better)}.`,
  );
}

export function newBaselineText(f: FigureToJudge): string {
  const b = f.spc.baselines[f.spc.baselines.length - 1]!;
  return `A new baseline starts this quarter (${b.reason ?? "re-baselined"}): it is not compared with the quarters before it.`;
}

export function byTarget(f: FigureToJudge): Judgement {
  const t = f.target;
  const unit = f.unit;
  if (!t || t.onTrack === null || t.actualToDate === null)
    return {
      status: "insufficient-data",
      reasons: [r("no-comparison", "The year-to-date figure cannot be worked out: a period of this year has no figure.")],
      cause: null,
      signal: null,
      decidedBy: null,
    };
  const wanted = `${COMPARISON_WORDS[t.comparison]} ${formatValue(t.perYear, unit)}`;
  const of =
    t.kind === "level"
      ? `${formatValue(t.actualToDate, unit)} against a target of ${wanted}`
      : t.yearComplete
        ? `${formatValue(t.actualToDate, unit)} in the year against a target of ${wanted}`
        : `${formatValue(t.actualToDate, unit)} against a target to date of ${formatValue(t.toDate, unit)} (${wanted} a year)`;
  const status = t.onTrack ? "on-track" : t.atRisk ? "at-risk" : "off-track";
  const head = status === "on-track" ? "On track" : status === "at-risk" ? "At risk: short of the target, but within its amber band" : "Off track";
  return { status, reasons: [r(status, `${head}: ${of}.`)], cause: null, signal: null, decidedBy: "target" };
}

/** Trial limits, or none yet: said once, after the rule that decided. */
export function limitsNote(f: FigureToJudge): Reason | null {
  const s = f.spc;
  const since = s.baselines.length > 1 ? " since the latest baseline began" : " on record";
  if (s.state === "provisional")
    return r(
      "limits-provisional",
      `Only ${s.points} quarters have a value${since}: the process limits are trial limits until there are ${f.spcMinimumPoints}, so their signals are shown but not acted on.`,
    );
  const needed = Math.min(PROVISIONAL_MINIMUM, f.spcMinimumPoints);
  if (s.state === "not-computed" && s.points >= needed) return r("limits-provisional", "Process limits are not computed: no two quarters in a row have a value.");
  if (s.state === "not-computed" && s.points > 1) return r("limits-provisional", `Only ${s.points} quarters have a value${since}: process limits are not computed until there are at least ${needed}.`);
  return null;
}

/** For the analyst: a sustained shift past the locked baseline; darep never re-baselines by itself. */
export function rebaseNote(f: FigureToJudge): Reason | null {
  const at = f.spc.rebaseSuggestedAt;
  if (at === null) return null;
  const from = quarterAt(f, at);
  return r(
    "rebase-suggested",
    `For the analyst: a run or trend since ${from} has lasted past the baseline the limits were fixed on, so that baseline may no longer hold. If the cause is known (a new service, a new recording rule), re-baseline from ${from} in the measure's schema ("rebase"); darep never does it by itself.`,
  );
}

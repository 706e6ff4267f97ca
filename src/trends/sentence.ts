// One plain-English sentence per figure for a board member, e.g. "Repeat Hub referrals (PM3) rose
// for the sixth quarter running (from 98 to 131); the partnership wants them to fall."
// Built only from labels and numbers: an agency's note never goes into a sentence.
import type { Unit } from "../framework/schema.js";
import type { Status } from "../report-contract/schema.js";
import type { Comparison } from "./compare.js";
import type { Side } from "./direction.js";
import type { HistoryPoint } from "./history.js";
import { noPrevious } from "./judge.js";
import type { Cause, DecidedBy } from "./judge-types.js";
import { describeSignal } from "./signal-words.js";
import type { SpcAnalysis, SpcSignal } from "./spc.js";
import type { TargetProgress } from "./target.js";
import { changeInBrief, COMPARISON_WORDS, formatValue, targetNoun } from "../words/index.js";
import type { Frequency } from "../framework/schema.js";
import { frequencyWords, previousPeriodWords } from "../framework/frequency.js";
import { grammarOf, wantedVerb } from "./words.js";

export interface Subject {
  ref: string;
  measureLabel: string;
  categoryLabel: string | null;
  agencyName: string;
  /** Name the agency in the subject: the indicator is reported by more than one. */
  showAgency: boolean;
  unit: Unit;
}

export interface SentenceInput {
  subject: Subject;
  status: Status;
  cause: Cause | null;
  comparison: Comparison;
  better: Side | null;
  target: TargetProgress | null;
  signal: SpcSignal | null;
  decidedBy: DecidedBy | null;
  spc: SpcAnalysis;
  history: readonly HistoryPoint[];
  /** The latest point in words (reading.ts), or null. */
  reading: string | null;
  record: "high" | "low" | null;
  /** The figure carries [u]: low reliability. */
  lowReliability: boolean;
  /** Default quarterly: "last quarter" is then the previous period of this frequency. */
  frequency?: Frequency;
  /** The direction is a target still to be confirmed. */
  tbc?: boolean;
}

/** "Hub referrals by referring agency: Police (PM2)", with " from Riverside" when several agencies report it. */
export function subjectText(s: Subject): string {
  const what = s.categoryLabel ? `${s.measureLabel}: ${s.categoryLabel}` : s.measureLabel;
  return `${what} (${s.ref})${s.showAgency ? ` from ${s.agencyName}` : ""}`;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

function moved(c: Comparison, unit: Unit): string {
  const how = changeInBrief(c.change, c.changePercent, unit);
  const verb = c.change! > 0 ? "rose" : c.change! < 0 ? "fell" : "stayed";
  const span = c.change === 0 ? `at ${formatValue(c.value!, unit)}` : `from ${formatValue(c.previous!, unit)} to ${formatValue(c.value!, unit)}`;
  return `${verb} ${span}${how ? ` (${how})` : ""}`;
}

/** "up 2.4% on a year ago (1,250)", "the same as a year ago"; null without a year ago. */
export function onYear(c: Comparison, unit: Unit): string | null {
  if (c.sameQuarterLastYear === null || c.changeOnYear === null) return null;
  if (c.changeOnYear === 0) return `the same as a year ago`;
  const how = changeInBrief(c.changeOnYear, c.changeOnYearPercent, unit) || `${c.changeOnYear > 0 ? "up" : "down"} from ${formatValue(c.sameQuarterLastYear, unit)}`;
  return `${how} on a year ago (${formatValue(c.sameQuarterLastYear, unit)})`;
}

/** A stable figure's sentence, saying how far it moved and why that is still ordinary. */
function stableSentence(who: string, input: SentenceInput): string {
  const { comparison: c, subject } = input;
  const unit = subject.unit;
  const g = grammarOf(unit);
  const year = onYear(c, unit);
  const value = formatValue(c.value!, unit);
  const last = previousPeriodWords(input.frequency ?? "quarterly");
  const lastQuarter =
    c.previous === null
      ? ""
      : c.change === 0
        ? `, unchanged on ${last}`
        : `, ${changeInBrief(c.change, c.changePercent, unit) || (c.change! > 0 ? "up" : "down")} from ${formatValue(c.previous, unit)} ${last}`;
  switch (input.decidedBy) {
    case "limits":
      return `${who} ${g.was} ${value}${lastQuarter}${year ? ` and ${year}` : ""}: ${input.reading ?? "inside the usual range"}, so ordinary variation`;
    case "year":
      return `${who} ${moved(c, unit)} on the quarter, as usual for the time of year: ${year ?? "as a year ago"}`;
    case "chance":
      return `${who} ${moved(c, unit)}, ${unit === "count" ? "a move that chance alone gives for counts of this size" : "a move within the wider tolerance used until process limits are set"}${year ? `; ${year}` : ""}`;
    default:
      if (c.change === 0) return `${who} ${g.was} ${value}, unchanged on ${last}${year ? `; ${year}` : ""}`;
      return `${who} ${moved(c, unit)}, a move within the tolerance the partnership counts as no change${year ? `; ${year}` : ""}`;
  }
}

function changedSentence(who: string, input: SentenceInput, wants: string): string {
  const { comparison: c, subject, status } = input;
  const unit = subject.unit;
  const tail = status === "worsening" ? wants : ", as the partnership wants";
  if (input.signal) return `${who} ${describeSignal(input.signal, input.history, input.spc, unit)}${tail}`;
  const year = onYear(c, unit);
  return `${who} ${moved(c, unit)}${year ? `, and ${g0(unit)} ${year}` : ""}${tail}`;
}

const g0 = (unit: Unit) => (unit === "count" ? "are" : "is");

/** "exceeded its target of 6,000", "met its target of 75%", "fell short of its target of 300", "went over its limit of 10". */
export function outcomeWords(actual: number, t: TargetProgress, unit: Unit, its: string): string {
  const noun = targetNoun(t.comparison);
  const of = `${its} ${noun} of ${formatValue(t.toDate, unit)}`;
  if (t.onTrack) return actual === t.toDate ? `met ${of}` : noun === "target" ? `exceeded ${of}` : `stayed within ${of}`;
  if (actual === t.toDate) return `only reached ${of}, which it must ${t.comparison === "more-than" ? "pass" : "stay under"}`;
  return noun === "target" ? `fell short of ${of}` : `went over ${of}`;
}

function targetSentence(who: string, unit: Unit, t: TargetProgress, status: Status): string {
  const g = grammarOf(unit);
  const noun = targetNoun(t.comparison);
  const amber = status === "at-risk" ? ", within the amber band: at risk" : "";
  if (t.actualToDate === null) return `${who} cannot be compared with ${g.their} ${noun}: a period of this year has no figure.`;
  if (t.kind === "level" || t.yearComplete)
    return `${who} ${g.was} ${formatValue(t.actualToDate, unit)}${t.yearComplete && t.kind === "per-year" ? " in the year" : ""}: ${g.are === "are" ? "they" : "it"} ${outcomeWords(t.actualToDate, t, unit, g.their)}${t.comparison === "more-than" || t.comparison === "less-than" ? ` (${COMPARISON_WORDS[t.comparison]} ${formatValue(t.toDate, unit)} wanted)` : ""}${amber}.`;
  const rounded = unit === "count" || unit === "amount" ? Math.round(t.projectedOutturn!) : t.projectedOutturn!;
  return (
    `${who} ${g.stand} at ${formatValue(t.actualToDate, unit)} against a year-to-date ${noun} of ${t.comparison === "more-than" || t.comparison === "less-than" ? `${COMPARISON_WORDS[t.comparison]} ` : ""}${formatValue(t.toDate, unit)}${status === "on-track" ? ", on track" : amber}; ` +
    `at this rate the year will end at about ${formatValue(rounded, unit)} of ${formatValue(t.perYear, unit)}.`
  );
}

function missingSentence(who: string, agency: string, cause: Cause | null): string {
  switch (cause) {
    case "return-invalid":
      return `${who} cannot be judged: the return from ${agency} has errors and this figure did not pass the checks.`;
    case "not-available":
      return `${agency} gave ${who} as not available ([x]).`;
    case "not-in-return":
      return `The return from ${agency} has no figure for ${who}.`;
    default:
      return `There is no figure for ${who}: the return from ${agency} for this quarter is missing.`;
  }
}

export function sentence(input: SentenceInput): string {
  const { subject, comparison: c, status } = input;
  const unit = subject.unit;
  const who = subjectText(subject);
  const g = grammarOf(unit);
  const wants = input.better ? `; the partnership wants ${g.them} to ${wantedVerb(input.better)}` : "";
  const value = c.value === null ? "" : formatValue(c.value, unit);
  let text: string;
  switch (status) {
    case "missing":
    case "invalid":
      return missingSentence(who, subject.agencyName, input.cause);
    case "suppressed":
      return `${who} ${g.was} withheld ([c]) to protect people who could be identified.`;
    case "on-track":
    case "off-track":
    case "at-risk":
      text = input.target ? targetSentence(who, unit, input.target, status) : `${who} ${g.was} ${value}.`;
      break;
    case "worsening":
    case "improving":
      text = `${changedSentence(who, input, wants)}.`;
      break;
    case "stable":
      text = `${stableSentence(who, input)}.`;
      break;
    case "not-due":
      return `${who} ${g.are} reported ${frequencyWords(input.frequency ?? "quarterly")}, and ${g.are === "are" ? "are" : "is"} not due this quarter.`;
    case "baseline":
      if (c.value === null) return `${who}: baseline, no data yet; the measure is being established.`;
      text = `${who} ${g.was} ${value}; a baseline is still being collected, so ${g.are === "are" ? "they are" : "it is"} not judged yet.`;
      break;
    case "for-information":
      if (input.cause === "not-applicable") return `${who} ${g.are} not applicable this quarter ([z]).`;
      if (input.cause === null && input.target === null && input.status === "for-information" && c.value !== null && input.tbc) {
        text = `${who} ${g.was} ${value}; ${g.their} target is still to be confirmed, so ${g.are === "are" ? "they are" : "it is"} not judged.`;
        break;
      }
      text = `${who} ${g.was} ${value}${c.previous === null ? "" : ` (${formatValue(c.previous, unit)} ${previousPeriodWords(input.frequency ?? "quarterly")})`}; ${g.are === "are" ? "these figures are" : "this figure is"} for information.`;
      break;
    case "insufficient-data":
      if (input.target) text = targetSentence(who, unit, input.target, status);
      else text = `${who} ${g.was} ${value}; ${lowerFirst(noPrevious(input.history, input.frequency))}`;
      break;
  }
  if (input.record && c.value !== null) text += ` This quarter's ${formatValue(c.value, unit)} is the ${input.record === "high" ? "highest" : "lowest"} on record.`;
  if (input.lowReliability) text += ` ${subject.agencyName} marks this figure as of low reliability ([u]).`;
  return text;
}

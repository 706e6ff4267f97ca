// A special-cause signal told in plain words: "rose for the sixth quarter running (from 98 to 131)".
import type { Unit } from "../framework/schema.js";
import type { HistoryPoint } from "./history.js";
import type { SpcAnalysis, SpcSignal } from "./spc.js";
import { formatNumber, formatValue, ordinalWord } from "../words/index.js";
import { grammarOf } from "./words.js";

/**
 * The predicate of a sentence whose subject is the figure, e.g. "rose for the sixth quarter running
 * (from 98 to 131)". A trend of seven points holds six rises, so it says "sixth", not "seventh".
 */
export function describeSignal(signal: SpcSignal, history: readonly HistoryPoint[], spc: SpcAnalysis, unit: Unit): string {
  const g = grammarOf(unit);
  const at = history[signal.at]?.value ?? 0;
  const high = signal.side === "high";
  switch (signal.rule) {
    case "trend-of-seven": {
      const from = history[signal.from]?.value ?? 0;
      const steps = signal.at - signal.from;
      return `${high ? "rose" : "fell"} for the ${ordinalWord(steps)} quarter running (from ${formatValue(from, unit)} to ${formatValue(at, unit)})`;
    }
    case "run-of-seven":
      return `${g.have} been ${high ? "above" : "below"} ${g.their} average of ${formatNumber(spc.mean ?? 0)} for ${signal.at - signal.from + 1} quarters running (${formatValue(at, unit)} this quarter)`;
    case "beyond-limits":
      return `${g.are} at ${formatValue(at, unit)}, ${high ? "above" : "below"} ${g.their} usual range (${high ? "up to" : "down to"} ${formatNumber((high ? spc.upper : spc.lower) ?? 0)})`;
    case "two-of-three-near-limit":
      return `${g.are} unusually ${high ? "high" : "low"} for the second time in three quarters (${formatValue(at, unit)} this quarter)`;
  }
}

/** The rule's name for the reasons list, as Making Data Count calls it. */
export function ruleName(signal: SpcSignal): string {
  switch (signal.rule) {
    case "beyond-limits":
      return "a point beyond the process limits";
    case "run-of-seven":
      return `a run of ${signal.at - signal.from + 1} points ${signal.side === "high" ? "above" : "below"} the mean`;
    case "trend-of-seven":
      return `a trend of ${signal.at - signal.from + 1} points each ${signal.side === "high" ? "higher" : "lower"} than the last`;
    case "two-of-three-near-limit":
      return `two of three points beyond two sigma on the ${signal.side} side`;
  }
}

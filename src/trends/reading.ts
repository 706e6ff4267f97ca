// The latest point read in words a board member understands ("the seventh quarter in a row above
// its average of 112"), and whether it is the highest or lowest on record.
import type { Unit } from "../framework/schema.js";
import type { HistoryPoint } from "./history.js";
import { patternAt, type SpcAnalysis } from "./spc.js";
import { formatNumber, formatValue, ordinalWord } from "../words/index.js";
import { grammarOf } from "./words.js";

/** Earlier values needed before "highest on record" means anything: a year of them. */
export const RECORD_MINIMUM = 4;

/** "high" or "low" when the latest value beats every earlier one on record (ties do not count). */
export function recordOf(history: readonly HistoryPoint[]): "high" | "low" | null {
  const last = history[history.length - 1]?.value;
  if (last === null || last === undefined) return null;
  const earlier = history.slice(0, -1).flatMap((p) => (p.value === null ? [] : [p.value]));
  if (earlier.length < RECORD_MINIMUM) return null;
  if (last > Math.max(...earlier)) return "high";
  if (last < Math.min(...earlier)) return "low";
  return null;
}

/** Quarters in a row, ending at the latest, on the same side of `mean` (a gap or a point on it stops the count). */
function sameSide(history: readonly HistoryPoint[], mean: number): number {
  const last = history[history.length - 1]?.value;
  if (last == null || last === mean) return 0;
  const high = last > mean;
  let n = 0;
  for (let i = history.length - 1; i >= 0; i--) {
    const v = history[i]!.value;
    if (v === null || v === mean || v > mean !== high) break;
    n++;
  }
  return n;
}

export function latestReading(history: readonly HistoryPoint[], spc: SpcAnalysis, unit: Unit): string | null {
  const last = history.length - 1;
  const value = history[last]?.value;
  if (value == null || spc.mean === null || spc.lower === null || spc.upper === null) return null;
  const their = grammarOf(unit).their;
  const avg = `${their} average of ${formatNumber(spc.mean)}`;
  const trial = spc.state === "provisional" ? " (trial limits)" : "";
  const mark = spc.marks[last];
  const pattern = patternAt(spc, last);
  const high = mark?.side === "high";
  switch (mark?.rule) {
    case "beyond-limits":
      return `${formatValue(value, unit)} is ${high ? "above the upper" : "below the lower"} process limit of ${formatNumber(high ? spc.upper : spc.lower)}${trial}: further from ${avg} than ordinary variation goes`;
    case "trend-of-seven": {
      const steps = pattern ? pattern.at - pattern.from : 6;
      return `the ${ordinalWord(steps)} ${high ? "rise" : "fall"} in a row`;
    }
    case "two-of-three-near-limit":
      return `two of the last three quarters ${high ? "above" : "below"} ${avg} and close to the ${high ? "upper" : "lower"} limit${trial}`;
    case "run-of-seven": {
      const n = pattern ? pattern.at - pattern.from + 1 : 7;
      return `the ${ordinalWord(n)} quarter in a row ${high ? "above" : "below"} ${avg}`;
    }
    default: {
      const n = sameSide(history, spc.mean);
      const range = `inside ${their} usual range of ${formatNumber(spc.lower)} to ${formatNumber(spc.upper)}${trial}`;
      return n >= 3 ? `${range}, and the ${ordinalWord(n)} quarter in a row ${value > spc.mean ? "above" : "below"} ${avg}` : range;
    }
  }
}

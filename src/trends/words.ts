// Numbers and small phrases in plain English for the sentences and reasons: thousands separators,
// at most one decimal in percentages, "sixth", "rose"/"fell", "it"/"them".
import type { Unit } from "../framework/schema.js";

/**
 * "1,234.5": thousands separators and at most `digits` decimals, trailing zeros dropped. Written by
 * hand rather than with Intl so that the words never depend on the machine's locale data.
 */
export function formatNumber(n: number, digits = 1): string {
  const fixed = Math.abs(n).toFixed(digits);
  const [whole, frac = ""] = fixed.split(".") as [string, string?];
  const trimmed = frac.replace(/0+$/, "");
  const sign = n < 0 && Number(fixed) !== 0 ? "-" : "";
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${trimmed ? `.${trimmed}` : ""}`;
}

/** A figure as the board reads it: "1,234", "45.5%", "12.5 days". */
export function formatValue(n: number, unit: Unit): string {
  if (unit === "percent") return `${formatNumber(n, 1)}%`;
  if (unit === "days") return `${formatNumber(n, 2)} ${n === 1 ? "day" : "days"}`;
  return formatNumber(n, 2);
}

/** "up 6.8%", "down 25.2%", or for a percentage measure "up 5 percentage points"; "" when it cannot be said. */
export function formatChange(change: number | null, changePercent: number | null, unit: Unit): string {
  if (change === null || change === 0) return "";
  const way = change > 0 ? "up" : "down";
  if (unit === "percent") return `${way} ${formatNumber(Math.abs(change), 1)} percentage ${Math.abs(change) === 1 ? "point" : "points"}`;
  if (changePercent === null) return "";
  return `${way} ${formatNumber(Math.abs(changePercent), 1)}%`;
}

const ORDINALS = ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"];

/** "sixth", ... "twelfth", then "13th", "21st", "22nd". */
export function ordinalWord(n: number): string {
  const word = ORDINALS[n];
  if (word) return word;
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : n % 10 === 1 ? "st" : n % 10 === 2 ? "nd" : n % 10 === 3 ? "rd" : "th";
  return `${n}${suffix}`;
}

/** Counts are of people or events, so plural; the other units are one figure. */
export interface Grammar {
  /** "them" / "it" */
  them: string;
  /** "were" / "was" */
  was: string;
  /** "have" / "has" */
  have: string;
  /** "stand" / "stands" */
  stand: string;
  /** "are" / "is" */
  are: string;
  /** "their" / "its" */
  their: string;
}

export function grammarOf(unit: Unit): Grammar {
  return unit === "count"
    ? { them: "them", was: "were", have: "have", stand: "stand", are: "are", their: "their" }
    : { them: "it", was: "was", have: "has", stand: "stands", are: "is", their: "its" };
}

/** "rise" for up, "fall" for down: what the partnership wants. */
export function wantedVerb(better: "high" | "low"): string {
  return better === "high" ? "rise" : "fall";
}

/** "a", "a and b", "a, b and c". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

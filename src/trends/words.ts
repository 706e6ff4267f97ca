// The grammar of the trend sentences: "it"/"them" for one figure or a count of people, and the way
// the partnership wants a figure to move. Numbers, changes and lists are in words/.
import type { Unit } from "../framework/schema.js";

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
  return unit === "count" ? { them: "them", was: "were", have: "have", stand: "stand", are: "are", their: "their" } : { them: "it", was: "was", have: "has", stand: "stands", are: "is", their: "its" };
}

/** "rise" for up, "fall" for down: what the partnership wants. */
export function wantedVerb(better: "high" | "low"): string {
  return better === "high" ? "rise" : "fall";
}

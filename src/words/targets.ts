// How a target's comparison is said: "at least 6,000", "more than 75%", "at most 10", "less than 5".
export type ComparisonName = "at-least" | "more-than" | "at-most" | "less-than";

export const COMPARISON_WORDS: Record<ComparisonName, string> = {
  "at-least": "at least",
  "more-than": "more than",
  "at-most": "at most",
  "less-than": "less than",
};

/** "target" for a floor to reach, "limit" for a ceiling to stay under. */
export function targetNoun(c: ComparisonName): "target" | "limit" {
  return c === "at-least" || c === "more-than" ? "target" : "limit";
}

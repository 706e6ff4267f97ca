// How each status is shown: a word, a shape and a colour, so that no reader depends on colour
// alone (a printout in grey, colour-blind readers, screen readers all get the word and the shape).
// The colours live in templates/report.css under the class named here.
import type { Status } from "../report-contract/schema.js";

export interface StatusLook {
  word: string;
  /** A geometric character (Unicode "Geometric Shapes" and friends), hidden from screen readers. */
  shape: string;
  /** CSS class carrying the colour: one per tone, so the palette stays small and checkable. */
  css: string;
  /** What the status means, for the legend on the cover: short enough for one line of it. */
  meaning: string;
}

type Tone = "concern" | "good" | "neutral" | "unknown";

const look = (word: string, shape: string, tone: Tone, meaning: string): StatusLook => ({ word, shape, css: `status status-${tone}`, meaning });

export const STATUS_LOOKS: Record<Status, StatusLook> = {
  worsening: look("Worsening", "▲", "concern", "Moving the wrong way, beyond chance."),
  "off-track": look("Off track", "◆", "concern", "Behind the year's target so far."),
  improving: look("Improving", "●", "good", "Moving the way wanted, beyond chance."),
  "on-track": look("On track", "✓", "good", "Meeting the year's target so far."),
  stable: look("Stable", "▬", "neutral", "Within its usual ups and downs."),
  "for-information": look("For information", "○", "neutral", "Monitored; no direction is wanted."),
  baseline: look("Baseline", "□", "neutral", "A baseline is being collected: not judged yet."),
  "insufficient-data": look("Not enough data", "◇", "neutral", "Nothing earlier to compare with yet."),
  missing: look("Missing", "✕", "unknown", "No figure was received."),
  invalid: look("Has errors", "⊘", "unknown", "The figure failed the checks."),
  suppressed: look("Withheld", "■", "unknown", "Withheld to protect people who could be identified."),
};

/** Statuses in the order the legend lists them: what needs attention first. */
export const STATUS_ORDER: readonly Status[] = [
  "worsening",
  "off-track",
  "missing",
  "invalid",
  "improving",
  "on-track",
  "stable",
  "for-information",
  "baseline",
  "insufficient-data",
  "suppressed",
];

export function statusLook(status: Status): StatusLook {
  return STATUS_LOOKS[status];
}

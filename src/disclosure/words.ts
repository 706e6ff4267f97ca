// What the published report says in place of a withheld figure, or of words that quoted one: the
// sentences, reasons, issue messages and the first page's statement of the policy.
import type { DisclosurePolicy } from "../framework/disclosure.js";
import type { Reason, Result } from "../report-contract/schema.js";
import { formatValue } from "../words/index.js";

export const WHY = "to protect people who could be identified";

export const WITHHELD_TEXT = `Withheld ([c]) ${WHY}: a small number, or one that would let a small number be worked out.`;

/** "Referrals (Police)" */
export function subjectOf(r: Pick<Result, "measureLabel" | "categoryLabel">): string {
  return r.categoryLabel ? `${r.measureLabel} (${r.categoryLabel})` : r.measureLabel;
}

function figure(n: number | null, unit: Result["unit"], withheld: boolean): string {
  if (withheld) return "withheld";
  return n === null ? "no figure" : formatValue(n, unit);
}

/** The sentence of a result whose own words would quote a figure no longer shown as it was. */
export function plainSentence(r: Result, withheld: { value: boolean; previous: boolean; lastYear: boolean }, rounded: boolean): string {
  const what = subjectOf(r);
  if (withheld.value) return `${what}: withheld ([c]) ${WHY}.`;
  const parts = [
    `${figure(r.value, r.unit, false)} this quarter`,
    `last quarter ${figure(r.previous, r.unit, withheld.previous)}`,
    `a year ago ${figure(r.sameQuarterLastYear, r.unit, withheld.lastYear)}`,
  ];
  return `${what}: ${parts.join("; ")}${rounded ? " (counts rounded)" : ""}.`;
}

/** Reason texts that may quote figures, said without them. */
const PLAIN_REASON: Record<Reason["code"], string> = {
  worsening: "Moved against the wanted direction, beyond chance on the quarter and on the year.",
  improving: "Moved the wanted way, beyond chance on the quarter and on the year.",
  "within-tolerance": "The change on last quarter is within the tolerance.",
  "within-usual-variation": "Common cause: inside this figure's process limits.",
  "off-track": "Behind the target to date.",
  "on-track": "On track for the target to date.",
  "special-cause-concern": "A special-cause signal against the wanted direction.",
  "special-cause-improvement": "A special-cause signal in the wanted direction.",
  missing: "No figure.",
  invalid: "The figure did not pass the checks.",
  suppressed: WITHHELD_TEXT,
  "no-comparison": "There is nothing to compare with.",
  baseline: "A baseline is still being collected: the figure is not judged yet.",
  "no-direction": "No direction is set for this figure: it is for information.",
  "sudden-change": "The agency's figure moved suddenly since last quarter; the validator asked them to check it.",
  "limits-provisional": "Process limits are trial limits or not computed yet.",
  "within-chance": "The move on last quarter is within what chance gives.",
  "ordinary-on-the-year": "The move on last quarter is ordinary against the same quarter last year.",
  seasonal: "Unusual against the limits, but so was the same quarter last year: the season, not a change.",
  "at-risk": "Short of the target to date, but within its amber band.",
  "not-due": "Not due this quarter.",
  "target-to-be-confirmed": "The target is still to be confirmed: the figure is reported, not judged.",
  "baseline-no-data": "Baseline: no data yet. The measure is being established.",
  "rebase-suggested": "For the analyst: a sustained shift suggests the baseline the limits were fixed on may no longer hold.",
};

export function plainReason(r: Reason): Reason {
  return /\d/.test(r.text) ? { code: r.code, text: PLAIN_REASON[r.code] } : r;
}

export const NO_COMPARISON_TEXT = `The figure it is compared with is withheld ${WHY}, so it is not judged here.`;

/** The first page's sentence on the policy in force. */
export function statement(policy: DisclosurePolicy, withheld: number): string {
  if (policy.applyTo === "none") return `Small numbers are not protected in this report: ${policy.reason ?? "no reason was given"}. Do not send it beyond those entitled to see every figure.`;
  const what = policy.applyTo === "all" ? "Counts" : "Counts in a breakdown (by age, area, referral source and the like)";
  const round = policy.roundTo !== null ? ` Other counts are rounded to the nearest ${policy.roundTo}, and changes and percentages are worked out from the rounded figures.` : "";
  const n = withheld === 1 ? "1 figure of this quarter is" : `${withheld} figures of this quarter are`;
  return `${what} from 1 to ${policy.minimum - 1} are withheld, shown as [c], in every quarter, with as many others as it takes that none can be worked out from the total and the rest; ${n} withheld.${round} A withheld figure's change, trend and status are withheld with it.`;
}

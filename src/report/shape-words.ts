// The words the report adds for a figure's shape: how often it is due, a total given year to date,
// the figures set beside it (comparators, a rate per population) and Making Data Count's assurance
// against a target (a word and a symbol, with the symbol hidden from screen readers).
import { frequencyWords, pointsPerYear } from "../framework/frequency.js";
import type { Result } from "../report-contract/schema.js";
import { formatFigure, formatNumber } from "../words/index.js";

const frequencyOf = (r: Pick<Result, "frequency">) => r.frequency ?? "quarterly";

/** How many history points back the same period last year is: 4, 2 or 1. */
export const yearBack = (r: Pick<Result, "frequency">) => pointsPerYear(frequencyOf(r));

/** " (annual)", " (six-monthly)", " (year to date)" after a row's label; "" for a quarterly figure. */
export function shapeSuffix(r: Pick<Result, "frequency" | "reported">): string {
  const parts = [frequencyOf(r) === "quarterly" ? "" : frequencyOf(r), r.reported === "year-to-date" ? "given year to date" : ""].filter(Boolean);
  return parts.length ? ` (${parts.join(", ")})` : "";
}

/** The labels of the card's three figures: "This quarter", "Last quarter", "Same quarter last year", or the year's for an annual figure. */
export function periodLabels(r: Pick<Result, "frequency">): [string, string, string] {
  const f = frequencyOf(r);
  if (f === "annual") return ["This year", "Last year", "Last year"];
  if (f === "six-monthly") return ["This half-year", "Last half-year", "Same half-year last year"];
  return ["This quarter", "Last quarter", "Same quarter last year"];
}

/** "Reported every six months (Q2 and Q4)." for a figure that is not quarterly; null otherwise. */
export function frequencyNote(r: Pick<Result, "frequency">): string | null {
  const f = frequencyOf(r);
  return f === "quarterly" ? null : `Reported ${frequencyWords(f)}.`;
}

const ASSURANCE: Record<NonNullable<NonNullable<Result["spc"]>["assurance"]>, { word: string; shape: string }> = {
  "consistently-passing": { word: "Consistently passing the target", shape: "✓" },
  "consistently-failing": { word: "Consistently failing the target", shape: "✕" },
  "hit-and-miss": { word: "Hit and miss against the target", shape: "◐" },
};

/** Making Data Count's assurance, when the limits give one: a word, and a symbol beside it. */
export function assuranceWords(r: Pick<Result, "spc">): { word: string; shape: string; meaning: string } | null {
  const a = r.spc?.assurance;
  if (!a) return null;
  const meaning =
    a === "hit-and-miss"
      ? "The target lies inside the process limits: ordinary variation will sometimes meet it and sometimes not."
      : `The target lies outside the process limits: without a change to the process, the figure will ${a === "consistently-passing" ? "go on meeting" : "go on missing"} it.`;
  return { ...ASSURANCE[a], meaning };
}

/** "31% (England and Wales Marac repeat rate; SafeLives Marac national dataset, 12 months to 30 September 2024)". */
export function comparatorFacts(r: Pick<Result, "comparators">): { label: string; value: string }[] {
  return (r.comparators ?? []).map((c) => ({ label: c.label, value: `${formatFigure(c.value, c.unit)} (${c.source}, ${c.period})` }));
}

/** "20.5 per 10,000 adult women (40.5 in the year to date)"; null without a population. */
export function perPopulationWords(r: Pick<Result, "perPopulation">): string | null {
  const p = r.perPopulation;
  if (!p || p.value === null) return null;
  const ytd = p.yearToDate === null || p.yearToDate === p.value ? "" : ` (${formatNumber(p.yearToDate, 1)} in the year to date)`;
  return `${formatNumber(p.value, 1)} per ${formatNumber(p.per)} ${p.of}${ytd}`;
}

// One result as published: every figure a reader sees is worked out again from its protected
// history (src/disclosure/histories.ts), so a withheld quarter takes its change, year to date,
// chart point and process limits with it; the judgement made on the true figures is kept only where
// it gives nothing withheld away.
import { duePeriodsTo, pointsPerYear } from "../framework/frequency.js";
import type { Result } from "../report-contract/schema.js";
import { compare, tidy } from "../trends/compare.js";
import { perPopulation as perPopulationOf } from "../trends/population.js";
import type { Period } from "../types.js";
import { NO_COMPARISON_TEXT, plainReason, plainSentence, WITHHELD_TEXT } from "./words.js";

type Point = Result["history"][number];

/**
 * How disclosure treats each field of a result: "kept" says nothing about a figure; "figures" is
 * worked out again here. A test fails when the report contract (report-contract/schema.ts) gains a field not listed, so that a new
 * field is never published unprotected by accident.
 */
export const RESULT_FIELDS = {
  key: "kept",
  indicator: "kept",
  indicatorTitle: "kept",
  theme: "kept",
  measure: "kept",
  measureLabel: "kept",
  category: "kept",
  categoryLabel: "kept",
  unit: "kept",
  agency: "kept",
  agencyName: "kept",
  direction: "kept",
  directionReason: "kept",
  note: "kept",
  commentary: "kept",
  actions: "kept",
  value: "figures",
  symbol: "figures",
  previous: "figures",
  sameQuarterLastYear: "figures",
  change: "figures",
  changePercent: "figures",
  changeOnYear: "figures",
  changeOnYearPercent: "figures",
  yearToDate: "figures",
  target: "figures",
  status: "figures",
  exception: "figures",
  rank: "figures",
  severity: "figures",
  reasons: "figures",
  sentence: "figures",
  spc: "figures",
  history: "figures",
  tier: "figures",
  decidedBy: "figures",
  reading: "figures",
  record: "figures",
  frequency: "kept",
  reported: "kept",
  baselineEstablishing: "kept",
  comparators: "kept",
  perPopulation: "figures",
} as const satisfies Record<keyof Result, "kept" | "figures">;

const COMPARED = new Set<Result["status"]>(["improving", "worsening", "stable"]);
const TARGETED = new Set<Result["status"]>(["on-track", "at-risk", "off-track"]);

const hiddenAt = (was: readonly Point[], now: readonly Point[], back: number) => {
  const a = was[was.length - 1 - back];
  const b = now[now.length - 1 - back];
  return !!a && !!b && b.symbol === "c" && a.symbol !== "c";
};

export function protectResult(r: Result, history: Point[], period: Period): Result {
  // Untouched by disclosure control: the judge's own figures and words stand.
  if (history === r.history || history.every((p, i) => p === r.history[i])) return r;
  const hidden = history.some((p, i) => p.symbol === "c" && r.history[i]?.symbol !== "c");
  const rounded = history.some((p, i) => p.value !== null && p.value !== r.history[i]?.value);
  const frequency = r.frequency ?? "quarterly";
  const c = compare(history, period, r.unit, frequency);
  // A year-to-date figure's own total stands only while no period of the year is withheld.
  if (r.reported === "year-to-date" && c.yearToDate !== null) c.yearToDate = r.yearToDate;
  const quarters = duePeriodsTo(frequency, period.quarter);
  const per = pointsPerYear(frequency);
  const target = r.target && {
    ...r.target,
    actualToDate: r.target.kind === "level" ? c.value : c.yearToDate,
    projectedOutturn: r.target.kind === "level" || c.yearToDate === null ? null : tidy((c.yearToDate * per) / quarters, 1),
  };
  const perPopulation = r.perPopulation && perPopulationOf(r.perPopulation, c.value, c.yearToDate);
  // The latest point's reading and a record quote the figure's limits and history: gone with them.
  const shown: Result = {
    ...r,
    ...c,
    symbol: history[history.length - 1]?.symbol ?? null,
    target,
    perPopulation,
    history,
    spc: hidden ? null : r.spc,
    severity: hidden || rounded ? 0 : r.severity,
    reading: hidden ? null : (r.reading ?? null),
    record: hidden || rounded ? null : (r.record ?? null),
  };
  const withheld = { value: hiddenAt(r.history, history, 0) || shown.symbol === "c", previous: hiddenAt(r.history, history, 1), lastYear: hiddenAt(r.history, history, 4) };

  if (withheld.value) {
    return {
      ...shown,
      status: "suppressed",
      exception: false,
      rank: null,
      tier: null,
      decidedBy: null,
      severity: 0,
      reasons: [{ code: "suppressed", text: WITHHELD_TEXT }],
      sentence: plainSentence(shown, withheld, false),
      spc: null,
    };
  }
  // A status read against a withheld figure would tell which side of it this one lies.
  const lostComparison = (COMPARED.has(r.status) && withheld.previous) || (TARGETED.has(r.status) && r.yearToDate !== null && c.yearToDate === null);
  if (lostComparison) {
    const keep = r.reasons.filter((x) => x.code === "sudden-change");
    return {
      ...shown,
      status: "insufficient-data",
      exception: false,
      rank: null,
      tier: null,
      decidedBy: null,
      severity: 0,
      reasons: [{ code: "no-comparison", text: NO_COMPARISON_TEXT }, ...keep.map(plainReason)],
      sentence: plainSentence(shown, withheld, rounded),
    };
  }
  const same = c.value === r.value && c.previous === r.previous && c.sameQuarterLastYear === r.sameQuarterLastYear && c.yearToDate === r.yearToDate;
  if (same && !hidden) return shown;
  // The judge's sentence may quote the limits and the average (worked out from every quarter, withheld
  // ones included: twelve times the average less the figures shown gives the withheld ones away) or
  // the record; with any quarter withheld or rounded, the sentence is said again from what is shown.
  return { ...shown, reasons: shown.reasons.map(plainReason), sentence: plainSentence(shown, withheld, rounded) };
}

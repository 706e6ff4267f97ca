// One judged figure: an indicator's measure, for the total or one category, from one agency, in the
// quarter being reported. Gathers its history, comparisons, direction, target, process limits,
// status, exception score and sentence.
import type { Agency, Config, Indicator, Measure } from "../framework/schema.js";
import type { Period, ValidatedReturn } from "../types.js";
import { compare } from "./compare.js";
import { betterSide, effectiveDirection } from "./direction.js";
import { isException, severity, tierOf } from "./exceptions.js";
import { latestReading, recordOf } from "./reading.js";
import { rebasesOf, spcJson } from "./spc-json.js";
import { figureAt, seriesKey, seriesOf, type FigureIndex } from "./history.js";
import { judgeFigure, type Cause } from "./judge.js";
import type { Result } from "../report-contract/schema.js";
import { sentence } from "./sentence.js";
import { analyse } from "./spc.js";
import { targetProgress } from "./target.js";
import { DUE_QUARTERS, isDue } from "../framework/frequency.js";
import { fromYearToDate, ownPoints } from "./series-shape.js";
import { perPopulation } from "./population.js";
import type { Comparison } from "./compare.js";

/** A quarter a six-monthly or annual figure is not due: nothing of this quarter to compare. */
const NOT_DUE: Comparison = { value: null, previous: null, sameQuarterLastYear: null, change: null, changePercent: null, changeOnYear: null, changeOnYearPercent: null, yearToDate: null };

export interface ResultContext {
  config: Config;
  period: Period;
  index: FigureIndex;
  /** Commentary sections by upper-case reference. */
  commentary: Map<string, string>;
  /** The period's return of each agency, by agency id. */
  returns: Map<string, ValidatedReturn>;
  /** How many agencies report each indicator (upper-case reference). */
  reporters: Map<string, number>;
}

export interface Built {
  result: Result;
  cause: Cause | null;
}

function suddenChange(ret: ValidatedReturn, ref: string, measure: string, category: string | null): boolean {
  return ret.issues.some((i) => i.code === "sudden-change" && i.indicator?.toUpperCase() === ref && (i.measure === undefined || i.measure === measure) && (i.category ?? null) === category);
}

export function buildResult(ctx: ResultContext, indicator: Indicator, measure: Measure, category: { id: string; label: string } | null, agency: Agency): Built {
  const { config, period } = ctx;
  const ref = indicator.ref.toUpperCase();
  const key = seriesKey({ indicator: ref, measure: measure.id, category: category?.id ?? null, agency: agency.id });
  const ret = ctx.returns.get(agency.id)!;
  const frequency = indicator.frequency;
  const due = isDue(frequency, period.quarter);
  const ytd = measure.reported === "year-to-date";
  const given = ret.status === "missing" ? undefined : figureAt(ctx.index, key, period);
  const figure = due ? given : undefined;
  const raw = ownPoints(seriesOf(ctx.index, key, period), frequency);
  const history = ytd ? fromYearToDate(raw, DUE_QUARTERS[frequency][0]!) : raw;
  const comparison = due ? compare(history, period, measure.unit, frequency) : NOT_DUE;
  // A year-to-date figure's year to date is the agency's own, as given.
  if (ytd && due) comparison.yearToDate = given?.value ?? null;
  const establishing = measure.baseline === "establishing";
  const stated = effectiveDirection(measure.direction, category?.id ?? null, period.year);
  const direction = establishing ? { ...stated, wanted: "baseline" as const, target: null } : stated;
  const better = betterSide(direction);
  const tolerance = {
    relative: measure.tolerance?.relative ?? config.options.tolerance.relative,
    absolute: measure.tolerance?.absolute ?? config.options.tolerance.absolute,
  };
  const target = direction.wanted === "target" && direction.target ? targetProgress(direction.target, period, measure.unit, comparison.value, comparison.yearToDate, frequency) : null;
  const spc = analyse(history, {
    minimumPoints: config.options.spcMinimumPoints,
    better,
    target: target ? { perQuarter: target.perQuarter, comparison: target.comparison } : null,
    screenOutliers: config.options.screenOutliers ?? true,
    count: measure.unit === "count",
    rebases: rebasesOf(measure, history),
  });
  const judged = judgeFigure({
    agencyName: agency.name,
    returnStatus: ret.status,
    due,
    frequency,
    establishing,
    reported: measure.reported ?? "period",
    figure: figure ? { value: comparison.value, symbol: figure.symbol } : null,
    comparison,
    direction,
    tolerance,
    unit: measure.unit,
    history,
    spc,
    spcMinimumPoints: config.options.spcMinimumPoints,
    target,
    suddenChange: suddenChange(ret, ref, measure.id, category?.id ?? null),
  });
  const assessed = { status: judged.status, tracked: measure.tracked, category: category?.id ?? null, spc, comparison, better, tolerance, target, unit: measure.unit, signal: judged.signal };
  const reading = latestReading(history, spc, measure.unit);
  const rec = recordOf(history);
  const text = sentence({
    subject: {
      ref: indicator.ref,
      measureLabel: measure.label,
      categoryLabel: category?.label ?? null,
      agencyName: agency.name,
      showAgency: (ctx.reporters.get(ref) ?? 0) > 1,
      unit: measure.unit,
    },
    status: judged.status,
    cause: judged.cause,
    comparison,
    better,
    target,
    signal: judged.signal,
    decidedBy: judged.decidedBy,
    spc,
    history,
    reading,
    record: rec,
    lowReliability: figure?.symbol === "u",
    frequency,
    tbc: direction.wanted === "target" && direction.target?.amount === null,
  });
  const result: Result = {
    key,
    indicator: indicator.ref,
    indicatorTitle: indicator.title,
    theme: indicator.theme,
    measure: measure.id,
    measureLabel: measure.label,
    category: category?.id ?? null,
    categoryLabel: category?.label ?? null,
    unit: measure.unit,
    agency: agency.id,
    agencyName: agency.name,
    ...comparison,
    symbol: due ? (figure?.symbol ?? null) : null,
    direction: direction.wanted,
    directionReason: direction.reason,
    target: target
      ? {
          perYear: target.perYear,
          comparison: target.comparison,
          kind: target.kind,
          perQuarter: target.perQuarter,
          toDate: target.toDate,
          actualToDate: target.actualToDate,
          projectedOutturn: target.projectedOutturn,
          atRisk: target.atRisk,
          yearComplete: target.yearComplete,
        }
      : null,
    status: judged.status,
    exception: isException(assessed),
    rank: null,
    severity: severity(assessed),
    tier: tierOf(assessed),
    decidedBy: judged.decidedBy,
    reading,
    record: rec,
    reasons: judged.reasons,
    sentence: text,
    spc: spcJson(spc, history),
    history,
    note: given?.note ?? null,
    commentary: ctx.commentary.get(ref) ?? null,
    frequency,
    reported: measure.reported ?? "period",
    ...(establishing ? { baselineEstablishing: true } : {}),
    comparators: (measure.comparators ?? []).map((c) => ({ value: c.value, label: c.label, source: c.source, period: c.period, unit: c.unit ?? measure.unit })),
    perPopulation: measure.population ? perPopulation(measure.population, comparison.value, comparison.yearToDate) : null,
  };
  return { result, cause: judged.cause };
}

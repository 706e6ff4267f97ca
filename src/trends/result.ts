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
  return ret.issues.some(
    (i) =>
      i.code === "sudden-change" &&
      i.indicator?.toUpperCase() === ref &&
      (i.measure === undefined || i.measure === measure) &&
      (i.category ?? null) === category,
  );
}

export function buildResult(ctx: ResultContext, indicator: Indicator, measure: Measure, category: { id: string; label: string } | null, agency: Agency): Built {
  const { config, period } = ctx;
  const ref = indicator.ref.toUpperCase();
  const key = seriesKey({ indicator: ref, measure: measure.id, category: category?.id ?? null, agency: agency.id });
  const ret = ctx.returns.get(agency.id)!;
  const figure = ret.status === "missing" ? undefined : figureAt(ctx.index, key, period);
  const history = seriesOf(ctx.index, key, period);
  const comparison = compare(history, period, measure.unit);
  const direction = effectiveDirection(measure.direction, category?.id ?? null, period.year);
  const better = betterSide(direction);
  const tolerance = {
    relative: measure.tolerance?.relative ?? config.options.tolerance.relative,
    absolute: measure.tolerance?.absolute ?? config.options.tolerance.absolute,
  };
  const target = direction.wanted === "target" && direction.target ? targetProgress(direction.target, period, measure.unit, comparison.value, comparison.yearToDate) : null;
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
    figure: figure ? { value: figure.value, symbol: figure.symbol } : null,
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
    symbol: figure?.symbol ?? null,
    direction: direction.wanted,
    directionReason: direction.reason,
    target: target ? { perYear: target.perYear, comparison: target.comparison, perQuarter: target.perQuarter, toDate: target.toDate, actualToDate: target.actualToDate, projectedOutturn: target.projectedOutturn } : null,
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
    note: figure?.note ?? null,
    commentary: ctx.commentary.get(ref) ?? null,
  };
  return { result, cause: judged.cause };
}

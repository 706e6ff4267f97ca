// Every figure on record, indexed by series (indicator/measure/category/agency), and one series laid
// out quarter by quarter with its gaps made explicit: a quarter without a figure is a gap, never a zero.
import { fromOrdinal, ordinal } from "../framework/period.js";
import type { HistoryPoint } from "../report-contract/schema.js";
import type { Figure, Period, ValidatedReturn } from "../types.js";

export interface SeriesId {
  indicator: string;
  measure: string;
  /** Category id, or null for the total. */
  category: string | null;
  agency: string;
}

/** One quarter of a series, as report.json's history shows it (a gap is never a zero). */
export type { HistoryPoint };

/** "PM2/referrals/police/doncaster-council"; the total's category is written "total". */
export function seriesKey(id: SeriesId): string {
  return `${id.indicator.toUpperCase()}/${id.measure}/${id.category ?? "total"}/${id.agency}`;
}

/** Figures by series key, then by quarter ordinal. */
export type FigureIndex = Map<string, Map<number, Figure>>;

/**
 * Index every figure that passed validation, from returns of any status, for quarters up to `upTo`.
 * Later quarters are left out so that a report for an old quarter reads as it would have then.
 */
export function indexFigures(returns: readonly ValidatedReturn[], upTo: Period): FigureIndex {
  const index: FigureIndex = new Map();
  const last = ordinal(upTo);
  for (const ret of returns) {
    const at = ordinal(ret.period);
    if (at > last || ret.status === "missing") continue;
    for (const f of ret.figures) {
      const key = seriesKey({ indicator: f.indicator, measure: f.measure, category: f.category, agency: ret.agency });
      let byQuarter = index.get(key);
      if (!byQuarter) index.set(key, (byQuarter = new Map()));
      // The first figure wins: validation already reports a figure given twice.
      if (!byQuarter.has(at)) byQuarter.set(at, f);
    }
  }
  return index;
}

/** The figure of one series in one quarter, if any. */
export function figureAt(index: FigureIndex, key: string, period: Period): Figure | undefined {
  return index.get(key)?.get(ordinal(period));
}

/** Every quarter from the earliest on record for the series to `to`, gaps included. */
export function seriesOf(index: FigureIndex, key: string, to: Period): HistoryPoint[] {
  const byQuarter = index.get(key);
  const last = ordinal(to);
  let first = last;
  for (const at of byQuarter?.keys() ?? []) if (at < first) first = at;
  const points: HistoryPoint[] = [];
  for (let at = first; at <= last; at++) {
    const p = fromOrdinal(at);
    const f = byQuarter?.get(at);
    points.push({ year: p.year, quarter: p.quarter, value: f ? f.value : null, symbol: f ? f.symbol : null, gap: f === undefined });
  }
  return points;
}

/** The value of the point `back` quarters before the last one, or null (gap, symbol or before the record). */
export function valueBack(history: readonly HistoryPoint[], back: number): number | null {
  return history[history.length - 1 - back]?.value ?? null;
}

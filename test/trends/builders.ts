// Small builders for the trend engine's tests: measures, indicators, a framework, a config, figures,
// returns and history series, each from a few fields with the rest defaulted.
import { fromOrdinal, ordinal } from "../../src/framework/period.js";
import type { Agency, Config, DirectionSpec, Indicator, Measure } from "../../src/framework/schema.js";
import type { Framework } from "../../src/framework/types.js";
import type { HistoryPoint } from "../../src/trends/history.js";
import type { Figure, GssSymbol, Period, QuarterName, ValidatedReturn } from "../../src/types.js";

export const p = (year: string, quarter: QuarterName): Period => ({ year, quarter });

export const OPTIONS: Config["options"] = { spcMinimumPoints: 12, screenOutliers: true, tolerance: { relative: 0.05, absolute: 2 }, returnsDueDays: 30, suddenChangeFactor: 3 };

export function direction(wanted: DirectionSpec["wanted"], extra: Partial<DirectionSpec> = {}): DirectionSpec {
  return { wanted, reason: `wanted ${wanted}`, ...extra };
}

export function measure(id: string, extra: Partial<Measure> = {}): Measure {
  return { id, label: `Label of ${id}`, unit: "count", direction: direction("down"), tracked: true, ...extra };
}

export function indicator(ref: string, measures: Measure[], extra: Partial<Indicator> = {}): Indicator {
  return { ref, title: `Title of ${ref}`, owner: "Owner", actionRefs: [], tellsUs: "Something", comment: "", theme: "Theme A", frequency: "quarterly", measures, ...extra };
}

export function framework(indicators: Indicator[], name = "Test framework"): Framework {
  return {
    name: "test",
    dir: "/nowhere",
    info: { name, themes: [...new Set(indicators.map((i) => i.theme))] },
    indicators,
    byRef: new Map(indicators.map((i) => [i.ref.toUpperCase(), i])),
  };
}

export function agency(id: string, indicators: string[], name = id.replace(/-/g, " ").replace(/\b\w/g, (c) => c.toUpperCase())): Agency {
  return { id, name, indicators };
}

export function config(agencies: Agency[], options: Partial<Config["options"]> = {}): Config {
  return { partnership: "Test Partnership", board: "Test Board", financialYearStartMonth: 4, framework: "test", agencies, options: { ...OPTIONS, ...options } };
}

/** A figure; `value` may be a number, or a symbol: "c", "x", "z", or ["u", 12]. */
export function figure(agencyId: string, period: Period, indicatorRef: string, measureId: string, value: number | GssSymbol | ["u", number], category: string | null = null, note?: string): Figure {
  const [v, symbol]: [number | null, GssSymbol | null] = typeof value === "number" ? [value, null] : Array.isArray(value) ? [value[1], "u"] : [null, value];
  return {
    agency: agencyId,
    year: period.year,
    quarter: period.quarter,
    indicator: indicatorRef,
    measure: measureId,
    category,
    value: v,
    symbol,
    ...(note === undefined ? {} : { note }),
    source: { file: `returns/${period.year}/${period.quarter}/${agencyId}.csv`, row: 2 },
  };
}

export function ret(agencyId: string, period: Period, figures: Figure[], extra: Partial<ValidatedReturn> = {}): ValidatedReturn {
  const status = extra.status ?? "received";
  const file = status === "missing" ? null : `returns/${period.year}/${period.quarter}/${agencyId}.csv`;
  return {
    agency: agencyId,
    period,
    status,
    file,
    sha256: file ? "a".repeat(64) : null,
    receivedAt: file ? "2026-10-01T09:00:00.000Z" : null,
    figures,
    issues: [],
    ...extra,
  };
}

export const missingReturn = (agencyId: string, period: Period): ValidatedReturn => ret(agencyId, period, [], { status: "missing" });

/**
 * A history ending at `last`, one point per entry: a number, null for a gap, or a symbol ("c"...).
 */
export function series(values: (number | null | "c" | "x" | "z")[], last: Period = p("2026-27", "Q2")): HistoryPoint[] {
  const start = ordinal(last) - values.length + 1;
  return values.map((v, i) => {
    const q = fromOrdinal(start + i);
    if (v === null) return { year: q.year, quarter: q.quarter, value: null, symbol: null, gap: true };
    if (typeof v === "string") return { year: q.year, quarter: q.quarter, value: null, symbol: v, gap: false };
    return { year: q.year, quarter: q.quarter, value: v, symbol: null, gap: false };
  });
}

/** One agency's returns for consecutive quarters ending at `last`, one figure of one measure each. */
export function returnsOver(agencyId: string, ref: string, measureId: string, values: (number | null)[], last: Period): ValidatedReturn[] {
  const start = ordinal(last) - values.length + 1;
  return values.flatMap((v, i) => {
    const q = fromOrdinal(start + i);
    return v === null ? [] : [ret(agencyId, q, [figure(agencyId, q, ref, measureId, v)])];
  });
}

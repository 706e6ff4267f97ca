// The export's columns: one versioned list, read by the CSV and XLSX writers and by README. A column is
// only ever added at the end (minor version); a removal, a rename or a change of meaning is a new major.
import type { Result } from "../report-contract/schema.js";

export const EXPORT_VERSION = "1.0";

export type ColumnType = "text" | "number" | "integer" | "boolean" | "date";

/** What a row is read from: the judged result and the report it belongs to. */
export interface RowSource {
  result: Result;
  year: string;
  quarter: string;
  periodStart: string;
  periodEnd: string;
  partnership: string;
}

export interface Column {
  name: string;
  type: ColumnType;
  meaning: string;
  get: (s: RowSource) => string | number | boolean | null;
}

const r = (f: (x: Result) => string | number | boolean | null) => (s: RowSource) => f(s.result);

export const COLUMNS: Column[] = [
  { name: "year", type: "text", meaning: "the financial year, e.g. 2026-27", get: (s) => s.year },
  { name: "quarter", type: "text", meaning: "Q1 to Q4 of that year", get: (s) => s.quarter },
  { name: "period_start", type: "date", meaning: "the quarter's first day", get: (s) => s.periodStart },
  { name: "period_end", type: "date", meaning: "the quarter's last day", get: (s) => s.periodEnd },
  { name: "partnership", type: "text", meaning: "the partnership, as darep.config.json names it", get: (s) => s.partnership },
  { name: "agency", type: "text", meaning: "the agency's id", get: r((x) => x.agency) },
  { name: "agency_name", type: "text", meaning: "the agency's name", get: r((x) => x.agencyName) },
  { name: "theme", type: "text", meaning: "the framework's theme", get: r((x) => x.theme) },
  { name: "indicator", type: "text", meaning: "the indicator's reference, e.g. PM2", get: r((x) => x.indicator) },
  { name: "indicator_title", type: "text", meaning: "the indicator's title", get: r((x) => x.indicatorTitle) },
  { name: "measure", type: "text", meaning: "the measure's id", get: r((x) => x.measure) },
  { name: "measure_label", type: "text", meaning: "the measure's label", get: r((x) => x.measureLabel) },
  { name: "category", type: "text", meaning: "the category's id; blank for the total", get: r((x) => x.category) },
  { name: "category_label", type: "text", meaning: "the category's label; blank for the total", get: r((x) => x.categoryLabel) },
  { name: "unit", type: "text", meaning: "count, percent (0-100), rate, days or amount", get: r((x) => x.unit) },
  { name: "value", type: "number", meaning: "the figure; blank when there is none or it is withheld (see symbol)", get: r((x) => x.value) },
  { name: "symbol", type: "text", meaning: "why there is no figure: c confidential, x not available, z not applicable, u low reliability", get: r((x) => x.symbol) },
  { name: "status", type: "text", meaning: "improving, worsening, stable, for-information, baseline, on-track, off-track, missing, invalid, suppressed, insufficient-data", get: r((x) => x.status) },
  { name: "exception", type: "boolean", meaning: "whether the figure needs the board's attention", get: r((x) => x.exception) },
  { name: "rank", type: "integer", meaning: "1 = the worst exception; blank when not an exception", get: r((x) => x.rank) },
  { name: "direction", type: "text", meaning: "the direction wanted: up, down, none, baseline or target", get: r((x) => x.direction) },
  { name: "target_per_year", type: "number", meaning: "the year's target, when the direction is target", get: r((x) => x.target?.perYear ?? null) },
  { name: "target_comparison", type: "text", meaning: "at-least or at-most", get: r((x) => x.target?.comparison ?? null) },
  { name: "target_to_date", type: "number", meaning: "the target pro rata to this quarter's end", get: r((x) => x.target?.toDate ?? null) },
  { name: "actual_to_date", type: "number", meaning: "the year to date compared with it", get: r((x) => x.target?.actualToDate ?? null) },
  { name: "spc_state", type: "text", meaning: "process limits: computed, provisional or not-computed", get: r((x) => x.spc?.state ?? null) },
  { name: "spc_mean", type: "number", meaning: "the mean the limits are drawn around", get: r((x) => x.spc?.mean ?? null) },
  { name: "spc_lower", type: "number", meaning: "the lower process limit", get: r((x) => x.spc?.lower ?? null) },
  { name: "spc_upper", type: "number", meaning: "the upper process limit", get: r((x) => x.spc?.upper ?? null) },
  { name: "previous", type: "number", meaning: "last quarter's figure", get: r((x) => x.previous) },
  { name: "change", type: "number", meaning: "the change since last quarter", get: r((x) => x.change) },
  { name: "change_percent", type: "number", meaning: "that change in per cent; blank when last quarter was 0 or missing", get: r((x) => x.changePercent) },
  { name: "same_quarter_last_year", type: "number", meaning: "the figure a year before", get: r((x) => x.sameQuarterLastYear) },
  { name: "change_on_year", type: "number", meaning: "the change on a year before", get: r((x) => x.changeOnYear) },
  { name: "change_on_year_percent", type: "number", meaning: "that change in per cent", get: r((x) => x.changeOnYearPercent) },
  { name: "year_to_date", type: "number", meaning: "the year's quarters so far added up (counts only)", get: r((x) => x.yearToDate) },
  { name: "sentence", type: "text", meaning: "the report's sentence about the figure", get: r((x) => x.sentence) },
  { name: "key", type: "text", meaning: "indicator/measure/category/agency: unique within a quarter", get: r((x) => x.key) },
];

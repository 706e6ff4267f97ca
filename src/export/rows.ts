// The export's table: one row per figure per quarter, read from report.json (so it carries exactly
// what the report publishes, under the disclosure policy). The quarter exported comes with everything
// judged; with earlier quarters asked for, each result's history adds one row per quarter on record,
// with its value and symbol (the report judges only its own quarter, so their judged columns are blank).
// Pure.
import type { Report, Result } from "../report-contract/schema.js";
import type { Period } from "../types.js";
import { COLUMNS, type Column } from "./columns.js";

export type Cell = string | number | boolean | null;

export interface ExportTable {
  columns: Column[];
  rows: Cell[][];
  /** The unit of each row's figure, for number formats. */
  units: Result["unit"][];
}

/** The columns an earlier quarter's row keeps: what it is, and its figure. */
const IDENTITY = new Set(["partnership", "agency", "agency_name", "theme", "indicator", "indicator_title", "measure", "measure_label", "category", "category_label", "unit", "key"]);

export interface TableOptions {
  /** Add the earlier quarters each result's history holds. */
  history?: boolean;
  /** A quarter's first and last days (they depend on the workspace's financial year). */
  datesOf?: (p: Period) => { start: string; end: string };
}

export function exportTable(report: Report, options: TableOptions = {}): ExportTable {
  const rows: Cell[][] = [];
  const units: Result["unit"][] = [];
  const base = { year: report.year, quarter: report.quarter, periodStart: report.period.start, periodEnd: report.period.end, partnership: report.partnership };
  for (const result of report.results) {
    if (options.history && options.datesOf) {
      for (const h of result.history) {
        if (h.year === report.year && h.quarter === report.quarter) continue;
        const dates = options.datesOf({ year: h.year, quarter: h.quarter });
        const source = { ...base, year: h.year, quarter: h.quarter, periodStart: dates.start, periodEnd: dates.end, result };
        rows.push(
          COLUMNS.map((c) => {
            if (c.name === "value") return h.value;
            if (c.name === "symbol") return h.symbol;
            return IDENTITY.has(c.name) || c.name === "year" || c.name === "quarter" || c.name.startsWith("period_") ? c.get(source) : null;
          }),
        );
        units.push(result.unit);
      }
    }
    rows.push(COLUMNS.map((c) => c.get({ ...base, result })));
    units.push(result.unit);
  }
  return { columns: COLUMNS, rows, units };
}

// The export's table: one row per figure of the quarter, read from report.json (so it carries exactly
// what the report publishes, under the disclosure policy). Pure.
import type { Report } from "../trends/report-schema.js";
import { COLUMNS, type Column } from "./columns.js";

export type Cell = string | number | boolean | null;

export interface ExportTable {
  columns: Column[];
  rows: Cell[][];
  /** The unit of each row's figure, for number formats. */
  units: Report["results"][number]["unit"][];
}

export function exportTable(report: Report): ExportTable {
  const base = { year: report.year, quarter: report.quarter, periodStart: report.period.start, periodEnd: report.period.end, partnership: report.partnership };
  return {
    columns: COLUMNS,
    rows: report.results.map((result) => COLUMNS.map((c) => c.get({ ...base, result }))),
    units: report.results.map((r) => r.unit),
  };
}

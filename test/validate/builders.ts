// Small builders for the validate stage's tests: a RawTable from an array of rows, the demo
// partnership's agencies and the real Doncaster framework, and a short way to read an issue's place.
import { loadWorkspace } from "../../src/workspace/load.js";
import type { Agency } from "../../src/framework/schema.js";
import type { IssueCode } from "../../src/issues/catalogue.js";
import type { Figure, Issue, Period, RawRow, RawTable } from "../../src/types.js";
import { validateTable, type Validated } from "../../src/validate/index.js";
import { DEMO, ROOT } from "../helpers/cli.js";

export const PERIOD: Period = { year: "2026-27", quarter: "Q2" };
export const PREVIOUS: Period = { year: "2026-27", quarter: "Q1" };
export const HEADER = ["indicator", "measure", "category", "value", "note"];

/** The demo workspace: ten agencies and darep's bundled Doncaster framework (PM1-PM38). */
export const demo = await loadWorkspace({ workspace: DEMO, cwd: ROOT });
export const framework = demo.framework;

/** A demo agency, optionally reporting only `indicators` (so a test is not about the ones it leaves out). */
export function agency(id: string, indicators?: string[]): Agency {
  const a = demo.config.agencies.find((x) => x.id === id);
  if (!a) throw new Error(`no agency ${id} in the demo`);
  return indicators ? { ...a, indicators } : a;
}

export interface TableOptions {
  file?: string;
  format?: "csv" | "xlsx";
  sheet?: string;
  about?: Record<string, string>;
  /** The reader's cell problems, by row number then 0-based column, e.g. { 3: { 0: "merged-cells" } }. */
  problems?: Record<number, Record<number, IssueCode>>;
}

/**
 * A RawTable as the reader would give it: the first row is the header (row 1), then rows 2, 3, ...
 * An empty array is a blank row: it is not in the table, but it is counted, as in Excel.
 */
export function table(rows: string[][], opts: TableOptions = {}): RawTable {
  const numbered: RawRow[] = [];
  rows.forEach((cells, i) => {
    if (cells.length === 0) return;
    const row: RawRow = { row: i + 1, cells };
    const problems = opts.problems?.[i + 1];
    if (problems) row.problems = problems;
    numbered.push(row);
  });
  const [header = null, ...data] = numbered;
  return {
    file: opts.file ?? "returns/2026-27/Q2/test.csv",
    format: opts.format ?? "csv",
    ...(opts.sheet ? { sheet: opts.sheet } : {}),
    header,
    rows: data,
    ...(opts.about ? { about: opts.about } : {}),
  };
}

export interface CheckOptions extends TableOptions {
  /** Only these indicators for the agency (default: all the demo gives it). */
  indicators?: string[];
  previous?: Figure[];
  period?: Period;
  suddenChangeFactor?: number;
}

/** Validate `rows` (header first) as `agencyId`'s return for 2026-27 Q2. */
export function check(agencyId: string, rows: string[][], opts: CheckOptions = {}): Validated {
  return validateTable({
    table: table(rows, { file: `returns/2026-27/Q2/${agencyId}.csv`, ...opts }),
    framework,
    agency: agency(agencyId, opts.indicators),
    period: opts.period ?? PERIOD,
    ...(opts.previous ? { previous: opts.previous } : {}),
    suddenChangeFactor: opts.suddenChangeFactor ?? 3,
  });
}

/** Rows under the standard header. */
export const withHeader = (...rows: string[][]): string[][] => [HEADER, ...rows];

/** An issue's code, severity and place: what every issue test checks. */
export const at = (i: Issue) => ({ code: i.code, severity: i.severity, row: i.row, cell: i.cell, column: i.column });

/** Issues other than the ones named (e.g. the missing-indicator findings a one-row test provokes). */
export const except = (issues: Issue[], ...codes: string[]) => issues.filter((i) => !codes.includes(i.code));

/** A figure's identity and value, for comparing lists of figures. */
export const fig = (f: Figure) => ({ indicator: f.indicator, measure: f.measure, category: f.category, value: f.value, symbol: f.symbol });

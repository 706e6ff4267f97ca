// History: one long table (year, quarter, agency, indicator, measure, category, value, note) -> one
// return per agency and quarter, as the CSV an agency would have sent; rows that cannot be placed
// are named by row and cell (pure: the caller checks each return and writes it).
import { isQuarterName, isYearLabel } from "../framework/period.js";
import { cellAddress } from "../words/cell-address.js";
import { issue, quote } from "../issues/catalogue.js";
import type { Issue, Period, RawTable } from "../types.js";

export const HISTORY_COLUMNS = ["year", "quarter", "agency", "indicator", "measure", "category", "value", "note"] as const;
const REQUIRED = ["year", "quarter", "agency", "indicator", "value"] as const;
/** The columns of the returns it makes (the returns contract's). */
export const RETURN_COLUMNS = ["indicator", "measure", "category", "value", "note"] as const;

export interface HistoryReturn {
  agency: string;
  period: Period;
  /** The return's rows in the returns contract's columns: indicator, measure, category, value, note. */
  rows: string[][];
  /** The history's row of each of the return's rows, in order (the return's row 2 is sources[0]). */
  sources: number[];
  /** The history's 0-based column of each of the return's columns, by name. */
  columns: Record<string, number>;
}

/** "2024/25" and "2024-2025" are read as 2024-25; "q1" and "1" as Q1. */
function yearOf(text: string): string | null {
  const m = /^(\d{4})\s*[-/]\s*(\d{2}|\d{4})$/.exec(text.trim());
  const y = m ? `${m[1]}-${m[2]!.slice(-2)}` : text.trim();
  return isYearLabel(y) ? y : null;
}
function quarterOf(text: string): Period["quarter"] | null {
  const q = text
    .trim()
    .toUpperCase()
    .replace(/^(\d)$/, "Q$1");
  return isQuarterName(q) ? q : null;
}

/** An issue about a return made from the history, placed on the history's own row and cell instead. */
export function placedInHistory(i: Issue, r: HistoryReturn, file: string, returnFile: string): Issue {
  if (i.file !== returnFile) return i;
  const row = i.row !== undefined && i.row >= 2 ? r.sources[i.row - 2] : undefined;
  const column = i.column !== undefined ? r.columns[i.column.trim().toLowerCase()] : undefined;
  const { cell: _cell, row: _row, ...rest } = i;
  return {
    ...rest,
    file,
    ...(row !== undefined ? { row } : {}),
    ...(row !== undefined && column !== undefined ? { cell: cellAddress(column, row) } : {}),
    message: `In ${r.period.year} ${r.period.quarter} for ${r.agency}: ${i.message}`,
  };
}

export function historyReturns(table: RawTable, agencies: string[]): { returns: HistoryReturn[]; issues: Issue[] } {
  const file = table.file;
  const header = (table.header?.cells ?? []).map((h) => h.trim().toLowerCase());
  const at = (c: string) => header.indexOf(c);
  const issues: Issue[] = [];
  for (const c of REQUIRED.filter((c) => at(c) < 0))
    issues.push(
      issue(
        "missing-column",
        { file, row: table.header?.row ?? 1, column: c },
        `The history has no '${c}' column; it needs ${HISTORY_COLUMNS.join(", ")} (measure, category and note may be left out).`,
        { expected: c },
      ),
    );
  if (issues.length) return { returns: [], issues };

  const byReturn = new Map<string, { agency: string; period: Period; lines: string[][]; sources: number[] }>();
  for (const row of table.rows) {
    const cell = (c: string) => (at(c) < 0 ? "" : (row.cells[at(c)] ?? "").trim());
    if (HISTORY_COLUMNS.every((c) => cell(c) === "")) continue;
    const where = (c: string) => ({ file, row: row.row, column: c, cell: cellAddress(at(c), row.row) });
    const year = yearOf(cell("year"));
    const quarter = quarterOf(cell("quarter"));
    const agency = cell("agency");
    if (!year) issues.push(issue("history-invalid-row", where("year"), `${quote(cell("year"))} is not a financial year like 2024-25.`, { found: quote(cell("year")) }));
    if (!quarter) issues.push(issue("history-invalid-row", where("quarter"), `${quote(cell("quarter"))} is not a quarter (Q1 to Q4).`, { found: quote(cell("quarter")) }));
    if (!agencies.includes(agency))
      issues.push(issue("history-invalid-row", where("agency"), `${quote(agency)} is not an agency's id in darep.config.json.`, { found: quote(agency), expected: agencies.join(", ") }));
    if (!year || !quarter || !agencies.includes(agency)) continue;
    const key = `${year} ${quarter} ${agency}`;
    const entry = byReturn.get(key) ?? { agency, period: { year, quarter }, lines: [], sources: [] };
    entry.sources.push(row.row);
    byReturn.set(key, entry);
    entry.lines.push(RETURN_COLUMNS.map((c) => cell(c)));
  }
  const returns = [...byReturn.values()].map((r) => ({
    agency: r.agency,
    period: r.period,
    rows: r.lines,
    sources: r.sources,
    columns: Object.fromEntries(RETURN_COLUMNS.filter((c) => at(c) >= 0).map((c) => [c, at(c)])),
  }));
  return { returns, issues };
}

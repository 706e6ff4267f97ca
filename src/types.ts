// The values that pass between darep's stages: ingest -> validate -> trends -> report.
// "As the agency wrote it" (RawTable, strings) is kept apart from "normalised" (Figure, numbers).
import type { IssueCode } from "./issues/catalogue.js";
import type { GssSymbol, IssueJson, PeriodJson, QuarterName, ReturnJson } from "./report-contract/schema.js";

export type { GssSymbol, QuarterName } from "./report-contract/schema.js";

/** A financial year and quarter, e.g. { year: "2026-27", quarter: "Q2" }. */
export type Period = PeriodJson;

export type Severity = IssueJson["severity"];

/** Where a value stood in the file the agency sent. Rows are 1-based, as Excel shows them. */
/** `line` (CSV only): the file's line where the row starts, when it is not the row's number (after a
 * note with a line break in it, or Excel's `sep=,` line). Editors and CI annotations count lines. */
export type Location = Pick<IssueJson, "file" | "sheet" | "row" | "column" | "cell" | "line">;

/**
 * A finding about the data: collected and reported, never thrown. Its shape is report.json's
 * (src/report-contract/schema.ts), with the code narrowed to the catalogue's keys, so a misspelt
 * code does not compile.
 */
export type Issue = Omit<IssueJson, "code"> & { code: IssueCode };

/** One data row of a return, cells as text, exactly as read. */
export interface RawRow {
  /** 1-based row number as the user sees it in Excel or a text editor's CSV view. */
  row: number;
  cells: string[];
  /**
   * Problems the reader saw in a cell that the text alone cannot carry, by 0-based column:
   * the issue code to report (e.g. "formula-without-result", "merged-cells").
   */
  problems?: Record<number, IssueCode>;
}

/** A return as read from disk: a header and rows of strings, with their places. */
export interface RawTable {
  file: string;
  format: "csv" | "xlsx";
  sheet?: string;
  /** The header row, or null when the file has no non-blank row at all. */
  header: RawRow | null;
  rows: RawRow[];
  /** Key/value pairs of an XLSX `About` sheet (keys lower-cased), when present. */
  about?: Record<string, string>;
  /** For CSV: the text encoding it was decoded from ("utf-8", "windows-1252", "utf-16le"...). */
  encoding?: string;
  /** For CSV: the file's line where a row starts, by row number, for the rows where the two differ. */
  lines?: Record<number, number>;
}

/** What reading a file gives: a table, or nothing, and the issues found on the way. */
export interface ReadResult {
  table: RawTable | null;
  issues: Issue[];
}

/** One validated figure from a return. */
export interface Figure {
  agency: string;
  year: string;
  quarter: QuarterName;
  indicator: string;
  measure: string;
  /** Category id, or null for the total. */
  category: string | null;
  /** The number, or null for [c], [x], [z]. With [u] the number follows the symbol. */
  value: number | null;
  symbol: GssSymbol | null;
  note?: string;
  source: Location;
}

export type ReturnStatus = ReturnJson["status"];

/** One agency's return for one quarter, after validation. */
export interface ValidatedReturn {
  agency: string;
  period: Period;
  status: ReturnStatus;
  /** Workspace-relative path with forward slashes, or null when missing. */
  file: string | null;
  sha256: string | null;
  /** File modification time as ISO string, the nearest thing to "when it was received". */
  receivedAt: string | null;
  /** Figures that passed validation (an invalid return still contributes its good figures). */
  figures: Figure[];
  issues: Issue[];
}

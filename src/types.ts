// The values that pass between darep's stages: ingest -> validate -> trends -> report.
// "As the agency wrote it" (RawTable, strings) is kept apart from "normalised" (Figure, numbers).

/** UK financial-year quarter: Q1 = April-June ... Q4 = January-March. */
export type QuarterName = "Q1" | "Q2" | "Q3" | "Q4";

/** A financial year and quarter, e.g. { year: "2026-27", quarter: "Q2" }. */
export interface Period {
  year: string;
  quarter: QuarterName;
}

export type Severity = "error" | "warning";

/** Where a value stood in the file the agency sent. Rows are 1-based, as Excel shows them. */
export interface Location {
  file: string;
  sheet?: string;
  row?: number;
  /** The column's header as the agency wrote it, e.g. "value". */
  column?: string;
  /** A spreadsheet cell address, e.g. "D7" (also given for CSV, counting columns A, B, ...). */
  cell?: string;
  /**
   * CSV only: the file's line where the row starts, when it is not the row's number (after a note
   * with a line break in it, or Excel's `sep=,` line). Editors and CI annotations count lines.
   */
  line?: number;
}

/** A finding about the data: collected and reported, never thrown. */
export interface Issue extends Location {
  /** Stable kebab-case code from the catalogue in src/issues/catalogue.ts. */
  code: string;
  severity: Severity;
  indicator?: string;
  measure?: string;
  category?: string;
  /** What was found, quoted safely (truncated when long). */
  found?: string;
  /** What was expected instead. */
  expected?: string;
  /** One plain sentence saying what is wrong. */
  message: string;
  /** What to do about it, e.g. "Did you mean PM20?". */
  advice?: string;
}

/** One data row of a return, cells as text, exactly as read. */
export interface RawRow {
  /** 1-based row number as the user sees it in Excel or a text editor's CSV view. */
  row: number;
  cells: string[];
  /**
   * Problems the reader saw in a cell that the text alone cannot carry, by 0-based column:
   * the issue code to report (e.g. "formula-without-result", "merged-cells").
   */
  problems?: Record<number, string>;
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

/** GSS shorthand symbols: [c] confidential, [x] not available, [z] not applicable, [u] low reliability. */
export type GssSymbol = "c" | "x" | "z" | "u";

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

export type ReturnStatus = "received" | "missing" | "invalid";

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

// The safety limits on what one return file may cost to read, with their defaults.
// The per-file time limit is not here: reading cannot stop itself part-way through exceljs, so the
// API races each read against it (src/workspace/check-return.ts; default DEFAULT_SECONDS_PER_FILE).

/** Seconds one file may take to read before it is reported and skipped. */
export const DEFAULT_SECONDS_PER_FILE = 30;

export interface ReadLimits {
  /** Largest file read at all, in bytes. Default 20 MB. */
  maxFileBytes: number;
  /** Most data rows (non-blank rows after the header; for XLSX also the rows a sheet holds). Default 100,000. */
  maxRows: number;
  /** Most cells in the table (header included). Default 1,000,000. */
  maxCells: number;
  /** Most characters in one cell; a longer cell is reported and read as blank. Default 10,000. */
  maxCellChars: number;
  /** XLSX: most bytes the workbook may unpack to, all entries together. Default 200 MB. */
  maxUnzippedBytes: number;
  /** XLSX: most an entry of 1 MiB or more may shrink by when packed (a zip bomb shrinks ~1000x). Default 200. */
  maxCompressionRatio: number;
}

export const DEFAULT_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxFileBytes: 20 * 1024 * 1024,
  maxRows: 100_000,
  maxCells: 1_000_000,
  maxCellChars: 10_000,
  maxUnzippedBytes: 200 * 1024 * 1024,
  maxCompressionRatio: 200,
});

/** Fill in defaults; a limit that is not a positive number is a programmer error, so it throws. */
export function resolveLimits(given: Partial<ReadLimits> = {}): ReadLimits {
  const limits: ReadLimits = { ...DEFAULT_LIMITS };
  for (const [key, value] of Object.entries(given) as [keyof ReadLimits, number | undefined][]) {
    if (value === undefined) continue;
    if (!(key in DEFAULT_LIMITS)) throw new Error(`Unknown read limit '${key}'.`);
    if (typeof value !== "number" || !(value > 0)) throw new Error(`The read limit ${key} must be a positive number.`);
    limits[key] = value;
  }
  return limits;
}

/** Bytes in words a user can judge, e.g. "20 MB" (words/ says it). */
export { bytesInWords as sizeInWords } from "../words/index.js";

// The CSV template: the same rows as the XLSX, the contract's columns only, blank values to fill in.
// A UTF-8 byte-order mark makes Excel open it as UTF-8; CRLF line ends are what RFC 4180 and Excel use.
import type { TemplateRow } from "./rows.js";
import { safeCell } from "./safe-cell.js";

export const CSV_COLUMNS = ["indicator", "measure", "category", "value", "note"] as const;

/** Quote a field when it holds a comma, a quote or a line break (RFC 4180), after neutralising formulas. */
export function csvField(value: string): string {
  const safe = safeCell(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function templateCsv(rows: TemplateRow[]): string {
  const lines = [CSV_COLUMNS.join(","), ...rows.map((r) => [r.indicator, r.measure, r.category ?? "", "", ""].map(csvField).join(","))];
  return `\ufeff${lines.join("\r\n")}\r\n`;
}

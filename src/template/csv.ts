// The CSV template: the same rows as the XLSX, the contract's columns only, blank values to fill in.
// A UTF-8 byte-order mark makes Excel open it as UTF-8; CRLF line ends are what RFC 4180 and Excel use.
import type { TemplateRow } from "./rows.js";
import { csvField } from "../words/cells.js";

export { csvField };

export const CSV_COLUMNS = ["indicator", "measure", "category", "value", "note"] as const;

export function templateCsv(rows: TemplateRow[]): string {
  const lines = [CSV_COLUMNS.join(","), ...rows.map((r) => [r.indicator, r.measure, r.category ?? "", "", ""].map(csvField).join(","))];
  return `\ufeff${lines.join("\r\n")}\r\n`;
}

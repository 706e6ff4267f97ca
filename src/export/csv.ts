// The export as CSV: UTF-8 with a byte-order mark (Excel and Power BI then read it as UTF-8), CRLF
// line ends (RFC 4180), numbers in plain JavaScript notation, true/false, blanks for nothing.
import { csvField } from "../words/index.js";
import type { Cell, ExportTable } from "./rows.js";

function field(v: Cell): string {
  if (v === null) return "";
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return csvField(v);
}

export function exportCsv(table: ExportTable): string {
  const lines = [table.columns.map((c) => c.name).join(","), ...table.rows.map((row) => row.map(field).join(","))];
  return `\ufeff${lines.join("\r\n")}\r\n`;
}

// The export as an XLSX workbook for people: a bold header row that stays in view, filters on every
// column, number formats, widths to fit, and an About sheet saying what each column means. Text goes in
// through safeCell, so nothing in it can run as a formula; the bytes depend only on the report.
import ExcelJS from "exceljs";
import { safeCell } from "../words/index.js";
import { EXPORT_VERSION, type Column } from "./columns.js";
import type { Cell, ExportTable } from "./rows.js";

export interface XlsxExportInput {
  table: ExportTable;
  partnership: string;
  /** "2026-27 Q2". */
  quarter: string;
  /** The report's generatedAt: the workbook's dates (the library fixes the zip's times to it too). */
  generatedAt: string;
  /** The protective marking, printed in every sheet's header and footer when set. */
  marking?: string;
  /** The report's sentence on what its disclosure policy withheld. */
  disclosure?: string;
}

/** Columns holding the figure itself (or a figure like it), shown with the unit's "%". */
const LIKE_VALUE = new Set(["value", "previous", "same_quarter_last_year", "spc_mean", "spc_lower", "spc_upper", "target_per_year", "target_to_date", "actual_to_date"]);
const PERCENTAGES = new Set(["change_percent", "change_on_year_percent"]);

function numberFormat(column: Column, unit: string, v: number): string {
  const decimals = Number.isInteger(v) ? 0 : (String(v).split(".")[1]?.length ?? 0) >= 2 ? 2 : 1;
  const base = column.type === "integer" ? "0" : decimals === 0 ? "#,##0" : `#,##0.${"0".repeat(decimals)}`;
  if (PERCENTAGES.has(column.name) || (unit === "percent" && LIKE_VALUE.has(column.name))) return `${base}"%"`;
  return base;
}

function cellValue(column: Column, v: Cell): ExcelJS.CellValue {
  if (v === null || v === "") return null;
  if (column.type === "date" && typeof v === "string") return new Date(`${v}T00:00:00Z`);
  if (typeof v === "string") return safeCell(v);
  return v;
}

function headerFooter(sheet: ExcelJS.Worksheet, marking: string | undefined): void {
  if (!marking) return;
  const text = `&C${marking.replace(/&/g, "&&")}`;
  sheet.headerFooter = { oddHeader: text, oddFooter: text };
}

export async function exportXlsx(input: XlsxExportInput): Promise<Buffer> {
  const { table } = input;
  const wb = new ExcelJS.Workbook();
  wb.creator = "darep";
  const sheet = wb.addWorksheet("Figures", { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] });
  headerFooter(sheet, input.marking);
  const header = sheet.addRow(table.columns.map((c) => c.name));
  header.font = { bold: true };
  header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDE4EE" } };
  table.rows.forEach((row, i) => {
    const added = sheet.addRow(row.map((v, j) => cellValue(table.columns[j]!, v)));
    row.forEach((v, j) => {
      const column = table.columns[j]!;
      const cell = added.getCell(j + 1);
      if (typeof v === "number") cell.numFmt = numberFormat(column, table.units[i]!, v);
      else if (column.type === "date" && v) cell.numFmt = "yyyy-mm-dd";
    });
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, table.rows.length + 1), column: table.columns.length } };
  table.columns.forEach((c, j) => {
    const longest = Math.max(c.name.length, ...table.rows.map((row) => String(row[j] ?? "").length));
    sheet.getColumn(j + 1).width = Math.min(Math.max(longest + 2, 8), c.name === "sentence" ? 80 : 45);
  });

  const about = wb.addWorksheet("About");
  headerFooter(about, input.marking);
  const lines: string[][] = [
    [safeCell(`${input.partnership}: every figure of ${input.quarter}`)],
    [
      `One row per figure per quarter, as the report publishes it (withheld figures are blank, with their symbol); earlier quarters, when included, carry only their value and symbol. Columns: darep export version ${EXPORT_VERSION}.`,
    ],
    ...(input.disclosure ? [[safeCell(input.disclosure)]] : []),
    ...(input.marking ? [[safeCell(input.marking)]] : []),
    [],
    ["column", "type", "meaning"],
    ...table.columns.map((c) => [c.name, c.type, c.meaning]),
  ];
  for (const line of lines) about.addRow(line);
  about.getRow(1).font = { bold: true, size: 14 };
  about.getRow(lines.length - table.columns.length).font = { bold: true };
  about.getColumn(1).width = 26;
  about.getColumn(2).width = 10;
  about.getColumn(3).width = 100;

  const when = new Date(input.generatedAt);
  wb.created = when;
  wb.modified = when;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

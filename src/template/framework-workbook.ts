// The framework as a workbook: an `Indicators` sheet (one row per measure, a dropdown on every column
// with a fixed list of words, each header's guidance as its note), an `About` sheet (the framework's
// name, source and themes in order) and a `Guidance` sheet. With no rows it is the blank template.
import type { Cell, Workbook } from "exceljs";
import { COLUMNS, HEADERS, type CellValue, type FrameworkAbout } from "../framework/sheet-columns.js";
import { columnLetters } from "../words/cell-address.js";
import { csvField } from "./csv.js";
import { safeCell } from "./safe-cell.js";
import { fixZipDates } from "./zip-dates.js";

export const INDICATORS_SHEET = "Indicators";
/** Rows the template's dropdowns reach, beyond the rows written. */
const SPARE_ROWS = 200;
const HEADER_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1F3A5F" } } as const;

function put(cell: Cell, value: CellValue): void {
  cell.value = typeof value === "number" ? value : value === "" ? null : safeCell(value);
}

function indicatorsSheet(wb: Workbook, rows: CellValue[][]): void {
  const sheet = wb.addWorksheet(INDICATORS_SHEET, { views: [{ state: "frozen", ySplit: 1, xSplit: 2 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.kind === "text" && !c.choices ? 30 : 16 }));
  const head = sheet.getRow(1);
  head.font = { bold: true, color: { argb: "FFFFFFFF" } };
  COLUMNS.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.fill = HEADER_FILL;
    cell.note = c.guidance;
  });
  rows.forEach((values, r) => values.forEach((v, i) => put(sheet.getRow(r + 2).getCell(i + 1), v)));
  const last = rows.length + 1 + SPARE_ROWS;
  COLUMNS.forEach((c, i) => {
    if (!c.choices) return;
    for (let r = 2; r <= last; r++)
      sheet.getCell(`${columnLetters(i)}${r}`).dataValidation = {
        type: "list",
        allowBlank: true,
        formulae: [`"${c.choices.join(",")}"`],
        showErrorMessage: true,
        errorTitle: c.header,
        error: `Choose one of: ${c.choices.join(", ")}.`,
      };
  });
}

function aboutSheet(wb: Workbook, about: FrameworkAbout): void {
  const sheet = wb.addWorksheet("About");
  sheet.columns = [{ width: 12 }, { width: 80 }, { width: 60 }];
  const rows: [string, string, string][] = [
    ["name", about.name, "The framework's name, as the report shows it."],
    ["source", about.source ?? "", "(optional) Where it comes from, e.g. the strategy's title."],
    ["themes", about.themes.join("\n"), "The themes in the order the report groups indicators by, one per line (default: as they first appear)."],
    ["partnership", about.partnership ?? "", "(optional) The partnership that wrote the framework."],
    [
      "local terms",
      (about.localTerms ?? []).join("\n"),
      "(optional) Words in the texts naming your own place, services or people, one per line: another partnership using the framework is told to review those texts.",
    ],
  ];
  rows.forEach(([k, v, help], i) => {
    const row = sheet.getRow(i + 1);
    put(row.getCell(1), k);
    put(row.getCell(2), v);
    put(row.getCell(3), help);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: "top" };
    row.getCell(3).font = { italic: true, color: { argb: "FF555555" } };
  });
}

function guidanceSheet(wb: Workbook): void {
  const sheet = wb.addWorksheet("Guidance");
  sheet.columns = [{ width: 32 }, { width: 110 }];
  const lines: [string, string][] = [
    [
      "A framework in a spreadsheet",
      "One row per measure. An indicator with several measures has several rows with the same reference; its own fields (title to frequency) may be left blank after its first row.",
    ],
    ["Then", "darep framework import <this file> --name <framework> writes it into schemas/<framework>/, or names every cell to correct."],
    ...COLUMNS.map((c): [string, string] => [c.header, `${c.required ? "Needed. " : ""}${c.guidance}${c.choices ? ` One of: ${c.choices.join(", ")}.` : ""}`]),
  ];
  lines.forEach(([a, b], i) => {
    const row = sheet.getRow(i + 1);
    put(row.getCell(1), a);
    put(row.getCell(2), b);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: "top" };
  });
}

/** The workbook's bytes; the same input and date give the same bytes. */
export async function frameworkXlsx(about: FrameworkAbout, rows: CellValue[][], createdAt: Date): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  wb.creator = "darep";
  wb.lastModifiedBy = "darep";
  wb.title = about.name;
  wb.created = createdAt;
  wb.modified = createdAt;
  indicatorsSheet(wb, rows);
  aboutSheet(wb, about);
  guidanceSheet(wb);
  return fixZipDates(Buffer.from(await wb.xlsx.writeBuffer()), createdAt);
}

/** The Indicators sheet alone as CSV (a CSV has no About sheet: themes then follow the rows' order). */
export function frameworkCsv(rows: CellValue[][]): string {
  const lines = [HEADERS, ...rows].map((r) => r.map((v) => csvField(String(v))).join(","));
  return `\ufeff${lines.join("\r\n")}\r\n`;
}

// The XLSX template: a `Return` sheet (the contract's columns with the value column beside the row's
// keys; grey read-only helper columns; value cells with a data-validation rule whose error alert turns
// away what darep cannot read, an input message, and a "(check)" column saying in words what is wrong
// and whether a breakdown adds up; panes frozen so the keys and the value stay on screen; the rest
// protected from accidental edits), an `About` sheet filled in with the agency and period, and a
// `Guidance` sheet. Same input, same bytes.
import type { Cell, Workbook, Worksheet } from "exceljs";
import type { Agency, Indicator } from "../framework/schema.js";
import type { Period } from "../types.js";
import { dateInWords as longDate } from "../words/index.js";
import { guidanceLines } from "./guidance.js";
import type { TemplateRow } from "./rows.js";
import { safeCell } from "./safe-cell.js";
import { checkFormula, sameRule, valueRule } from "./value-rule.js";
import { fixZipDates } from "./zip-dates.js";

export interface TemplateInput {
  partnership: string;
  agency: Agency;
  period: Period;
  /** e.g. "July to September 2026". */
  periodLabel: string;
  /** ISO date the return is due by. */
  dueBy: string;
  previousPeriod: Period;
  rows: TemplateRow[];
  /** The indicators the agency reports, in framework order, for the Guidance sheet. */
  indicators: Indicator[];
  /** The workbook's created and modified dates and every zip entry's time. */
  createdAt: Date;
}

/**
 * The Return sheet's columns, in order. Helper headers are in parentheses: the validator treats such
 * columns as documentation, not data. The value sits beside the keys that say what it is, so it is on
 * screen without scrolling; the check, the note and what helps fill it in follow.
 */
export const RETURN_COLUMNS = ["indicator", "measure", "category", "value", "(check)", "note", "(last quarter)", "(title)", "(definition)"] as const;
/** The value column's letter (the sheet has fewer than 26 columns). */
export const VALUE_COLUMN = String.fromCharCode(65 + RETURN_COLUMNS.indexOf("value"));
const WIDTHS = [11, 26, 22, 14, 30, 48, 14, 40, 60];

const GREY = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEDEDED" } } as const;
const INPUT = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF8D6" } } as const;
const INVALID = { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } }, font: { color: { argb: "FF9C0006" }, bold: true } } as const;
const HEADER = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1F3A5F" } } as const;

/** Protection with no password: it stops accidental edits, not a determined user (and keeps the bytes repeatable). */
async function protect(sheet: Worksheet): Promise<void> {
  await sheet.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
}

function text(cell: Cell, value: string | null): void {
  cell.value = value === null || value === "" ? null : safeCell(value);
}

function returnSheet(wb: Workbook, input: TemplateInput): Worksheet {
  // Frozen after the header row and the three key columns: the value cell is always on screen beside them.
  const sheet = wb.addWorksheet("Return", { views: [{ state: "frozen", ySplit: 1, xSplit: 3, topLeftCell: "D2", activeCell: "D2" }] });
  const previousHeader = `(last quarter, ${input.previousPeriod.year} ${input.previousPeriod.quarter})`;
  sheet.columns = RETURN_COLUMNS.map((h, i) => ({ header: h === "(last quarter)" ? previousHeader : h, width: WIDTHS[i] }));
  const head = sheet.getRow(1);
  head.font = { bold: true, color: { argb: "FFFFFFFF" } };
  head.eachCell((c) => (c.fill = HEADER));

  input.rows.forEach((r, i) => {
    const row = sheet.getRow(i + 2);
    const at = (name: (typeof RETURN_COLUMNS)[number]) => row.getCell(RETURN_COLUMNS.indexOf(name) + 1);
    text(at("indicator"), r.indicator);
    text(at("measure"), r.measure);
    text(at("category"), r.category);
    text(at("(title)"), r.title);
    text(at("(definition)"), r.definition);
    if (typeof r.previous === "number") at("(last quarter)").value = r.previous;
    else text(at("(last quarter)"), r.previous);
    for (const name of ["indicator", "measure", "category", "(title)", "(definition)", "(last quarter)"] as const) {
      at(name).fill = GREY;
      at(name).alignment = { vertical: "top", wrapText: true };
      if (r.category === null && !name.startsWith("(")) at(name).font = { bold: true };
    }
    const value = at("value");
    value.fill = INPUT;
    value.protection = { locked: false };
    value.alignment = { vertical: "top" };
    const rule = valueRule(r, value.address);
    sheet.addConditionalFormatting({ ref: value.address, rules: [{ type: "expression", priority: 1, formulae: [rule.invalidFormula], style: INVALID }] });
    const parts = r.parts ? `${VALUE_COLUMN}${i + 3}:${VALUE_COLUMN}${i + 2 + r.parts}` : null;
    const check = at("(check)");
    check.value = { formula: checkFormula(r, value.address, parts), result: "" };
    check.fill = GREY;
    check.font = { italic: true };
    const note = at("note");
    note.protection = { locked: false };
    note.alignment = { vertical: "top", wrapText: true };
  });
  addValidations(sheet, input.rows);
  return sheet;
}

/**
 * One validation rule per run of consecutive rows that take the same rule, added by range: given cell
 * by cell, exceljs squeezes equal rules into ranges after sorting the addresses as strings (G10 before
 * G2), which wrote overlapping ranges that stricter readers reject (exceljs #2820). The formula is
 * relative to the range's first cell, as Excel reads it for every cell of the range.
 */
function addValidations(sheet: Worksheet, rows: TemplateRow[]): void {
  for (let start = 0; start < rows.length; ) {
    let end = start;
    while (end + 1 < rows.length && sameRule(rows[end + 1]!, rows[start]!)) end++;
    const first = `${VALUE_COLUMN}${start + 2}`;
    const rule = valueRule(rows[start]!, first);
    const range = end === start ? first : `${first}:${VALUE_COLUMN}${end + 2}`;
    (sheet as unknown as { dataValidations: { add(address: string, v: object): void } }).dataValidations.add(range, {
      type: "custom",
      allowBlank: true,
      formulae: [rule.formula],
      showInputMessage: true,
      promptTitle: rule.promptTitle,
      prompt: rule.prompt,
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: rule.errorTitle,
      error: rule.error,
    });
    start = end + 1;
  }
}

function aboutSheet(wb: Workbook, input: TemplateInput): Worksheet {
  const sheet = wb.addWorksheet("About");
  sheet.columns = [{ width: 12 }, { width: 40 }, { width: 70 }];
  // Column A and B are the key/value pairs darep reads; column C only explains them.
  const rows: [string, string, string, boolean][] = [
    ["agency", input.agency.id, `${input.agency.name}. Leave as it is.`, false],
    ["period", `${input.period.year} ${input.period.quarter}`, `${input.periodLabel}. Leave as it is.`, false],
    ["contact", input.agency.contact?.email ?? "", "Who to ask about these figures: an email address.", true],
    ["submitted", "", `The date you send the return, e.g. ${input.dueBy}. Due by ${longDate(input.dueBy)}.`, true],
  ];
  rows.forEach(([key, value, help, editable], i) => {
    const row = sheet.getRow(i + 1);
    text(row.getCell(1), key);
    text(row.getCell(2), value);
    text(row.getCell(3), help);
    row.getCell(1).font = { bold: true };
    row.getCell(3).font = { italic: true, color: { argb: "FF555555" } };
    const b = row.getCell(2);
    if (editable) {
      b.protection = { locked: false };
      b.fill = INPUT;
    } else b.fill = GREY;
  });
  return sheet;
}

function guidanceSheet(wb: Workbook, input: TemplateInput): Worksheet {
  const sheet = wb.addWorksheet("Guidance");
  sheet.columns = [{ width: 22 }, { width: 110 }];
  const lines = guidanceLines({ ...input, fileName: `${input.agency.id}.xlsx` });
  let n = 1;
  for (const line of lines) {
    if (line.kind === "heading" && n > 1) n++; // a blank row before each heading
    const row = sheet.getRow(n++);
    text(row.getCell(1), line.text);
    if (line.kind === "pair") {
      text(row.getCell(2), line.detail ?? "");
      row.getCell(1).font = { bold: true };
      row.getCell(1).alignment = { vertical: "top" };
      row.getCell(2).alignment = { vertical: "top", wrapText: true };
    } else if (line.kind === "title") row.getCell(1).font = { bold: true, size: 14 };
    else if (line.kind === "heading") row.getCell(1).font = { bold: true, size: 12 };
  }
  return sheet;
}

export async function templateXlsx(input: TemplateInput): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  wb.creator = "darep";
  wb.lastModifiedBy = "darep";
  wb.title = `${input.partnership}: ${input.agency.name}, ${input.period.year} ${input.period.quarter}`;
  wb.created = input.createdAt;
  wb.modified = input.createdAt;
  // The "(check)" formulas are written without results: the program that opens the file works them out.
  wb.calcProperties.fullCalcOnLoad = true;
  const sheets = [returnSheet(wb, input), aboutSheet(wb, input), guidanceSheet(wb, input)];
  for (const s of sheets) await protect(s);
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return fixZipDates(bytes, input.createdAt);
}

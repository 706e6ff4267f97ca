// An .xlsx file's bytes -> a RawTable from its `Return` sheet (or the sheet named by the caller, such
// as `Actions` for the action plan; else the first sheet), plus the
// key/value pairs of an `About` sheet. The zip is checked against the limits before exceljs,
// which is loaded only here so that reading CSV never pays for it.
import type { Workbook, Worksheet } from "exceljs";
import { issue } from "../issues/catalogue.js";
import type { Issue, Location, RawRow, ReadResult } from "../types.js";
import { cellText } from "./cell-text.js";
import type { ReadLimits } from "./limits.js";
import { capCellLength, isBlank, nameColumns, shapeTable } from "./table.js";
import { checkWorkbookZip } from "./zip-check.js";

class TooBig extends Error {}

// exceljs's Workbook alone: its package entry also loads the streaming reader and writer (unzipper and
// the rest), 0.2 s of CPU against 0.09 s for this, and reading a return needs none of them.
async function loadWorkbook(bytes: Buffer): Promise<Workbook> {
  const { default: WorkbookClass } = await import("exceljs/lib/doc/workbook.js");
  const workbook = new WorkbookClass();
  // exceljs types Buffer against an older @types/node; it is the same Buffer at run time
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook;
}

const named = (sheet: Worksheet, name: string) => sheet.name.trim().toLowerCase() === name;

/** The sheet's non-blank rows as records; a row whose cells are all blank is dropped, unless a merge covers a value there. */
function sheetRecords(sheet: Worksheet, limits: ReadLimits, where: Location, issues: Issue[]): RawRow[] {
  const records: RawRow[] = [];
  let cellCount = 0;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    const problems: NonNullable<RawRow["problems"]> = {};
    let keep = false;
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const read = cellText(cell);
      while (cells.length < col - 1) cells.push("");
      cells[col - 1] = read.text;
      if (read.problem) problems[col - 1] = read.problem;
      if (!isBlank(read.text) || read.coversValue) keep = true;
    });
    if (!keep) return;
    cellCount += cells.length;
    if (records.length > limits.maxRows) throw new TooBig(`more than ${limits.maxRows} rows`);
    if (cellCount > limits.maxCells) throw new TooBig(`more than ${limits.maxCells} cells`);
    const record: RawRow = { row: rowNumber, cells };
    if (Object.keys(problems).length > 0) record.problems = problems;
    capCellLength(record, limits, where, issues);
    records.push(record);
  });
  return records;
}

/** The About sheet's key/value rows (A: key, B: value), keys lower-cased and trimmed. */
function aboutPairs(sheet: Worksheet): Record<string, string> {
  const about: Record<string, string> = {};
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const key = cellText(row.getCell(1)).text.trim().toLowerCase();
    if (key !== "") about[key] = cellText(row.getCell(2)).text.trim();
  });
  return about;
}

export async function readXlsx(bytes: Buffer, file: string, limits: ReadLimits, kindFound: string, sheetName = "Return"): Promise<ReadResult> {
  const verdict = await checkWorkbookZip(bytes, limits, kindFound);
  if (!verdict.ok) return { table: null, issues: [issue(verdict.code, { file }, verdict.message, verdict.found ? { found: verdict.found } : {})] };

  let workbook: Workbook;
  try {
    workbook = await loadWorkbook(bytes);
  } catch (e) {
    return { table: null, issues: [issue("unreadable-file", { file }, `The workbook cannot be read (${(e as Error).message}).`)] };
  }
  const issues: Issue[] = [];
  const sheets = workbook.worksheets;
  const returnSheet = sheets.find((s) => named(s, sheetName.toLowerCase()));
  const aboutSheet = sheets.find((s) => named(s, "about"));
  const sheet = returnSheet ?? sheets.find((s) => s !== aboutSheet) ?? sheets[0];
  if (!sheet) return { table: null, issues: [issue("empty-file", { file }, "The workbook has no sheets.")] };
  const where: Location = { file, sheet: sheet.name };
  if (!returnSheet) issues.push(issue("missing-sheet", where, `The workbook has no sheet named '${sheetName}', so its first sheet '${sheet.name}' was read.`, { found: sheet.name, expected: sheetName }));

  let records: RawRow[];
  try {
    records = sheetRecords(sheet, limits, where, issues);
  } catch (e) {
    if (e instanceof TooBig) issues.push(issue("limit-exceeded", where, `The sheet has ${e.message}, more than a return can have; it was not read.`, { found: e.message }));
    else issues.push(issue("unreadable-file", where, `The sheet '${sheet.name}' cannot be read (${(e as Error).message}).`));
    return { table: null, issues };
  }
  const shaped = shapeTable(records, "xlsx", where);
  if (!shaped) {
    issues.push(issue("empty-file", where, `The sheet '${sheet.name}' has no rows with anything in them.`));
    return { table: null, issues };
  }
  issues.push(...shaped.issues);
  nameColumns(issues, shaped.header);
  const table: ReadResult["table"] = { file, format: "xlsx", sheet: sheet.name, header: shaped.header, rows: shaped.rows };
  if (aboutSheet && aboutSheet !== sheet) table.about = aboutPairs(aboutSheet);
  return { table, issues };
}

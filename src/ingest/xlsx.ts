// An .xlsx file's bytes -> a RawTable from its `Return` sheet (or the sheet named by the caller, such
// as `Actions` for the action plan; else the first sheet), plus the
// key/value pairs of an `About` sheet. The zip is checked against the limits and repaired where
// exceljs would fail (workbook-prepare.ts) before exceljs, which is loaded only here so that reading
// CSV never pays for it. Whatever exceljs still throws becomes an issue; its message never reaches
// a user.
import type { Workbook, Worksheet } from "exceljs";
import { issue } from "../issues/catalogue.js";
import type { Issue, Location, RawRow, ReadResult } from "../types.js";
import { cellText } from "./cell-text.js";
import type { ReadLimits } from "./limits.js";
import { isBlank } from "../words/characters.js";
import { capCellLength, nameColumns, shapeTable } from "./table.js";
import { prepareWorkbook, type SheetFacts } from "./workbook-prepare.js";

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

/** A hidden sheet and damaged cells of the sheet read, from what the repair saw. */
function sheetFindings(facts: SheetFacts | undefined, where: Location): Issue[] {
  if (!facts) return [];
  const found: Issue[] = [];
  if (facts.hidden) found.push(issue("hidden-sheet", where, `The sheet '${facts.name}' is hidden in Excel, but it is the one darep read.`, { found: facts.name }));
  for (const m of facts.repair.missingStrings) {
    const row = Number(/\d+$/.exec(m.cell)?.[0]);
    found.push(
      issue(
        "damaged-cell",
        { ...where, ...(row ? { row } : {}), cell: m.cell },
        `Cell ${m.cell} refers to text number ${m.index || "(none)"}, which the workbook does not hold; it was read as blank.`,
        { found: `text #${m.index}` },
      ),
    );
  }
  return found;
}

export async function readXlsx(bytes: Buffer, file: string, limits: ReadLimits, kindFound: string, sheetName = "Return"): Promise<ReadResult> {
  const prepared = await prepareWorkbook(bytes, limits, kindFound);
  if (!prepared.ok) return { table: null, issues: [issue(prepared.code, { file }, prepared.message, prepared.found ? { found: prepared.found } : {})] };

  let workbook: Workbook;
  try {
    workbook = await loadWorkbook(prepared.bytes);
  } catch {
    return {
      table: null,
      issues: [issue("unreadable-workbook", { file }, "The workbook's contents cannot be read: it may be damaged, or written by a program that does not follow the Excel format.")],
    };
  }
  const issues: Issue[] = [];
  if (prepared.macros) issues.push(issue("macro-workbook", { file }, "The workbook carries macros; darep never runs them and read the file as data only."));
  const sheets = workbook.worksheets;
  const returnSheet = sheets.find((s) => named(s, sheetName.toLowerCase()));
  const aboutSheet = sheets.find((s) => named(s, "about"));
  const sheet = returnSheet ?? sheets.find((s) => s !== aboutSheet) ?? sheets[0];
  if (!sheet) return { table: null, issues: [issue("empty-file", { file }, "The workbook has no sheets.")] };
  const where: Location = { file, sheet: sheet.name };
  if (!returnSheet)
    issues.push(issue("missing-sheet", where, `The workbook has no sheet named '${sheetName}', so its first sheet '${sheet.name}' was read.`, { found: sheet.name, expected: sheetName }));
  const facts = (s: Worksheet | undefined) => (s ? prepared.sheets.find((f) => f.name === s.name) : undefined);
  const ambiguous = [sheet, aboutSheet].map(facts).find((f) => f?.repair.duplicateCell);
  if (ambiguous)
    return {
      table: null,
      issues: [
        ...issues,
        issue(
          "ambiguous-file",
          { file, sheet: ambiguous.name, row: Number(/\d+$/.exec(ambiguous.repair.duplicateCell!)?.[0]), cell: ambiguous.repair.duplicateCell! },
          `Cell ${ambiguous.repair.duplicateCell} of the sheet '${ambiguous.name}' is given twice in the file, so two programs could read two different returns from it.`,
          { found: ambiguous.repair.duplicateCell! },
        ),
      ],
    };
  issues.push(...sheetFindings(facts(sheet), where));

  let records: RawRow[];
  try {
    records = sheetRecords(sheet, limits, where, issues);
  } catch (e) {
    if (e instanceof TooBig) issues.push(issue("limit-exceeded", where, `The sheet has ${e.message}, more than a return can have; it was not read.`, { found: e.message }));
    else issues.push(issue("unreadable-workbook", where, `The sheet '${sheet.name}' cannot be read: the workbook may be damaged, or written by a program that does not follow the Excel format.`));
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

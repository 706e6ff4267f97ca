// Records (rows of cell text with their row numbers) -> a RawTable's header and rows, with the
// structural findings both formats share: the header row, invisible characters in it, blank and
// duplicate column names, and (CSV only) rows with too many or too few cells.
import { issue, quote } from "../issues/catalogue.js";
import type { Issue, Location, RawRow } from "../types.js";
import { cellAddress, columnIndex } from "./address.js";
import type { ReadLimits } from "./limits.js";
import { formatNumber, hasInvisible, INVISIBLE } from "../words/index.js";
import { isBlank } from "../words/characters.js";
import { splitNumberAt } from "../words/split-number.js";

/** Blank a cell longer than the limit, so one runaway cell does not stop the rest being read. */
export function capCellLength(record: RawRow, limits: ReadLimits, where: Location, issues: Issue[]): void {
  record.cells.forEach((text, i) => {
    if (text.length <= limits.maxCellChars) return;
    record.cells[i] = "";
    const cell = cellAddress(i, record.row);
    issues.push(
      issue("limit-exceeded", { ...where, row: record.row, cell }, `Cell ${cell} holds ${text.length} characters, more than the limit of ${limits.maxCellChars}; it was read as blank.`, {
        found: quote(text, 40),
        expected: `at most ${limits.maxCellChars} characters`,
      }),
    );
  });
}

export interface Shaped {
  header: RawRow;
  rows: RawRow[];
  issues: Issue[];
}

/** Clean the header's names: NBSP becomes a space, zero-width characters go, then trim. */
function cleanHeader(header: RawRow, where: Location, issues: Issue[]): string[] {
  let first: { cell: string; text: string } | null = null;
  const names = header.cells.map((text, i) => {
    if (first === null && hasInvisible(text)) first = { cell: cellAddress(i, header.row), text };
    return text
      .replace(/\u00a0/g, " ")
      .replace(INVISIBLE, "")
      .trim();
  });
  if (first !== null) {
    const { cell, text } = first as { cell: string; text: string };
    const shown = text.replace(/\u00a0/g, "<NBSP>").replace(INVISIBLE, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}>`);
    issues.push(
      issue("invisible-characters", { ...where, row: header.row, cell }, `The header cell ${cell} holds invisible characters (non-breaking or zero-width spaces); they were ignored.`, {
        found: quote(shown),
      }),
    );
  }
  return names;
}

function findDuplicates(names: string[], header: RawRow, where: Location, issues: Issue[]): void {
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    if (name === "") return;
    const key = name.toLowerCase();
    const before = seen.get(key);
    if (before === undefined) return void seen.set(key, i);
    const cell = cellAddress(i, header.row);
    issues.push(
      issue("duplicate-header", { ...where, row: header.row, cell, column: name }, `The column name '${quote(name)}' in ${cell} is also used in ${cellAddress(before, header.row)}.`, {
        found: name,
      }),
    );
  });
}

/**
 * Shape non-blank records (the first one is the header) into a table.
 * `format` decides how cells beyond the header count: in a CSV a row can simply have more cells
 * than the header (extra-cell); in a sheet every column has a header cell, blank or not.
 */
export function shapeTable(records: RawRow[], format: "csv" | "xlsx", where: Location): Shaped | null {
  const [headerRecord, ...data] = records;
  if (!headerRecord) return null;
  const issues: Issue[] = [];
  const names = cleanHeader(headerRecord, where, issues);
  findDuplicates(names, headerRecord, where, issues);

  let named = names.length;
  while (named > 0 && names[named - 1] === "") named--;
  // Columns the file gives a (blank) header cell: all of them in a sheet, the header's own cells in a CSV.
  const headerSpan = format === "csv" ? names.length : Number.POSITIVE_INFINITY;
  const blankHeaderData = new Map<number, RawRow>();
  let width = named;

  const overflowing = new Set<RawRow>();
  const valueColumn = names.findIndex((n) => n.toLowerCase() === "value");
  const rows = data.map((record) => {
    const cells = [...record.cells];
    let lastFilled = -1;
    cells.forEach((text, i) => {
      if (isBlank(text)) return;
      lastFilled = i;
      if (i < headerSpan && (names[i] ?? "") === "" && !blankHeaderData.has(i)) blankHeaderData.set(i, record);
    });
    const row: RawRow = { row: record.row, cells };
    if (record.problems && Object.keys(record.problems).length > 0) row.problems = record.problems;
    if (format === "csv") checkCellCount(row, lastFilled);
    return row;
  });

  function checkCellCount(row: RawRow, lastFilled: number): void {
    const { cells } = row;
    // A value split by an unquoted thousands separator explains the surplus: the validator names it
    // at the value cell ("did you mean 1,032?") and the row keeps every cell so it can say so.
    if (valueColumn >= 0 && cells.length > headerSpan && splitNumberAt(cells, valueColumn, cells.length - headerSpan)) {
      row.problems = { ...row.problems, [valueColumn]: "unquoted-thousands" };
      overflowing.add(row);
      return;
    }
    const firstExtra = cells.findIndex((text, i) => i >= headerSpan && !isBlank(text));
    if (firstExtra >= 0) {
      const cell = cellAddress(firstExtra, row.row);
      issues.push(
        issue(
          "extra-cell",
          { ...where, row: row.row, cell },
          `Row ${row.row} has ${lastFilled + 1} cells but the header row has only ${headerSpan} columns; ${cell} holds '${quote(cells[firstExtra]!)}'.`,
          {
            found: quote(cells[firstExtra]!),
            expected: `at most ${headerSpan} cells`,
          },
        ),
      );
      // Keep the extra cells that hold something, so whoever reads the table can still show them.
      cells.length = lastFilled + 1;
      overflowing.add(row);
    } else if (cells.length < named) {
      const cell = cellAddress(cells.length, row.row);
      issues.push(
        issue(
          "missing-cell",
          { ...where, row: row.row, cell, column: names[cells.length] },
          `Row ${row.row} has ${cells.length} cells but the header row has ${named} columns; the missing cells were read as blank.`,
          {
            expected: `${named} cells`,
          },
        ),
      );
    }
  }

  // Consecutive such columns are one finding: a row filled out to column XFD is one mistake, not 16,000.
  const blanks = [...blankHeaderData].sort((a, b) => a[0] - b[0]);
  for (let k = 0; k < blanks.length; ) {
    let last = k;
    while (last + 1 < blanks.length && blanks[last + 1]![0] === blanks[last]![0] + 1) last++;
    const [i, record] = blanks[k]!;
    const end = blanks[last]![0];
    width = Math.max(width, end + 1);
    const cell = cellAddress(i, headerRecord.row);
    const example = cellAddress(i, record.row);
    const message =
      end === i
        ? `The header cell ${cell} is blank, but the column below it has data (first in ${example}).`
        : `The header cells ${cell} to ${cellAddress(end, headerRecord.row)} are blank, but the ${formatNumber(end - i + 1, 0)} columns below them have data (first in ${example}).`;
    issues.push(issue("blank-header", { ...where, row: headerRecord.row, cell }, message, { found: quote(record.cells[i] ?? "") }));
    k = last + 1;
  }
  // Every row as wide as the header: padded with "", and empty trailing cells (Excel's used range) cut.
  const fit = (cells: string[]) => {
    if (cells.length > width) cells.length = width;
    while (cells.length < width) cells.push("");
    return cells;
  };
  const header: RawRow = { row: headerRecord.row, cells: fit(names) };
  if (headerRecord.problems) header.problems = headerRecord.problems;
  for (const row of rows) if (!overflowing.has(row)) fit(row.cells);
  return { header, rows, issues };
}

/** Give cell-level issues the name of their column, now the header is known. */
export function nameColumns(issues: Issue[], header: RawRow): void {
  for (const i of issues) {
    if (i.column !== undefined || i.cell === undefined || i.row === undefined || i.row < header.row) continue;
    const name = header.cells[columnIndex(i.cell)];
    if (name) i.column = name;
  }
}

// The header row -> which column holds which field of the return, with the findings about it:
// a required column missing, no header at all, or an unknown column (a warning).
import { cellAddress } from "../words/cell-address.js";
import { issue, quote } from "../issues/catalogue.js";
import type { Issue, Location, RawTable } from "../types.js";
import { suggest } from "./suggest.js";

export const FIELDS = ["indicator", "measure", "category", "value", "note"] as const;
export type Field = (typeof FIELDS)[number];
const REQUIRED: readonly Field[] = ["indicator", "value"];

/** 0-based column index of each field, or -1 when the return has no such column. */
export type Columns = Record<Field, number>;

export function findColumns(table: RawTable): { columns: Columns | null; issues: Issue[] } {
  const issues: Issue[] = [];
  const where: Location = { file: table.file, ...(table.sheet ? { sheet: table.sheet } : {}) };
  const header = table.header;
  if (!header) return { columns: null, issues }; // the reader has already said the file is empty
  const columns = Object.fromEntries(FIELDS.map((f) => [f, -1])) as Columns;
  const unknown: number[] = [];
  header.cells.forEach((name, i) => {
    const key = name.trim().toLowerCase();
    if (key === "") return; // a blank header over data is the reader's finding (blank-header)
    if (/^\(.*\)$/.test(key)) return; // "(title)": a column for people, as darep's templates write, ignored
    const field = FIELDS.find((f) => f === key);
    if (field === undefined) unknown.push(i);
    else if (columns[field] === -1) columns[field] = i; // a second one is the reader's duplicate-header
  });

  const found = FIELDS.filter((f) => columns[f] >= 0);
  if (found.length === 0) {
    const first = header.cells
      .filter((c) => c.trim() !== "")
      .slice(0, 3)
      .map((c) => quote(c, 20))
      .join(", ");
    issues.push(
      issue(
        "missing-header",
        { ...where, row: header.row },
        `Row ${header.row}, the first row with anything in it, is not a header row: it names none of the columns indicator, measure, category, value, note.`,
        {
          found: first,
          expected: "a header row: indicator, measure, category, value, note",
        },
      ),
    );
    return { columns: null, issues };
  }
  for (const i of unknown) {
    const name = header.cells[i]!;
    const near = suggest(
      name,
      FIELDS.filter((f) => columns[f] < 0),
    );
    const cell = cellAddress(i, header.row);
    issues.push(
      issue("extra-column", { ...where, row: header.row, cell, column: name }, `The column '${quote(name)}' in ${cell} is not part of the return; it was ignored.`, {
        found: quote(name),
        expected: FIELDS.join(", "),
        ...(near ? { advice: `Did you mean '${near}'? Rename the column if so.` } : {}),
      }),
    );
  }
  const missing = REQUIRED.filter((f) => columns[f] < 0);
  for (const f of missing) {
    issues.push(
      issue("missing-column", { ...where, row: header.row, column: f }, `The header row (row ${header.row}) has no '${f}' column, so no figure could be read.`, {
        expected: `a column named '${f}'`,
      }),
    );
  }
  return { columns: missing.length ? null : columns, issues };
}

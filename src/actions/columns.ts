// The header row of an action plan or an assurance evidence file -> which column holds which field,
// matched loosely (case, spaces and punctuation do not matter: "Action No.", "Measure(s)", "RAG
// Rating" all match), with the findings about it. Shared by the two tables. Pure.
import { cellAddress } from "../words/cell-address.js";
import { issue, quote, type IssueCode } from "../issues/catalogue.js";
import type { Issue, Location, RawTable } from "../types.js";

export const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "");

export interface ColumnSpec<F extends string> {
  /** Each field's accepted header names, squashed ("actionno"); the first is the one templates write. */
  names: Record<F, readonly string[]>;
  required: readonly F[];
  /** The issue code for a required column that is missing. */
  missingCode: IssueCode;
  /** What the file is, for messages: "action plan". */
  what: string;
}

/** A cell's text as read, without the apostrophe darep's templates put before text that could run as a formula. */
export function cellValue(cells: readonly string[], index: number): string {
  if (index < 0) return "";
  const t = cells[index] ?? "";
  return /^'[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(t) ? t.slice(1) : t;
}

export function findColumns<F extends string>(table: RawTable, spec: ColumnSpec<F>): { columns: Record<F, number> | null; issues: Issue[] } {
  const issues: Issue[] = [];
  const where: Location = { file: table.file, ...(table.sheet ? { sheet: table.sheet } : {}) };
  const header = table.header;
  if (!header) return { columns: null, issues };
  const fields = Object.keys(spec.names) as F[];
  const columns = Object.fromEntries(fields.map((f) => [f, -1])) as Record<F, number>;
  header.cells.forEach((name, i) => {
    const key = squash(name);
    if (key === "" || /^\(.*\)$/.test(name.trim())) return; // blank (the reader's finding) or a column for people
    const field = fields.find((f) => spec.names[f].includes(key));
    if (field === undefined) {
      const cell = cellAddress(i, header.row);
      issues.push(
        issue("extra-column", { ...where, row: header.row, cell, column: name }, `The column '${quote(name)}' in ${cell} is not part of the ${spec.what}; it was ignored.`, {
          found: quote(name),
          expected: fields.map((f) => spec.names[f][0]).join(", "),
        }),
      );
    } else if (columns[field] === -1) columns[field] = i;
  });
  const missing = spec.required.filter((f) => columns[f] < 0);
  for (const f of missing) {
    issues.push(
      issue(spec.missingCode, { ...where, row: header.row, column: spec.names[f][0] }, `The header row (row ${header.row}) of the ${spec.what} has no '${spec.names[f][0]}' column.`, {
        expected: `a column named '${spec.names[f][0]}'`,
      }),
    );
  }
  return { columns: missing.length ? null : columns, issues };
}

// Validate: a raw table and the partnership's framework -> the return's figures and its issues.
// Never throws on data: everything wrong with a return comes back as an issue value.
import { columnIndex } from "../words/cell-address.js";
import { addLines } from "../issues/lines.js";
import type { Framework } from "../framework/types.js";
import type { Agency } from "../framework/schema.js";
import type { Figure, Issue, Period, RawTable } from "../types.js";
import { findColumns } from "./columns.js";
import { checkCategorySums, checkPartsOfWholes, dropDuplicates, missingIndicators } from "./figures.js";
import { identicalToPrevious, suddenChanges, yearToDateChecks } from "./quarters.js";
import { DUE_QUARTERS } from "../framework/frequency.js";
import { readRow } from "./row.js";

export { checkAbout } from "./about.js";
export { figureKey, isDue } from "./figures.js";
export { parseValue } from "./value.js";

export interface TableToValidate {
  table: RawTable;
  framework: Framework;
  agency: Agency;
  period: Period;
  /** The same agency's figures for the quarter before, for the cross-quarter warnings. */
  previous?: Figure[];
  /** A move bigger than this factor against last quarter is a warning. */
  suddenChangeFactor: number;
}

export interface Validated {
  figures: Figure[];
  issues: Issue[];
}

export function validateTable(input: TableToValidate): Validated {
  const { table, framework, agency, period } = input;
  const { columns, issues } = findColumns(table);
  if (!columns) return { figures: [], issues: inReadingOrder(issues) };

  const read: Figure[] = [];
  const given = new Set<string>();
  for (const row of table.rows) {
    const r = readRow(row, { table, columns, framework, agency, period });
    if (!r) continue;
    issues.push(...r.issues);
    if (r.indicator) given.add(r.indicator);
    if (r.figure) read.push(r.figure);
  }
  const { figures, issues: duplicates } = dropDuplicates(read);
  issues.push(...duplicates);
  issues.push(...missingIndicators(table.file, agency, framework, period.quarter, given));
  issues.push(...checkCategorySums(figures, framework), ...checkPartsOfWholes(figures, framework));
  if (input.previous?.length) {
    const ytd = yearToDateChecks(figures, input.previous, (f) => yearToDateKind(framework, f, period));
    issues.push(...ytd.issues, ...suddenChanges(ytd.compared, input.previous, input.suddenChangeFactor));
    issues.push(...identicalToPrevious(table.file, figures, input.previous));
  }
  inReadingOrder(issues);
  if (table.lines) addLines(issues, table.lines);
  return { figures: figures.filter((f) => !failedTogether(f, issues)), issues };
}

/** A year-to-date figure in its year's first due quarter starts again ("reset"); later ones are "within" the year. */
function yearToDateKind(framework: Framework, f: Figure, period: Period): "reset" | "within" | null {
  const ind = framework.byRef.get(f.indicator.toUpperCase());
  if (ind?.measures.find((m) => m.id === f.measure)?.reported !== "year-to-date") return null;
  return period.quarter <= DUE_QUARTERS[ind.frequency][0]! ? "reset" : "within";
}

/** In the order a person reads the file: whole-file findings first, then row by row, left to right (sorts in place). */
function inReadingOrder(issues: Issue[]): Issue[] {
  const order = (i: Issue) => (i.row ?? 0) * 1e4 + (i.cell ? columnIndex(i.cell) + 1 : 0);
  return issues.sort((a, b) => order(a) - order(b));
}

/**
 * A figure the checks across figures found wrong is not used: the report must not rest on it.
 * Categories that do not add up discredit the whole breakdown (total and categories), since darep
 * cannot tell which one is wrong; a part bigger than its whole discredits the part.
 */
function failedTogether(f: Figure, issues: Issue[]): boolean {
  return issues.some(
    (i) =>
      i.indicator === f.indicator &&
      i.measure === f.measure &&
      (i.code === "categories-do-not-add-up" || ((i.code === "part-exceeds-whole" || i.code === "year-to-date-fell") && (i.category ?? null) === f.category)),
  );
}

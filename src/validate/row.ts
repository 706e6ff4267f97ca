// One data row -> one figure, or the findings that stop it being one: which indicator, measure and
// category it is, and whether its value is a figure that measure can hold.
import type { Framework } from "../framework/types.js";
import type { Agency, Indicator, Measure } from "../framework/schema.js";
import { cellAddress } from "../words/cell-address.js";
import { isBlankRow } from "../words/characters.js";
import { issue, quote, type IssueCode } from "../issues/catalogue.js";
import type { Figure, Issue, Location, Period, RawRow, RawTable } from "../types.js";
import { INVISIBLE } from "../words/index.js";
import type { Columns, Field } from "./columns.js";
import { listOf, suggest } from "./suggest.js";
import { splitNumberAt } from "../words/split-number.js";
import { parseValue } from "./value.js";

export interface RowContext {
  table: RawTable;
  columns: Columns;
  framework: Framework;
  agency: Agency;
  period: Period;
}

export interface RowResult {
  figure: Figure | null;
  /** The indicator the row is about, once recognised (even when its value is bad). */
  indicator: string | null;
  issues: Issue[];
}

function clean(text: string): { text: string; invisible: boolean } {
  const stripped = text.replace(INVISIBLE, (c) => (c === "\u00a0" ? " " : ""));
  return { text: stripped.trim(), invisible: stripped !== text };
}

/** What the row's figure is about, for the issue's fields. */
interface Subject {
  indicator?: string;
  measure?: string;
  category?: string;
}

export function readRow(row: RawRow, ctx: RowContext): RowResult | null {
  if (isBlankRow(row.cells)) return null;
  const { table, columns } = ctx;
  const issues: Issue[] = [];
  const subject: Subject = {};
  const place = (field: Field): Location => {
    const col = columns[field];
    const header = col >= 0 ? ctx.table.header?.cells[col] : undefined;
    return {
      file: table.file,
      ...(table.sheet ? { sheet: table.sheet } : {}),
      row: row.row,
      ...(col >= 0 ? { cell: cellAddress(col, row.row), column: header || field } : { column: field }),
    };
  };
  const report = (code: IssueCode, field: Field, message: string, extra: Partial<Issue> = {}) => issues.push(issue(code, place(field), message, { ...subject, ...extra }));
  const text = (field: Field) => (columns[field] >= 0 ? (row.cells[columns[field]] ?? "") : "");

  // Problems the reader saw that the text cannot carry (formula without result, merged cell).
  let blocked = false;
  for (const [col, code] of Object.entries(row.problems ?? {})) {
    const field = (Object.keys(columns) as Field[]).find((f) => columns[f] === Number(col));
    if (!field || field === "note") continue;
    const cell = cellAddress(Number(col), row.row);
    if (code === "unquoted-thousands") {
      report(code, field, ...splitNumberWords(row, Number(col), cell, ctx.table.header?.cells.length ?? 0));
      blocked = true;
      continue;
    }
    const message = code === "merged-cells" ? `${cell} is part of a merged range, so it holds no value of its own.` : `${cell} holds a formula whose result was never saved.`;
    report(code, field, message);
    blocked = true;
  }
  if (blocked) return { figure: null, indicator: null, issues };

  // A reference pasted from a web page or an email often carries a non-breaking or zero-width space.
  const reference = (field: "indicator" | "measure" | "category"): string => {
    const r = clean(text(field));
    if (r.invisible)
      report(
        "invisible-characters",
        field,
        `The ${field === "indicator" ? "indicator reference" : field} '${quote(r.text)}' holds invisible characters (non-breaking or zero-width spaces); they were ignored.`,
      );
    return r.text;
  };
  const ref = reference("indicator");
  const indicator = ctx.framework.byRef.get(ref.toUpperCase());
  if (!indicator) {
    const own = ctx.agency.indicators;
    const near =
      suggest(ref, own) ??
      suggest(
        ref,
        ctx.framework.indicators.map((i) => i.ref),
      );
    const message = ref === "" ? "The indicator cell is blank, so darep cannot tell what this figure is." : `'${quote(ref)}' is not an indicator in the ${ctx.framework.info.name}.`;
    report("unknown-indicator", "indicator", message, {
      found: quote(ref),
      expected: `one of ${ctx.agency.name}'s indicators: ${listOf(own)}`,
      ...(near ? { advice: `Did you mean ${near}?` } : {}),
    });
    return { figure: null, indicator: null, issues };
  }
  subject.indicator = indicator.ref;
  if (!ctx.agency.indicators.some((r) => r.toUpperCase() === indicator.ref.toUpperCase())) {
    report("not-reported-by-agency", "indicator", `${indicator.ref} (${indicator.title}) is not one of the indicators ${ctx.agency.name} reports.`, {
      found: indicator.ref,
      expected: listOf(ctx.agency.indicators),
    });
    return { figure: null, indicator: null, issues };
  }

  const measure = findMeasure(indicator, reference("measure"), report);
  if (!measure) return { figure: null, indicator: indicator.ref, issues };
  subject.measure = measure.id;
  const category = findCategory(indicator, measure, reference("category"), report);
  if (category === undefined) return { figure: null, indicator: indicator.ref, issues };
  if (category !== null) subject.category = category;

  const parsed = parseValue(text("value"), measure.unit);
  if (!parsed.ok) {
    report(parsed.code, "value", `${parsed.message}`, { found: quote(text("value")), expected: parsed.expected, ...(parsed.advice ? { advice: parsed.advice } : {}) });
    return { figure: null, indicator: indicator.ref, issues };
  }
  if (parsed.value !== null && !checkRange(parsed.value, measure, text("value"), report)) return { figure: null, indicator: indicator.ref, issues };

  const note = text("note").trim();
  const figure: Figure = {
    agency: ctx.agency.id,
    year: ctx.period.year,
    quarter: ctx.period.quarter,
    indicator: indicator.ref,
    measure: measure.id,
    category,
    value: parsed.value,
    symbol: parsed.symbol,
    ...(note ? { note } : {}),
    source: place("value"),
  };
  return { figure, indicator: indicator.ref, issues };
}

/** The message and details for a value split by its thousands separator ("1" and "032" in two cells). */
function splitNumberWords(row: RawRow, col: number, cell: string, headerWidth: number): [string, Partial<Issue>] {
  const split = splitNumberAt(row.cells, col, row.cells.length - headerWidth);
  const joined = split?.joined ?? row.cells[col] ?? "";
  const parts = row.cells
    .slice(col, col + (split?.cells ?? 1))
    .map((c) => `'${quote(c)}'`)
    .join(", ");
  return [
    `Row ${row.row} has more cells than the header because the value ${quote(joined)} is split at its comma into ${parts}, from ${cell} on.`,
    {
      found: parts,
      expected: "one value cell",
      advice: `Did you mean ${quote(joined)}? Put numbers with commas in quotes ("${quote(joined)}"), or leave the comma out (${quote(joined.replace(/,/g, ""))}).`,
    },
  ];
}

type Report = (code: IssueCode, field: Field, message: string, extra?: Partial<Issue>) => void;

function findMeasure(indicator: Indicator, typed: string, report: Report): Measure | null {
  const ids = indicator.measures.map((m) => m.id);
  if (typed === "") {
    if (indicator.measures.length === 1) return indicator.measures[0]!;
    report("missing-measure", "measure", `${indicator.ref} has ${ids.length} measures, so the measure column must say which one this figure is.`, { expected: `one of ${listOf(ids)}` });
    return null;
  }
  const key = typed.toLowerCase();
  const measure = indicator.measures.find((m) => m.id === key || m.label.toLowerCase() === key);
  if (measure) return measure;
  const near = suggest(typed, ids);
  report("unknown-measure", "measure", `'${quote(typed)}' is not a measure of ${indicator.ref} (${indicator.title}).`, {
    found: quote(typed),
    expected: `one of ${listOf(ids)}`,
    ...(near ? { advice: `Did you mean '${near}'?` } : {}),
  });
  return null;
}

/** The category id, null for the total, or undefined when the category is not one of the measure's. */
function findCategory(indicator: Indicator, measure: Measure, typed: string, report: Report): string | null | undefined {
  const values = measure.categories?.values ?? [];
  const key = typed.toLowerCase();
  if (key === "" || (key === "total" && !values.some((c) => c.id === "total"))) return null;
  const found = values.find((c) => c.id === key || c.label.toLowerCase() === key);
  if (found) return found.id;
  const ids = values.map((c) => c.id);
  const near = suggest(typed, ids);
  report(
    "unknown-category",
    "category",
    ids.length
      ? `'${quote(typed)}' is not one of the ${measure.categories!.dimension} categories of ${indicator.ref} ${measure.id}.`
      : `${indicator.ref} ${measure.id} has no breakdown, but this row names the category '${quote(typed)}'.`,
    {
      found: quote(typed),
      expected: ids.length ? `blank for the total, or one of ${listOf(ids, 20)}` : "a blank category (the total)",
      ...(near ? { advice: `Did you mean '${near}'?` } : {}),
    },
  );
  return undefined;
}

/** The finding that puts a value out of its measure's range, or null when it is within it. */
function rangeProblem(value: number, measure: Measure): { code: IssueCode; why: string; expected: string } | null {
  if (measure.unit === "count" && value < 0) return { code: "negative-count", why: "is below zero, but a count cannot be", expected: "a whole number, 0 or more" };
  if (measure.unit === "count" && !Number.isInteger(value)) return { code: "fractional-count", why: "is not a whole number, but this measure counts people or events", expected: "a whole number" };
  if (measure.unit === "percent" && (value < 0 || value > 100)) return { code: "percent-out-of-range", why: "is outside 0-100%", expected: "a percentage from 0 to 100" };
  const min = measure.min ?? 0;
  if (value >= min && (measure.max === undefined || value <= measure.max)) return null;
  const range = measure.max !== undefined ? `from ${min} to ${measure.max}` : `${min} or more`;
  return { code: "value-out-of-range", why: `is outside the range this measure allows (${range})`, expected: range };
}

function checkRange(value: number, measure: Measure, shown: string, report: Report): boolean {
  const problem = rangeProblem(value, measure);
  if (!problem) return true;
  const found = quote(shown.trim());
  report(problem.code, "value", `${found} ${problem.why}.`, { found, expected: problem.expected });
  return false;
}

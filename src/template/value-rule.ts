// The checks on a value cell, written as spreadsheet formulas relative to the cell: a custom
// data-validation rule with its error alert on (Excel and LibreOffice turn away what darep cannot
// read: a count that is negative or not whole, a percentage outside 0-100, text that is no GSS
// symbol), an input message saying what is allowed, and the words of the helper "(check)" column, so
// that a wrong cell is told in words as well as by the red of its conditional format (pasted values
// skip validation; the words and the colour still catch them).
//
// Excel evaluates every argument of OR and AND, so the number test is guarded by IF: comparing text
// with INT() would give #VALUE!, and an error in a conditional format counts as false.
import type { TemplateRow } from "./rows.js";

export interface ValueRule {
  /** TRUE when the cell holds a figure darep can read; without "=", relative to `cell`. */
  formula: string;
  /** The conditional format's test: filled in, and not a readable figure. */
  invalidFormula: string;
  /** The error alert's title (at most 32 characters) and text (at most 255). */
  errorTitle: string;
  error: string;
  /** Excel allows at most 32 characters. */
  promptTitle: string;
  /** Excel allows at most 255 characters. */
  prompt: string;
}

/** The symbols that stand alone in a value cell; [u] goes before a figure. */
export const SYMBOLS = ["[c]", "[x]", "[z]"] as const;

/** The range a row's value must fall in: counts are whole and not negative, percentages 0 to 100. */
export function valueRange(row: Pick<TemplateRow, "unit" | "min" | "max">): { min?: number; max?: number; whole: boolean } {
  if (row.unit === "count") return { min: Math.max(row.min ?? 0, 0), max: row.max, whole: true };
  if (row.unit === "percent") return { min: Math.max(row.min ?? 0, 0), max: Math.min(row.max ?? 100, 100), whole: false };
  return { min: row.min, max: row.max, whole: false };
}

function numberWords(row: TemplateRow): string {
  const r = valueRange(row);
  if (row.unit === "count") return r.max === undefined ? `A whole number, ${r.min} or more.` : `A whole number from ${r.min} to ${r.max}.`;
  if (row.unit === "percent") return `A percentage from ${r.min} to ${r.max}: type 45 or 45%.`;
  if (r.min !== undefined && r.max !== undefined) return `A number from ${r.min} to ${r.max}.`;
  if (r.min !== undefined) return `A number, ${r.min} or more.`;
  if (r.max !== undefined) return `A number, at most ${r.max}.`;
  return "A number.";
}

export function valueRule(row: TemplateRow, cell: string): ValueRule {
  const r = valueRange(row);
  const tests: string[] = [];
  if (r.min !== undefined) tests.push(`${cell}>=${r.min}`);
  if (r.max !== undefined) tests.push(`${cell}<=${r.max}`);
  if (r.whole) tests.push(`${cell}=INT(${cell})`);
  const numberTest = tests.length === 0 ? "TRUE" : tests.length === 1 ? tests[0]! : `AND(${tests.join(",")})`;
  const symbolTest = `OR(${SYMBOLS.map((x) => `${cell}="${x}"`).join(",")},AND(LEFT(${cell},3)="[u]",ISNUMBER(-SUBSTITUTE(MID(${cell},4,40),"%",""))))`;
  const formula = `IF(ISNUMBER(${cell}),${numberTest},${symbolTest})`;
  return {
    formula,
    invalidFormula: `AND(${cell}<>"",NOT(${formula}))`,
    errorTitle: "Not a figure darep can read",
    error: `${numberWords(row)} Or one of [c] confidential, [x] not available, [z] not applicable, or [u] and the figure. Never a blank, a *, or a fraction for a percentage.`,
    promptTitle: row.unit === "percent" ? "Percentage or symbol" : row.unit === "count" ? "Count or symbol" : "Number or symbol",
    prompt: `${numberWords(row)} Or pick a symbol: [c] confidential, [x] not available, [z] not applicable; ` + "or type [u] and the figure if it is of low reliability. Never leave it blank.",
  };
}

/**
 * The "(check)" column's formula for a row, relative to its value cell: words when the value cannot
 * be read, and on a total with a breakdown whether the categories (the `parts` rows below) add up to
 * it, once every category holds a number.
 */
export function checkFormula(row: TemplateRow, cell: string, partsRange: string | null): string {
  const unreadable = `IF(AND(${cell}<>"",NOT(${valueRule(row, cell).formula})),"not a figure darep can read"`;
  if (!partsRange) return `${unreadable},"")`;
  const sum = `SUM(${partsRange})`;
  const adds = `IF(OR(NOT(ISNUMBER(${cell})),COUNT(${partsRange})<ROWS(${partsRange})),"",IF(${sum}=${cell},"categories add up","categories add up to "&${sum}&", not "&${cell}))`;
  return `${unreadable},${adds})`;
}

/** Whether two rows take the same validation rule (so consecutive ones share one range). */
export function sameRule(a: TemplateRow, b: TemplateRow): boolean {
  const [x, y] = [valueRange(a), valueRange(b)];
  return a.unit === b.unit && x.min === y.min && x.max === y.max && x.whole === y.whole;
}

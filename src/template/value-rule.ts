// The checks on one value cell. Excel gives a cell one data-validation rule: a list rule shows a
// dropdown but turns away anything not in the list (every number), while a custom rule can test
// numbers but shows no dropdown. So the cell gets both halves: a list rule offering the symbols as a
// dropdown, its error alert off so that numbers can be typed, with an input message saying what is
// allowed; and a conditional format that turns the cell red when its content is neither a number in
// the measure's range nor a symbol (which also catches pasted values, which validation never sees).
//
// Excel evaluates every argument of OR and AND, so the number test is guarded by IF: comparing text
// with INT() would give #VALUE!, and an error in a conditional format counts as false.
import type { TemplateRow } from "./rows.js";

export interface ValueRule {
  /** TRUE when the cell holds a figure darep can read; without "=", relative to `cell`. */
  formula: string;
  /** The conditional format's test: filled in, and not a readable figure. */
  invalidFormula: string;
  /** The dropdown's entries, as a data-validation list formula. */
  list: string;
  /** Excel allows at most 32 characters. */
  promptTitle: string;
  /** Excel allows at most 255 characters. */
  prompt: string;
}

/** The symbols offered in the dropdown; [u] goes before a figure, so it is typed, not picked. */
export const DROPDOWN_SYMBOLS = ["[c]", "[x]", "[z]"] as const;

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
  const symbolTest = `OR(${cell}="[c]",${cell}="[x]",${cell}="[z]",AND(LEFT(${cell},3)="[u]",ISNUMBER(-SUBSTITUTE(MID(${cell},4,40),"%",""))))`;
  const formula = `IF(ISNUMBER(${cell}),${numberTest},${symbolTest})`;
  return {
    formula,
    invalidFormula: `AND(${cell}<>"",NOT(${formula}))`,
    list: `"${DROPDOWN_SYMBOLS.join(",")}"`,
    promptTitle: row.unit === "percent" ? "Percentage or symbol" : row.unit === "count" ? "Count or symbol" : "Number or symbol",
    prompt:
      `${numberWords(row)} Or pick a symbol: [c] confidential, [x] not available, [z] not applicable; ` +
      "or type [u] and the figure if it is of low reliability. Never leave it blank. Red means darep cannot read it.",
  };
}

// Neutralise spreadsheet formula injection in text darep writes into a cell (OWASP "CSV Injection"):
// a cell that starts with = + - @, a tab or a carriage return is read by Excel and LibreOffice as a
// formula, so such text from a schema, a config or a return is written with a leading apostrophe.

/** The characters that make a spreadsheet treat a cell as a formula; full-width forms too, which
 * some Excel input methods turn into their plain forms. */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** The text as it is safe to put in a cell: unchanged, or with a leading ' when it could run as a formula. */
export function safeCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Whether a spreadsheet could read the text as a formula. */
export function couldBeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** Quote a field when it holds a comma, a quote or a line break (RFC 4180); nothing else changes. */
export function quotedField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Quote a field when it holds a comma, a quote or a line break (RFC 4180), after neutralising formulas. */
export function csvField(value: string): string {
  return quotedField(safeCell(value));
}

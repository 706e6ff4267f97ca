// One value cell's text -> a number or a GSS symbol, or the reason it is neither. Knows units,
// not indicators: the caller checks ranges against the measure's schema.
import type { Unit } from "../framework/schema.js";
import { numberText, percentText } from "../words/number-text.js";
import { quote, type IssueCode } from "../issues/catalogue.js";
import type { GssSymbol } from "../types.js";
import { INVISIBLE } from "../words/index.js";

export type ParsedValue = { ok: true; value: number | null; symbol: GssSymbol | null } | { ok: false; code: IssueCode; message: string; expected: string; advice?: string };

const SPREADSHEET_ERROR = /^#(?:DIV\/0!|REF!|VALUE!|NAME\?|N\/A|NUM!|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|UNKNOWN!|GETTING_DATA)$/i;
/** Marks agencies use for "small number" or "not available" that are not the GSS symbols. */
const LOCAL_MARK = /^(?:\*+|[-\u2013\u2014]+|[<>\u2264\u2265]=?\s*\d+(?:\.\d+)?|n\s*\/\s*a|n\.a\.?|na|\.\.+|:|~|[cxzu]|supp(?:ressed)?|redacted|withheld)$/i;
/** 1234, 1,234 (grouped by threes), 12.5, .5, with an optional minus. */
const NUMBER = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^-?\.\d+$/;
const EXPONENT = /^-?\d+(?:\.\d+)?e[+-]?\d+$/i;
/** 74,5 or 0,74 (one or two decimals), or 1.234,5 (points grouping thousands): a European decimal comma. */
const DECIMAL_COMMA = /^-?\d+,\d{1,2}$|^-?\d{1,3}(?:\.\d{3})+,\d+$/;
/**
 * No figure is longer than this ("[u] 1,234,567,890.0000000001%" is 30). Longer text is refused before
 * the patterns below see it: some of them take time growing with the square of the length, and a cell
 * may hold 10,000 characters.
 */
const MAX_FIGURE_CHARS = 64;

const EXPECTED: Record<Unit, string> = {
  count: "a whole number such as 1234, or [c], [x], [z]",
  percent: "a percentage such as 45 or 45%, or [c], [x], [z]",
  rate: "a number such as 12.5, or [c], [x], [z]",
  days: "a number of days such as 14, or [c], [x], [z]",
  amount: "an amount such as 1234.50, or [c], [x], [z]",
};

function fail(code: IssueCode, message: string, unit: Unit, advice?: string): ParsedValue {
  return { ok: false, code, message, expected: EXPECTED[unit], ...(advice ? { advice } : {}) };
}

function plainNumber(t: string, unit: Unit): ParsedValue {
  const shown = quote(t);
  if (t.length > MAX_FIGURE_CHARS) return fail("invalid-value", `'${shown}' is too long to be a figure.`, unit);
  let s = t;
  if (unit === "amount") s = s.replace(/^(-?)£\s*/, "$1");
  const percent = /^(.*?)\s*%$/.exec(s);
  if (percent) {
    if (unit !== "percent") return fail("invalid-value", `'${shown}' is a percentage, but this measure is a ${unit}.`, unit, "Write the figure itself, without a % sign.");
    s = percent[1]!;
  }
  if (NUMBER.test(s)) {
    const n = Number(s.replace(/,/g, ""));
    // Beyond this, a count is no longer held exactly (and 400 digits would be read as Infinity).
    if (Math.abs(n) > Number.MAX_SAFE_INTEGER) return fail("invalid-value", `'${shown}' is too large to be a figure.`, unit, "Check the figure: it has more digits than any return's figure could.");
    // 0.74 in a percent measure is nearly always 74% written as a fraction (Gnumeric's CSV export,
    // pasted values); read as it stands it would reach the board 100 times too small.
    if (unit === "percent" && !percent && n > 0 && n < 1)
      return fail(
        "percent-as-fraction",
        `'${shown}' is a bare number between 0 and 1 in a percentage measure, so it would be read as ${numberText(n)}%.`,
        unit,
        `Did you mean ${percentText(n)}? Write ${percentText(n)}; write ${numberText(n)}% if you really mean less than one per cent.`,
      );
    return { ok: true, value: n === 0 ? 0 : n, symbol: null }; // "-0" is 0, never a "-0" in the report
  }
  if (DECIMAL_COMMA.test(s)) {
    const meant = s.replace(/\./g, "").replace(",", ".");
    return fail(
      "decimal-comma",
      `'${shown}' uses a comma as its decimal point.`,
      unit,
      `Did you mean ${meant}${percent ? "%" : ""}? Write the decimal point as a full stop; darep reads a comma only as a thousands separator.`,
    );
  }
  if (EXPONENT.test(s)) {
    const n = Number(s);
    return fail(
      "invalid-value",
      `'${shown}' is written in scientific notation.`,
      unit,
      `Write it out in full${Number.isFinite(n) && Math.abs(n) < 1e15 ? `, e.g. ${numberText(n)}` : ""}: Excel shows large numbers this way when the column is too narrow.`,
    );
  }
  if (/^[=+@\t\r]/.test(s)) return fail("invalid-value", `'${shown}' looks like a spreadsheet formula, not a figure.`, unit, "Paste the figure as a value.");
  if (/^-?[\d,]*\d[\d,]*(?:\.\d+)?$/.test(s)) return fail("invalid-value", `'${shown}' has its thousands separators in the wrong places.`, unit, "Write 1234 or 1,234.");
  return fail("invalid-value", `'${shown}' is not a number, a percentage or a GSS symbol.`, unit);
}

/** Read a value cell's text as the returns contract says; `unit` decides what a bare number means. */
export function parseValue(text: string, unit: Unit): ParsedValue {
  const t = text.replace(INVISIBLE, " ").trim();
  if (t === "") return fail("blank-value", "The value is blank; a blank is never read as 0.", unit, "Write the figure, or [x] if it is not available.");
  if (SPREADSHEET_ERROR.test(t)) return fail("formula-error", `The cell shows the spreadsheet error ${t.toUpperCase()}.`, unit);
  const gss = /^\[\s*([cxzu])\s*\]\s*(.*)$/i.exec(t);
  if (gss) {
    const symbol = gss[1]!.toLowerCase() as GssSymbol;
    const rest = gss[2]!;
    if (symbol === "u") {
      if (rest === "") return fail("invalid-value", "[u] (low reliability) must be followed by the figure, e.g. '[u] 12'.", unit);
      const n = plainNumber(rest, unit);
      return n.ok ? { ...n, symbol } : n;
    }
    if (rest !== "")
      return fail("invalid-value", `[${symbol}] stands alone in the cell, but '${quote(t)}' has more after it.`, unit, `Write just [${symbol}], and put any explanation in the note column.`);
    return { ok: true, value: null, symbol };
  }
  if (LOCAL_MARK.test(t))
    return fail(
      "local-suppression-mark",
      `'${quote(t)}' is a local mark, not a figure; darep does not guess what it stands for.`,
      unit,
      "Write [c] for a figure withheld to protect people, or [x] for one not available.",
    );
  return plainNumber(t, unit);
}

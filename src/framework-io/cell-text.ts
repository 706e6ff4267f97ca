// How the framework spreadsheet writes the fields that are more than one word or number in a cell:
// targets by year ("2025-26: 300; 2026-27: 320"), an at-risk band ("5%; 2") and comparators (one per
// line, "value | what it is | source | period | unit"). Each is read and written here, so that export
// then import gives the same framework (pure).

type Parsed = { value?: unknown; error?: string };

/**
 * A number as a person writes it in the framework spreadsheet: 300, -2.5, 1,320 (commas only as
 * thousands groups). "2,5" is refused rather than read as 25, and "0x10" or "1e3" are no numbers here.
 */
export function readNumber(text: string): number | null {
  const t = text.trim();
  if (!/^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^[-+]?\.\d+$/.test(t)) return null;
  return Number(t.replace(/,/g, ""));
}

/** The words for a cell that is no number: a decimal comma is named, since it would read ten times too big. */
export function numberError(text: string): string {
  return /^\s*[-+]?\d+,\d{1,2}\s*%?\s*$/.test(text) || /^\s*[-+]?\d+,\d{4,}/.test(text)
    ? `must be a number with a decimal point: write ${text.trim().replace(",", ".")}, not ${text.trim()}`
    : "must be a number, e.g. 300 or 2.5";
}

const number = readNumber;
/** Percent <-> fraction without floating-point dust (7% is 0.07, not 0.07000000000000001). */
const tidy = (n: number) => Number(n.toPrecision(12));
const parts = (text: string, separator: string | RegExp) =>
  text
    .split(separator)
    .map((s) => s.trim())
    .filter(Boolean);

export function readYearAmounts(text: string): Parsed {
  const value: Record<string, number> = {};
  for (const pair of parts(text, ";")) {
    const m = /^(\S+)\s*:\s*(.+)$/.exec(pair);
    const amount = m ? number(m[2]!) : null;
    if (!m || amount === null) return { error: "must be year: amount pairs separated by ';', e.g. 2025-26: 300; 2026-27: 320 (with a decimal point, not a comma)" };
    if (Object.hasOwn(value, m[1]!)) return { error: `gives ${m[1]} twice; give each year once` };
    value[m[1]!] = amount;
  }
  return { value };
}

export function writeYearAmounts(value: Record<string, number>): string {
  return Object.entries(value)
    .map(([year, amount]) => `${year}: ${amount}`)
    .join("; ");
}

export function readBand(text: string): Parsed {
  const value: { relative?: number; absolute?: number } = {};
  for (const part of parts(text, ";")) {
    const percent = part.endsWith("%");
    const n = number(percent ? part.slice(0, -1).trim() : part);
    const key = percent ? "relative" : "absolute";
    if (n === null || n < 0 || value[key] !== undefined)
      return { error: `must be a percentage of the target, an amount in the measure's unit, or both, e.g. 5%; 2 (with a decimal point, not a comma)` };
    value[key] = percent ? tidy(n / 100) : n;
  }
  if (Object.keys(value).length === 0) return { error: "must be a percentage of the target, an amount in the measure's unit, or both, e.g. 5%; 2" };
  return { value };
}

export function writeBand(value: { relative?: number; absolute?: number }): string {
  return [value.relative !== undefined ? `${tidy(value.relative * 100)}%` : "", value.absolute !== undefined ? String(value.absolute) : ""].filter(Boolean).join("; ");
}

export interface ComparatorCell {
  value: number;
  label: string;
  source: string;
  period: string;
  unit?: string;
}

export function readComparators(text: string): Parsed {
  const value: ComparatorCell[] = [];
  for (const line of parts(text, /\r?\n/)) {
    const [figure, label, source, period, unit, ...more] = line.split("|").map((s) => s.trim());
    const n = figure === undefined ? null : number(figure);
    if (n === null || !label || !source || !period || more.length)
      return { error: "must give each comparator on its own line as value | what it is | source | period, and | unit when it differs from the measure's" };
    value.push({ value: n, label, source, period, ...(unit ? { unit } : {}) });
  }
  return { value };
}

/** The comparators as cell text, or null when a field holds a '|' or a line break the cell cannot show. */
export function writeComparators(value: ComparatorCell[]): string | null {
  const fields = value.flatMap((c) => [c.label, c.source, c.period, c.unit ?? ""]);
  if (fields.some((f) => /[|\r\n]/.test(f))) return null;
  return value.map((c) => [c.value, c.label, c.source, c.period, ...(c.unit ? [c.unit] : [])].join(" | ")).join("\n");
}

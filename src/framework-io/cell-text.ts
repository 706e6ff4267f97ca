// How the framework spreadsheet writes the fields that are more than one word or number in a cell:
// targets by year ("2025-26: 300; 2026-27: 320"), an at-risk band ("5%; 2") and comparators (one per
// line, "value | what it is | source | period | unit"). Each is read and written here, so that export
// then import gives the same framework (pure).

type Parsed = { value?: unknown; error?: string };

const number = (text: string) => {
  const n = Number(text.replace(/,/g, ""));
  return Number.isFinite(n) && /\d/.test(text) ? n : null;
};
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
    if (!m || amount === null) return { error: "must be year: amount pairs separated by ';', e.g. 2025-26: 300; 2026-27: 320" };
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
    if (n === null || n < 0 || value[key] !== undefined) return { error: "must be a percentage of the target, an amount in the measure's unit, or both, e.g. 5%; 2" };
    value[key] = percent ? tidy(n / 100) : n;
  }
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

// Shared parts of the property-based tests: how many runs, the strings that break parsers, and the
// invariants every result of ingest and validate must keep, whatever the input.
//
// FUZZ_RUNS sets the number of runs per property (default 200, so `npm test` stays quick; `npm run fuzz`
// uses 20000). The seed is fixed for the default runs, so `npm test` is repeatable; with FUZZ_RUNS set it
// is random (fast-check prints it with any counterexample), and FUZZ_SEED replays one.
import fc from "fast-check";
import { expect } from "vitest";
import { CATALOGUE, type IssueCode } from "../../src/issues/catalogue.js";
import type { Figure, Issue, RawTable } from "../../src/types.js";

export const RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? 200));
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : process.env.FUZZ_RUNS ? undefined : 20261125;

/** fast-check parameters: `share` of the runs (for properties that cost a workbook each), and a per-run time limit. */
export function params(share = 1): fc.Parameters<unknown> {
  return { numRuns: Math.max(5, Math.round(RUNS * share)), ...(SEED !== undefined ? { seed: SEED } : {}), timeout: 20_000 };
}

/** A vitest time limit for a property of `runs` runs taking up to `each` ms. */
export const budget = (share = 1, each = 20) => 60_000 + Math.round(RUNS * share) * each;

// --- strings ---

/** Text people, tools and attackers put in cells. */
export const NASTY = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "__defineGetter__",
  "__proto__.polluted",
  "constructor.prototype.polluted",
  "{{constructor}}",
  "{{{raw}}}",
  "{{#each this}}x{{/each}}",
  "<script>alert(1)</script>",
  '<img src="https://example.com/x.png">',
  "javascript:alert(1)",
  "=1+1",
  "+1",
  "-1",
  "@SUM(1)",
  '=HYPERLINK("http://x")',
  "\t=1",
  "\r=1",
  "\u0000",
  "\u001b[31m",
  "\u009b31m",
  "\u202e",
  "\u2066",
  "\ufeff",
  "\u00a0",
  "\u200b",
  "\u2060",
  "\r\n",
  "\r",
  "\n",
  '"',
  '""',
  ",",
  ";",
  "\t",
  "%",
  "'",
  "[c]",
  "[x]",
  "[z]",
  "[u]",
  "[u] 12",
  "[c] 5",
  "*",
  "<5",
  "-",
  "n/a",
  "..",
  "x",
  "0",
  "-0",
  "1e3",
  "1e308",
  "1e-7",
  "9".repeat(400),
  "NaN",
  "Infinity",
  "0x10",
  "1,234",
  "1,23",
  "12.5",
  "45%",
  "150%",
  "-3",
  " 12 ",
  "#DIV/0!",
  "#REF!",
  "#N/A",
  "PM20",
  "pm20",
  "PM2O",
  "PM2 8",
  "PM99",
  "total",
  "Total",
  "referrals",
  "incidents",
  "crime",
  "police",
  "indicator",
  "measure",
  "category",
  "value",
  "note",
  "(title)",
  "Value ",
  "😀",
  "中文",
  "é",
  "£",
];

const char = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(..."abcPM0123456789 ,.-%[]\"'") },
  { weight: 2, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.constantFrom("\r", "\n", "\t", "\u00a0", "\u200b", "\ufeff", "\u202e", "\u0000", "\u001b", "😀") },
);

/** Any cell text: plain, numeric, a reference, or nasty. */
export const cellText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: char, maxLength: 12 }) },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 1, arbitrary: fc.integer({ min: -1000, max: 1_000_000 }).map(String) },
  { weight: 1, arbitrary: fc.double({ noNaN: false }).map(String) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
);

// --- invariants ---

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Codes whose finding is about one row (so it must say which). */
function aboutARow(code: IssueCode): boolean {
  const group = CATALOGUE[code].group;
  if (code === "limit-exceeded" || code === "missing-sheet") return false;
  return group === "structure" || group === "value" || group === "encoding" || ["duplicate-figure", "categories-do-not-add-up", "part-exceeds-whole", "sudden-change"].includes(code);
}

/** Every issue: a catalogue code with its severity, a file, a row where it is about a row, a cell on that row, and text that cannot act on a terminal. */
export function checkIssues(issues: Issue[], file: string, opts: { rows?: Set<number>; controls?: boolean } = {}): void {
  for (const i of issues) {
    expect(Object.hasOwn(CATALOGUE, i.code), i.code).toBe(true);
    expect(i.severity).toBe(CATALOGUE[i.code as IssueCode].severity);
    expect(i.file, i.code).toBe(file);
    expect(typeof i.message).toBe("string");
    if (aboutARow(i.code as IssueCode)) expect(i.row, `${i.code} has no row`).toBeTypeOf("number");
    if (i.cell !== undefined) {
      expect(i.cell).toMatch(/^[A-Z]+\d+$/);
      expect(Number(i.cell.replace(/^[A-Z]+/, "")), `${i.code} ${i.cell} is not on row ${i.row}`).toBe(i.row);
    }
    if (i.row !== undefined && opts.rows) expect(opts.rows.has(i.row), `${i.code} on row ${i.row}, which the table does not have`).toBe(true);
    if (opts.controls !== false) for (const text of [i.message, i.found, i.expected, i.advice]) if (text !== undefined) expect(CONTROL.test(text), `${i.code}: ${JSON.stringify(text)}`).toBe(false);
    if (i.found !== undefined) expect(i.found.length, i.code).toBeLessThan(120);
  }
}

/** Every figure: a finite number or a symbol that stands for none, one per key, from a row with no error. */
export function checkFigures(figures: Figure[], issues: Issue[], table: RawTable): void {
  const rows = new Set(table.rows.map((r) => r.row));
  const errorRows = new Set(issues.filter((i) => i.severity === "error" && i.row !== undefined).map((i) => i.row));
  const keys = new Set<string>();
  for (const f of figures) {
    if (f.value !== null) expect(Number.isFinite(f.value) && Math.abs(f.value) <= Number.MAX_SAFE_INTEGER && !Object.is(f.value, -0), String(f.value)).toBe(true);
    if (f.symbol === null || f.symbol === "u") expect(f.value).not.toBeNull();
    else expect(f.value).toBeNull();
    const key = `${f.indicator}/${f.measure}/${f.category}`;
    expect(keys.has(key), `${key} twice`).toBe(false);
    keys.add(key);
    expect(rows.has(f.source.row!)).toBe(true);
    expect(errorRows.has(f.source.row), `a figure from row ${f.source.row}, which has an error`).toBe(false);
    expect(f.source.file).toBe(table.file);
  }
}

// --- prototype pollution ---

const PROTOTYPES = [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype];
type Snapshot = [string | symbol, unknown, unknown, unknown][][];

function snapshot(): Snapshot {
  return PROTOTYPES.map((p) =>
    Reflect.ownKeys(p).map((k) => {
      const d = Object.getOwnPropertyDescriptor(p, k)!;
      return [k, d.value, d.get, d.set];
    }),
  );
}

const BEFORE = snapshot();

/** Fail if anything added, removed or replaced a property of the built-in prototypes. */
export function expectPrototypesUntouched(): void {
  const now = snapshot();
  now.forEach((props, i) => {
    expect(props.length, `${PROTOTYPES[i]!.constructor.name}.prototype`).toBe(BEFORE[i]!.length);
    props.forEach(([k, v, g, s], j) => {
      const [k0, v0, g0, s0] = BEFORE[i]![j]!;
      expect(k === k0 && v === v0 && g === g0 && s === s0, String(k)).toBe(true);
    });
  });
  const probe = {} as Record<string, unknown>;
  for (const k of ["polluted", "x", "value", "indicator", "agency", "period"]) expect(probe[k], k).toBeUndefined();
}

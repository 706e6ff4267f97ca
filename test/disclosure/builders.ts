// Hand-made judged reports for the disclosure tests: a breakdown is a total and categories, each a
// list of counts for the six quarters 2025-26 Q1 to 2026-27 Q2 (null: no figure, "c": the agency's [c]).
import { Report, REPORT_SCHEMA_VERSION, Result } from "../../src/report-contract/schema.js";

export const QUARTERS: { year: string; quarter: "Q1" | "Q2" | "Q3" | "Q4" }[] = [
  { year: "2025-26", quarter: "Q1" },
  { year: "2025-26", quarter: "Q2" },
  { year: "2025-26", quarter: "Q3" },
  { year: "2025-26", quarter: "Q4" },
  { year: "2026-27", quarter: "Q1" },
  { year: "2026-27", quarter: "Q2" },
];

type Value = number | null | "c";

export function result(indicator: string, category: string | null, values: Value[], over: Partial<Result> = {}): Result {
  const history = values.map((v, i) => ({ ...QUARTERS[i]!, value: v === "c" ? null : v, symbol: v === "c" ? ("c" as const) : null, gap: v === null }));
  const num = (back: number) => history[history.length - 1 - back]?.value ?? null;
  const value = num(0);
  const previous = num(1);
  const change = value !== null && previous !== null ? value - previous : null;
  return Result.parse({
    key: `${indicator}/people/${category ?? "total"}/agency`,
    indicator,
    indicatorTitle: `${indicator} title`,
    theme: "Theme one",
    measure: "people",
    measureLabel: "People seen",
    category,
    categoryLabel: category ? `Group ${category.toUpperCase()}` : null,
    unit: "count",
    agency: "agency",
    agencyName: "The Agency",
    value,
    symbol: history[history.length - 1]!.symbol,
    previous,
    sameQuarterLastYear: num(4),
    change,
    changePercent: change !== null && previous ? Math.round((change / previous) * 1000) / 10 : null,
    changeOnYear: value !== null && num(4) !== null ? value - num(4)! : null,
    changeOnYearPercent: null,
    yearToDate: value !== null && previous !== null ? value + previous : null,
    direction: "down",
    directionReason: "fewer wanted",
    target: null,
    status: value === null ? "suppressed" : change !== null && change > 0 ? "worsening" : "stable",
    exception: value !== null && change !== null && change > 0,
    rank: null,
    severity: change ?? 0,
    reasons: [{ code: "within-tolerance", text: `The change of ${change} is within the tolerance of last quarter's ${previous}.` }],
    sentence: `People seen${category ? ` (Group ${category.toUpperCase()})` : ""} went from ${previous} to ${value}.`,
    spc: { state: "provisional", points: 6, mean: 10, lower: 0, upper: 20, signals: [], latest: "common-cause", assurance: null },
    history,
    note: null,
    commentary: null,
    ...over,
  });
}

/** A breakdown of one indicator: the total first, then categories a, b, c, ... */
export function breakdown(indicator: string, total: Value[], ...categories: Value[][]): Result[] {
  return [result(indicator, null, total), ...categories.map((v, i) => result(indicator, String.fromCharCode(97 + i), v))];
}

export function report(results: Result[], over: Partial<Report> = {}): Report {
  const exceptions = results.filter((r) => r.exception).map((r) => r.key);
  const ranked = results.map((r) => (r.exception ? { ...r, rank: exceptions.indexOf(r.key) + 1 } : r));
  return Report.parse({
    schemaVersion: REPORT_SCHEMA_VERSION,
    generator: "darep test",
    generatedAt: "2026-11-18T11:06:40.000Z",
    partnership: "Northshire DA Partnership",
    board: "DA Strategic Board",
    framework: "test",
    year: "2026-27",
    quarter: "Q2",
    period: { start: "2026-07-01", end: "2026-09-30", label: "July to September 2026" },
    summary: {
      returnsExpected: 1,
      returnsReceived: 1,
      returnsMissing: 0,
      returnsInvalid: 0,
      lastReceived: null,
      exceptions: exceptions.length,
      byStatus: {},
      text: `The one agency sent its return for July to September 2026. ${exceptions.length} figures need the board's attention: all are moving the wrong way.`,
    },
    returns: [],
    results: ranked,
    exceptions,
    warnings: [],
    sources: [],
    ...over,
  });
}

// Every shape of indicator through judge(): six-monthly and annual figures (due, not due, first
// year), year-to-date counts (the April reset), a baseline with no data yet, targets of each kind at
// their boundaries (exactly met for each comparison, the amber band, by year, TBC), comparators and
// rates per population.
import { describe, expect, it } from "vitest";
import { judge } from "../../src/trends/index.js";
import { Report, type Result } from "../../src/report-contract/schema.js";
import type { Indicator, Measure } from "../../src/framework/schema.js";
import type { Period, ValidatedReturn } from "../../src/types.js";
import { fromOrdinal, ordinal } from "../../src/framework/period.js";
import { agency, config, direction, figure, framework, indicator, measure, p, ret } from "./builders.js";

const ag = agency("council", ["AN1"], "Council");

/** One agency's returns for every quarter from `first` to `last`; `values` maps "2025-26 Q4" to a figure (or "x"). */
function returns(ref: string, measureId: string, values: Record<string, number | "x">, first: Period, last: Period): ValidatedReturn[] {
  const out: ValidatedReturn[] = [];
  for (let at = ordinal(first); at <= ordinal(last); at++) {
    const q = fromOrdinal(at);
    const v = values[`${q.year} ${q.quarter}`];
    out.push(ret("council", q, v === undefined ? [] : [figure("council", q, ref, measureId, v)]));
  }
  return out;
}

function judgeOne(ind: Indicator, values: Record<string, number | "x">, period: Period, first: Period = p("2023-24", "Q1")): Result {
  const report = judge({
    config: config([{ ...ag, indicators: [ind.ref] }]),
    framework: framework([ind]),
    period,
    returns: returns(ind.ref, ind.measures[0]!.id, values, first, period),
    commentary: null,
    generatedAt: "2026-12-01T00:00:00.000Z",
    generator: "test",
  });
  expect(Report.safeParse(report).success).toBe(true);
  return report.results[0]!;
}

const annual = (m: Partial<Measure>) => indicator("AN1", [measure("outturn", { label: "Outturn", ...m })], { frequency: "annual" });
const sixMonthly = (m: Partial<Measure>) => indicator("AN1", [measure("outturn", { label: "Outturn", ...m })], { frequency: "six-monthly" });
const quarterly = (m: Partial<Measure>) => indicator("AN1", [measure("outturn", { label: "Outturn", ...m })]);

describe("annual figures", () => {
  const target = direction("target", { target: { perYear: 6000, comparison: "at-least" } });
  const values = { "2024-25 Q4": 5555, "2025-26 Q4": 6401 };

  it("are judged in Q4 against last year's figure and the whole year's target: 'exceeded its target of 6,000'", () => {
    const r = judgeOne(annual({ direction: target }), values, p("2025-26", "Q4"));
    expect(r).toMatchObject({ status: "on-track", exception: false, value: 6401, previous: 5555, sameQuarterLastYear: 5555, yearToDate: 6401, frequency: "annual" });
    expect(r.target).toMatchObject({ toDate: 6000, perQuarter: 6000, actualToDate: 6401, yearComplete: true });
    expect(r.sentence).toContain("they exceeded their target of 6,000.");
    expect(r.history.map((h) => `${h.year} ${h.quarter}`)).toEqual(["2024-25 Q4", "2025-26 Q4"]);
  });

  it("are not due, and no exception, in the quarters before Q4, even with nothing in the return", () => {
    for (const q of ["Q1", "Q2", "Q3"] as const) {
      const r = judgeOne(annual({ direction: target }), values, p("2026-27", q));
      expect(r).toMatchObject({ status: "not-due", exception: false, value: null, rank: null });
      expect(r.reasons[0]!.code).toBe("not-due");
      expect(r.sentence).toContain("once a year");
    }
  });

  it("in their first year have nothing before them: insufficient data, said as 'last year'", () => {
    const r = judgeOne(annual({ direction: direction("up") }), { "2025-26 Q4": 6401 }, p("2025-26", "Q4"));
    expect(r.status).toBe("insufficient-data");
    expect(r.reasons[0]!.text).toBe("There is no figure for last year to compare with.");
  });

  it("missing when due is an exception, as any tracked figure", () => {
    const r = judgeOne(annual({ direction: target }), { "2024-25 Q4": 5555 }, p("2025-26", "Q4"));
    expect(r).toMatchObject({ status: "missing", exception: true });
  });
});

describe("six-monthly figures", () => {
  it("compare Q4 with Q2 (the previous due period) and with Q4 last year", () => {
    const r = judgeOne(sixMonthly({ direction: direction("up") }), { "2025-26 Q2": 100, "2025-26 Q4": 104, "2026-27 Q2": 200, "2026-27 Q4": 210 }, p("2026-27", "Q4"));
    expect(r).toMatchObject({ value: 210, previous: 200, sameQuarterLastYear: 104, yearToDate: 410, frequency: "six-monthly" });
  });

  it("are not due in Q1 and Q3", () => {
    expect(judgeOne(sixMonthly({}), { "2026-27 Q2": 200 }, p("2026-27", "Q3")).status).toBe("not-due");
    expect(judgeOne(sixMonthly({}), { "2026-27 Q2": 200 }, p("2027-28", "Q1")).status).toBe("not-due");
  });

  it("count their own points for the process limits, not quarters", () => {
    const values: Record<string, number> = {};
    let at = ordinal(p("2020-21", "Q2"));
    for (let n = 0; n < 12; n++, at += 2) values[`${fromOrdinal(at).year} ${fromOrdinal(at).quarter}`] = 50 + (n % 3);
    const r = judgeOne(sixMonthly({ direction: direction("down") }), values, fromOrdinal(at - 2), p("2020-21", "Q1"));
    expect(r.history).toHaveLength(12);
    expect(r.spc).toMatchObject({ state: "computed", points: 12 });
  });
});

describe("year-to-date counts", () => {
  const ytd = { reported: "year-to-date" as const, direction: direction("up") };
  const values = { "2025-26 Q1": 150, "2025-26 Q2": 300, "2025-26 Q3": 450, "2025-26 Q4": 600, "2026-27 Q1": 170, "2026-27 Q2": 350 };

  it("are judged on each quarter's own figure (Q1 as given, then the difference), the year to date as given", () => {
    const r = judgeOne(quarterly(ytd), values, p("2026-27", "Q2"));
    expect(r).toMatchObject({ value: 180, previous: 170, sameQuarterLastYear: 150, yearToDate: 350, reported: "year-to-date" });
    expect(r.history.map((h) => h.value)).toEqual([150, 150, 150, 150, 170, 180]);
  });

  it("read April's reset (600 to 170) as Q1's own 170, not a fall", () => {
    const r = judgeOne(quarterly(ytd), values, p("2026-27", "Q1"));
    expect(r).toMatchObject({ value: 170, previous: 150, yearToDate: 170 });
    expect(r.status).not.toBe("worsening");
  });

  it("cannot work out a quarter whose earlier total is missing", () => {
    const r = judgeOne(quarterly(ytd), { "2026-27 Q1": 170, "2026-27 Q3": 520 }, p("2026-27", "Q3"));
    expect(r).toMatchObject({ status: "missing", value: null, yearToDate: 520 });
  });
});

describe("a baseline being established", () => {
  it("given as [x] reads 'baseline: no data yet', not missing, and is no exception", () => {
    const r = judgeOne(quarterly({ baseline: "establishing", direction: direction("up") }), { "2026-27 Q2": "x" }, p("2026-27", "Q2"));
    expect(r).toMatchObject({ status: "baseline", exception: false, baselineEstablishing: true });
    expect(r.reasons[0]!.code).toBe("baseline-no-data");
    expect(r.sentence).toContain("baseline, no data yet");
  });

  it("left out of the return reads the same", () => {
    expect(judgeOne(quarterly({ baseline: "establishing" }), {}, p("2026-27", "Q2"), p("2026-27", "Q2")).status).toBe("baseline");
  });

  it("with a figure is shown, not judged", () => {
    expect(judgeOne(quarterly({ baseline: "establishing" }), { "2026-27 Q2": 40 }, p("2026-27", "Q2"))).toMatchObject({ status: "baseline", value: 40 });
  });

  it("a measure not being established still counts [x] as missing", () => {
    expect(judgeOne(quarterly({}), { "2026-27 Q2": "x" }, p("2026-27", "Q2")).status).toBe("missing");
  });
});

describe("targets", () => {
  const level = (comparison: "at-least" | "more-than" | "at-most" | "less-than", extra = {}) =>
    quarterly({ unit: "percent", direction: direction("target", { target: { level: 75, comparison, ...extra } }) });
  const at = (ind: Indicator, v: number) => judgeOne(ind, { "2026-27 Q2": v }, p("2026-27", "Q2"));

  it("exactly met: at-least and at-most are met, more-than and less-than are not", () => {
    expect(at(level("at-least"), 75).status).toBe("on-track");
    expect(at(level("more-than"), 75).status).toBe("off-track");
    expect(at(level("at-most"), 75).status).toBe("on-track");
    expect(at(level("less-than"), 75).status).toBe("off-track");
    expect(at(level("more-than"), 75.1).status).toBe("on-track");
    expect(at(level("less-than"), 74.9).status).toBe("on-track");
  });

  it("a level is held every quarter, not pro rata", () => {
    const r = at(level("at-least"), 80);
    expect(r.target).toMatchObject({ kind: "level", perYear: 75, toDate: 75, actualToDate: 80, projectedOutturn: null });
    expect(r.sentence).toContain("exceeded its target of 75%");
  });

  it("an amber band: within it 'at risk' (no exception), beyond it off track", () => {
    const ind = level("at-least", { atRisk: { absolute: 2 } });
    expect(at(ind, 73)).toMatchObject({ status: "at-risk", exception: false });
    expect(at(ind, 73).target!.atRisk).toBe(true);
    expect(at(ind, 72.9)).toMatchObject({ status: "off-track", exception: true });
  });

  it("an amount per year is pro rata: 300 a year is 150 by Q2, and exactly 150 is on track", () => {
    const ind = quarterly({ direction: direction("target", { target: { perYear: 300, comparison: "at-least" } }) });
    const r = judgeOne(ind, { "2026-27 Q1": 70, "2026-27 Q2": 80 }, p("2026-27", "Q2"));
    expect(r).toMatchObject({ status: "on-track" });
    expect(r.target).toMatchObject({ kind: "per-year", toDate: 150, actualToDate: 150 });
  });

  it("changes by year", () => {
    const ind = annual({ direction: direction("target", { target: { perYear: 5000, byYear: { "2026-27": 6000 }, comparison: "at-least" } }) });
    const values = { "2025-26 Q4": 5555, "2026-27 Q4": 5555 };
    expect(judgeOne(ind, values, p("2025-26", "Q4")).status).toBe("on-track");
    const r = judgeOne(ind, values, p("2026-27", "Q4"));
    expect(r.status).toBe("off-track");
    expect(r.sentence).toContain("fell short of their target of 6,000");
  });

  it("to be confirmed: reported, not judged", () => {
    const r = at(quarterly({ unit: "percent", direction: direction("target", { target: { toBeConfirmed: true, comparison: "at-least" } }) }), 60);
    expect(r).toMatchObject({ status: "for-information", exception: false, target: null });
    expect(r.reasons[0]!.code).toBe("target-to-be-confirmed");
  });
});

describe("comparators and rates per population", () => {
  it("are carried beside the figure, never judged", () => {
    const comparators = [{ value: 31, label: "England and Wales", source: "SafeLives Marac data", period: "12 months to 30 September 2024" }];
    const r = judgeOne(quarterly({ unit: "percent", direction: direction("down"), comparators }), { "2026-27 Q1": 30, "2026-27 Q2": 30 }, p("2026-27", "Q2"));
    expect(r.comparators).toEqual([{ ...comparators[0], unit: "percent" }]);
    expect(r.status).toBe("stable");
  });

  it("give the figure per 10,000 of the population the framework names", () => {
    const r = judgeOne(quarterly({ population: { size: 120000, per: 10000, of: "adult women" } }), { "2026-27 Q1": 240, "2026-27 Q2": 246 }, p("2026-27", "Q2"));
    expect(r.perPopulation).toEqual({ value: 20.5, yearToDate: 40.5, per: 10000, of: "adult women", size: 120000 });
  });
});

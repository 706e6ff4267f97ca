// History with explicit gaps across financial years, and the comparisons beside every figure.
import { describe, expect, it } from "vitest";
import { change, changePercent, compare, yearToDate } from "../../src/trends/compare.js";
import { figureAt, indexFigures, seriesKey, seriesOf } from "../../src/trends/history.js";
import { figure, missingReturn, p, ret, series } from "./builders.js";

const key = seriesKey({ indicator: "PM3", measure: "repeats", category: null, agency: "hub" });

describe("history", () => {
  const returns = [
    ret("hub", p("2024-25", "Q3"), [figure("hub", p("2024-25", "Q3"), "PM3", "repeats", 40)]),
    ret("hub", p("2024-25", "Q4"), [figure("hub", p("2024-25", "Q4"), "PM3", "repeats", 44)]),
    // 2025-26 Q1: no return at all (a gap)
    ret("hub", p("2025-26", "Q2"), [figure("hub", p("2025-26", "Q2"), "PM3", "repeats", "c")]),
    ret("hub", p("2025-26", "Q3"), [figure("hub", p("2025-26", "Q3"), "pm3", "repeats", 50)]),
    ret("hub", p("2025-26", "Q4"), [figure("hub", p("2025-26", "Q4"), "PM3", "repeats", 99)]), // after the report's quarter
    missingReturn("hub", p("2025-26", "Q4")),
  ];
  const index = indexFigures(returns, p("2025-26", "Q3"));

  it("runs from the earliest quarter on record to the reported one, across the turn of the year", () => {
    const h = seriesOf(index, key, p("2025-26", "Q3"));
    expect(h.map((x) => `${x.year} ${x.quarter}`)).toEqual(["2024-25 Q3", "2024-25 Q4", "2025-26 Q1", "2025-26 Q2", "2025-26 Q3"]);
  });

  it("makes a missing quarter a gap, never a zero, and a suppressed figure neither", () => {
    const h = seriesOf(index, key, p("2025-26", "Q3"));
    expect(h[2]).toMatchObject({ value: null, symbol: null, gap: true });
    expect(h[3]).toMatchObject({ value: null, symbol: "c", gap: false });
    expect(h[4]).toMatchObject({ value: 50, gap: false });
  });

  it("ignores quarters after the reported one and matches references whatever their case", () => {
    expect(figureAt(index, key, p("2025-26", "Q4"))).toBeUndefined();
    expect(figureAt(index, key, p("2025-26", "Q3"))?.value).toBe(50);
  });

  it("gives a single gap point for a series with nothing on record", () => {
    const h = seriesOf(index, "PM9/x/total/hub", p("2025-26", "Q3"));
    expect(h).toEqual([{ year: "2025-26", quarter: "Q3", value: null, symbol: null, gap: true }]);
  });
});

describe("comparisons", () => {
  it("compares with last quarter and the same quarter last year", () => {
    // 2025-26 Q3 .. 2026-27 Q2: 701 (a year ago), 720, 730, 760, then 812
    const c = compare(series([701, 720, 730, 760, 812]), p("2026-27", "Q2"), "count");
    expect(c).toMatchObject({ value: 812, previous: 760, sameQuarterLastYear: 701, change: 52, changePercent: 6.8, changeOnYear: 111, changeOnYearPercent: 15.8 });
  });

  it("gives no percentage from zero, and no change from nothing", () => {
    expect(change(0, 12)).toBe(12);
    expect(changePercent(0, 12)).toBeNull();
    expect(changePercent(null, 12)).toBeNull();
    expect(change(null, 12)).toBeNull();
    expect(change(12, null)).toBeNull();
  });

  it("rounds away binary noise in changes", () => {
    expect(change(44.9, 45.1)).toBe(0.2);
  });

  it("takes a gap or a suppressed figure last quarter as no previous value", () => {
    expect(compare(series([5, null, 7]), p("2026-27", "Q2"), "count").previous).toBeNull();
    expect(compare(series([5, "c", 7]), p("2026-27", "Q2"), "count").change).toBeNull();
  });

  it("adds up the year to date for counts, across Q1..this quarter only", () => {
    // 2025-26 Q4 = 100 is last year; Q1 50 + Q2 68 = 118.
    expect(yearToDate(series([100, 50, 68]), p("2026-27", "Q2"), "count")).toBe(118);
    expect(yearToDate(series([50]), p("2026-27", "Q1"), "count")).toBe(50);
    expect(yearToDate(series([50, 68]), p("2026-27", "Q2"), "amount")).toBe(118);
  });

  it("gives no year to date when a quarter is missing or the unit does not add up", () => {
    expect(yearToDate(series([null, 68]), p("2026-27", "Q2"), "count")).toBeNull();
    expect(yearToDate(series([68]), p("2026-27", "Q2"), "count")).toBeNull();
    expect(yearToDate(series(["c", 68]), p("2026-27", "Q2"), "count")).toBeNull();
    expect(yearToDate(series([50, 68]), p("2026-27", "Q2"), "percent")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { latestEnded, parsePeriodArg, periodOfDate, previousQuarter, quarterDates, sameQuarterLastYear, yearToDate } from "../../src/framework/period.js";

describe("financial-year periods", () => {
  it("rolls Q1 back into the previous year's Q4", () => {
    expect(previousQuarter({ year: "2025-26", quarter: "Q1" })).toEqual({ year: "2024-25", quarter: "Q4" });
    expect(sameQuarterLastYear({ year: "2026-27", quarter: "Q2" })).toEqual({ year: "2025-26", quarter: "Q2" });
  });
  it("dates quarters from April", () => {
    expect(quarterDates({ year: "2026-27", quarter: "Q2" })).toEqual({ start: "2026-07-01", end: "2026-09-30", label: "July to September 2026" });
    expect(quarterDates({ year: "2025-26", quarter: "Q4" })).toEqual({ start: "2026-01-01", end: "2026-03-31", label: "January to March 2026" });
    expect(quarterDates({ year: "2025-26", quarter: "Q3" }).end).toBe("2025-12-31");
  });
  it("places a date in its quarter", () => {
    expect(periodOfDate("2026-03-31")).toEqual({ year: "2025-26", quarter: "Q4" });
    expect(periodOfDate("2026-04-01")).toEqual({ year: "2026-27", quarter: "Q1" });
  });
  it("reads `build Q2` as the latest Q2 that has ended", () => {
    expect(latestEnded("Q2", "2026-11-25")).toEqual({ year: "2026-27", quarter: "Q2" });
    expect(latestEnded("Q2", "2026-09-30")).toEqual({ year: "2025-26", quarter: "Q2" });
    expect(latestEnded("Q2", "2026-10-01")).toEqual({ year: "2026-27", quarter: "Q2" });
    expect(latestEnded("Q4", "2026-11-25")).toEqual({ year: "2025-26", quarter: "Q4" });
  });
  it("lists the year's quarters to date", () => {
    expect(yearToDate({ year: "2026-27", quarter: "Q2" }).map((p) => p.quarter)).toEqual(["Q1", "Q2"]);
  });
  it("parses period arguments", () => {
    expect(parsePeriodArg("q2")).toEqual({ quarter: "Q2" });
    expect(parsePeriodArg("2025-26 Q3")).toEqual({ year: "2025-26", quarter: "Q3" });
    expect(parsePeriodArg("2025-27 Q3")).toBeNull();
    expect(parsePeriodArg("Q5")).toBeNull();
  });
});

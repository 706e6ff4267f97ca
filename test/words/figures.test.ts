// Figures and changes: one rounding for the sentences and the tables.
import { describe, expect, it } from "vitest";
import { changeInBrief, formatChange, formatFigure, formatTick, formatValue, listWords, plural } from "../../src/words/index.js";

describe("formatValue and formatFigure", () => {
  it("say a figure the same way wherever it appears", () => {
    expect(formatValue(12.25, "days")).toBe("12.3 days");
    expect(formatFigure(12.25, "days")).toBe(formatValue(12.25, "days"));
    expect(formatValue(1, "days")).toBe("1 day");
    expect(formatValue(1.04, "days")).toBe("1 day");
    expect(formatValue(45.55, "percent")).toBe("45.6%");
    expect(formatValue(1234.567, "count")).toBe("1,234.57");
    expect(formatValue(-0, "count")).toBe("0");
    expect(formatFigure(null, "count")).toBe("no figure");
    expect(formatTick(45, "percent")).toBe("45%");
    expect(formatTick(12.25, "days")).toBe("12.3");
  });
});

describe("changeInBrief (sentences) and formatChange (tables)", () => {
  it("round a change half away from zero", () => {
    expect(changeInBrief(-23, -28.75, "count")).toBe("down 28.8%");
    expect(formatChange(-23, -28.75, 80, 57, "count")).toBe("down 23 (28.8%)");
    expect(formatChange(2.25, 28.75, 7.8, 10.05, "days")).toBe("up 2.3 days (28.8%)");
  });

  it("say nothing, or 'no change', for a change of zero, negative zero included", () => {
    expect(changeInBrief(0, 0, "count")).toBe("");
    expect(changeInBrief(-0, -0, "count")).toBe("");
    expect(formatChange(-0, -0, 5, 5, "count")).toBe("no change");
  });

  it("move percentage measures in points, singular for one", () => {
    expect(changeInBrief(-4.5, -10, "percent")).toBe("down 4.5 percentage points");
    expect(changeInBrief(1, 2, "percent")).toBe("up 1 percentage point");
    expect(formatChange(1, 2, 50, 51, "percent")).toBe("up 1 percentage point");
  });

  it("say what can be said when a side is missing or the change is from 0", () => {
    expect(changeInBrief(12, null, "count")).toBe("");
    expect(changeInBrief(null, null, "count")).toBe("");
    expect(formatChange(12, null, 0, 12, "count")).toBe("from 0 to 12");
    expect(formatChange(null, null, null, 12, "count")).toBe("not known");
  });

  it("write very large changes in full", () => {
    expect(formatChange(1e15, 100, 1e15, 2e15, "count")).toBe("up 1,000,000,000,000,000 (100%)");
  });
});

describe("listWords and plural", () => {
  it("join 0, 1, 2 and 3 items", () => {
    expect(listWords([])).toBe("");
    expect(listWords(["A"])).toBe("A");
    expect(listWords(["A", "B"])).toBe("A and B");
    expect(listWords(["A", "B", "C"])).toBe("A, B and C");
  });

  it("count in the singular only for one", () => {
    expect(plural(0, "error")).toBe("0 errors");
    expect(plural(1, "error")).toBe("1 error");
    expect(plural(2, "error")).toBe("2 errors");
    expect(plural(1200, "warning")).toBe("1,200 warnings");
    expect(plural(3, "category", "categories")).toBe("3 categories");
  });
});

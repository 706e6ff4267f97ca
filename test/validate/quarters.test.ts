// Against the agency's previous return: a figure that moved more than threefold (or fell to zero),
// and a return identical to last quarter's. Warnings only: the figures are still used.
import { describe, expect, it } from "vitest";
import type { Figure } from "../../src/types.js";
import { at, check, PREVIOUS, withHeader } from "./builders.js";

/** public-health's figures for 2026-27 Q1: PM38 suspected suicides. */
function lastQuarter(value: string): Figure[] {
  const r = check("public-health", withHeader(["PM38", "", "", value, ""]), { period: PREVIOUS, file: "returns/2026-27/Q1/public-health.csv" });
  expect(r.issues).toEqual([]);
  return r.figures;
}

const now = (was: string, is: string, factor = 3) => check("public-health", withHeader(["PM38", "", "", is, ""]), { previous: lastQuarter(was), suddenChangeFactor: factor });

describe("a sudden change", () => {
  it.each([
    ["30", "100", "PM38 suspected-suicides rose from 30 to 100, more than 3-fold since last quarter."],
    ["100", "30", "PM38 suspected-suicides fell from 100 to 30, more than 3-fold since last quarter."],
    ["12", "0", "PM38 suspected-suicides fell to 0 from 12 since last quarter."],
    ["3", "10", "PM38 suspected-suicides rose from 3 to 10, more than 3-fold since last quarter."],
    ["[u] 40", "[u] 400", "PM38 suspected-suicides rose from 40 to 400, more than 3-fold since last quarter."],
  ])("%s -> %s warns at the value's cell", (was, is, message) => {
    const r = now(was, is);
    expect(r.issues.map(at)).toEqual([{ code: "sudden-change", severity: "warning", row: 2, cell: "D2", column: "value" }]);
    expect(r.issues[0]).toMatchObject({
      file: "returns/2026-27/Q2/public-health.csv",
      indicator: "PM38",
      measure: "suspected-suicides",
      message,
      expected: `near last quarter's ${Number(was.replace("[u] ", ""))}`,
    });
    expect(r.figures).toHaveLength(1); // a warning: the figure is still used
  });

  it.each([
    ["30", "90", "exactly threefold"],
    ["90", "30", "exactly threefold down"],
    ["9", "0", "a fall to zero from below 10"],
    ["2", "7", "small numbers"],
    ["2", "9", "small numbers, more than threefold"],
    ["0", "50", "a rise from zero"],
    ["[c]", "50", "last quarter withheld"],
    ["50", "[x]", "this quarter not available"],
    ["40", "44", "an ordinary change"],
  ])("%s -> %s does not warn (%s)", (was, is) => {
    expect(now(was, is).issues).toEqual([]);
  });

  it("uses the partnership's factor", () => {
    expect(now("30", "70", 2).issues.map((i) => i.code)).toEqual(["sudden-change"]);
    expect(now("30", "70", 3).issues).toEqual([]);
  });

  it("compares each category with the same category last quarter", () => {
    const before = check("dcst", withHeader(["PM36", "children-on-plans", "child-in-need", "256", ""]), { period: PREVIOUS, indicators: ["PM36"] }).figures;
    const r = check("dcst", withHeader(["PM36", "children-on-plans", "child-in-need", "25", ""], ["PM36", "children-on-plans", "child-protection", "25", ""]), {
      previous: before,
      indicators: ["PM36"],
    });
    expect(r.issues.map(at)).toEqual([{ code: "sudden-change", severity: "warning", row: 2, cell: "D2", column: "value" }]);
    expect(r.issues[0]).toMatchObject({ category: "child-in-need", message: "PM36 children-on-plans (child-in-need) fell from 256 to 25, more than 3-fold since last quarter." });
  });
});

describe("a return identical to the previous one", () => {
  const rows = (completions: string, rate: string) => withHeader(["PM32", "completions", "", completions, ""], ["PM32", "reoffending-rate", "", rate, ""]);
  const previous = check("probation-service", rows("12", "20%"), { period: PREVIOUS }).figures;

  it("warns once, for the file as a whole", () => {
    const r = check("probation-service", rows("12", "20"), { previous });
    expect(r.issues.map(at)).toEqual([{ code: "identical-to-previous", severity: "warning", row: undefined, cell: undefined, column: undefined }]);
    expect(r.issues[0]).toMatchObject({ file: "returns/2026-27/Q2/probation-service.csv", found: "2 identical figures", message: "All 2 figures are exactly the same as last quarter's return." });
    expect(r.figures).toHaveLength(2);
  });

  it("does not warn when one figure differs, when there is only one figure, or when every figure is zero or withheld", () => {
    expect(check("probation-service", rows("12", "21%"), { previous }).issues).toEqual([]);
    expect(now("3", "3").issues).toEqual([]);
    const zeros = check("probation-service", rows("0", "[x]"), { period: PREVIOUS }).figures;
    expect(check("probation-service", rows("0", "[x]"), { previous: zeros }).issues).toEqual([]);
  });
});

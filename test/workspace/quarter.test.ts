// Which quarter the user meant: one rule for every command.
import { describe, expect, it } from "vitest";
import { RunError } from "../../src/errors.js";
import { parseQuarter, quarterMeant } from "../../src/workspace/quarter.js";

describe("quarterMeant", () => {
  it("takes 'Q2' as the latest Q2 that has ended by today", () => {
    expect(quarterMeant({ quarter: "Q2" }, "2026-11-25", 4)).toEqual({ year: "2026-27", quarter: "Q2" });
    expect(quarterMeant({ quarter: "Q2" }, "2026-08-01", 4)).toEqual({ year: "2025-26", quarter: "Q2" });
  });

  it("takes the year in the words over the year given beside them", () => {
    expect(quarterMeant({ quarter: "2024-25 Q3", year: "2026-27" }, "2026-11-25", 4)).toEqual({ year: "2024-25", quarter: "Q3" });
    expect(quarterMeant({ quarter: "q3", year: "2026-27" }, "2026-11-25", 4)).toEqual({ year: "2026-27", quarter: "Q3" });
  });

  it("takes no quarter as the latest quarter that has ended, in the partnership's financial year", () => {
    expect(quarterMeant({}, "2026-11-25", 4)).toEqual({ year: "2026-27", quarter: "Q2" });
    expect(quarterMeant({ year: "2025-26" }, "2026-11-25", 4)).toEqual({ year: "2025-26", quarter: "Q2" });
    // A year starting in January: November is in Q4, so Q3 has ended.
    expect(quarterMeant({}, "2026-11-25", 1)).toEqual({ year: "2026-27", quarter: "Q3" });
  });

  it("refuses words that are no quarter, in one plain sentence", () => {
    expect(() => parseQuarter("Q5")).toThrow(RunError);
    expect(() => parseQuarter("Q5")).toThrow("'Q5' is not a quarter: write Q1, Q2, Q3 or Q4 (or e.g. '2025-26 Q2').");
    expect(() => quarterMeant({ quarter: "soon" }, "2026-11-25", 4, "2026-27 Q3")).toThrow("(or e.g. '2026-27 Q3')");
  });

  it("refuses a year that is no financial year before anything is read, written or sent", () => {
    for (const year of ["2026-27x", "2026", "2026-28", "26-27"]) expect(() => quarterMeant({ quarter: "Q2", year }, "2026-11-25", 4), year).toThrow(RunError);
    expect(() => quarterMeant({ year: "2026-27x" }, "2026-11-25", 4)).toThrow("'2026-27x' is not a financial year: write it like 2026-27");
  });
});

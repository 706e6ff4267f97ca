// A measure reported year to date (the schema's reported: "year-to-date"): a total that falls within
// a year is an error and its figure is not used; the year's reset in Q1 is no sudden change.
import { describe, expect, it } from "vitest";
import type { Framework } from "../../src/framework/types.js";
import type { Figure, Period } from "../../src/types.js";
import { validateTable } from "../../src/validate/index.js";
import { agency, at, framework as demoFramework, table, withHeader } from "./builders.js";

// The demo's PM38, its measure reported as a year-to-date total.
const pm38 = demoFramework.byRef.get("PM38")!;
const ytd38 = { ...pm38, measures: pm38.measures.map((m) => ({ ...m, reported: "year-to-date" as const })) };
const framework: Framework = { ...demoFramework, byRef: new Map([...demoFramework.byRef, ["PM38", ytd38]]) };

function run(period: Period, was: string, is: string, fw: Framework = framework) {
  const before: Period = period.quarter === "Q1" ? { year: "2025-26", quarter: "Q4" } : { year: period.year, quarter: `Q${Number(period.quarter[1]) - 1}` as Period["quarter"] };
  const previous: Figure[] = validateTable({ table: table(withHeader(["PM38", "", "", was, ""])), framework: fw, agency: agency("public-health"), period: before, suddenChangeFactor: 3 }).figures;
  return validateTable({ table: table(withHeader(["PM38", "", "", is, ""])), framework: fw, agency: agency("public-health"), period, previous, suddenChangeFactor: 3 });
}

describe("a year-to-date total", () => {
  it("that falls within the year is an error at the value's cell, and the figure is not used", () => {
    const r = run({ year: "2026-27", quarter: "Q3" }, "40", "39");
    expect(r.issues.map(at)).toEqual([{ code: "year-to-date-fell", severity: "error", row: 2, cell: "D2", column: "value" }]);
    expect(r.issues[0]!.message).toBe("PM38 suspected-suicides is a year-to-date total, but fell from 40 last quarter to 39.");
    expect(r.figures).toHaveLength(0);
  });

  it("that stays the same within the year is fine", () => {
    expect(run({ year: "2026-27", quarter: "Q2" }, "40", "40").issues).toEqual([]);
  });

  it("starts again in Q1: 600 to 170 is neither an error nor a sudden change", () => {
    const r = run({ year: "2026-27", quarter: "Q1" }, "600", "170");
    expect(r.issues).toEqual([]);
    expect(r.figures).toHaveLength(1);
  });

  it("still warns of a sudden change within the year; a quarterly count is warned at Q1 as before", () => {
    expect(run({ year: "2026-27", quarter: "Q2" }, "30", "100").issues.map((i) => i.code)).toEqual(["sudden-change"]);
    expect(run({ year: "2026-27", quarter: "Q1" }, "600", "170", demoFramework).issues.map((i) => i.code)).toEqual(["sudden-change"]);
  });
});

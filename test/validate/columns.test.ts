// The header row: which column holds which field, a header that is not one, a required column
// missing, unknown columns (a warning, with a suggestion), columns for people, hostile names.
import { describe, expect, it } from "vitest";
import { findColumns } from "../../src/validate/columns.js";
import { at, check, fig, table } from "./builders.js";

describe("the header row", () => {
  it("finds the columns whatever their order and case, trimmed", () => {
    const r = findColumns(table([[" Value ", "NOTE", "indicator", "Category", "measure"]]));
    expect(r.issues).toEqual([]);
    expect(r.columns).toEqual({ indicator: 2, measure: 4, category: 3, value: 0, note: 1 });
  });

  it("reads a return whose columns are in another order", () => {
    const r = check("probation-service", [
      ["value", "indicator", "measure"],
      ["9", "PM32", "completions"],
      ["16%", "PM32", "reoffending-rate"],
    ]);
    expect(r.issues).toEqual([]);
    expect(r.figures.map(fig)).toEqual([
      { indicator: "PM32", measure: "completions", category: null, value: 9, symbol: null },
      { indicator: "PM32", measure: "reoffending-rate", category: null, value: 16, symbol: null },
    ]);
    expect(r.figures[0]!.source).toEqual({ file: "returns/2026-27/Q2/probation-service.csv", row: 2, cell: "A2", column: "value" });
  });

  it("says a first row naming no column is not a header, and reads nothing", () => {
    const r = check("probation-service", [
      ["PM32", "completions", "", "9", ""],
      ["PM32", "reoffending-rate", "", "16%", ""],
    ]);
    expect(r.issues.map(at)).toEqual([{ code: "missing-header", severity: "error", row: 1, cell: undefined, column: undefined }]);
    expect(r.issues[0]).toMatchObject({ file: "returns/2026-27/Q2/probation-service.csv", found: "PM32, completions, 9" });
    expect(r.figures).toEqual([]);
  });

  it("counts blank rows above the header, as Excel numbers rows", () => {
    const r = check("probation-service", [[], [], ["PM32", "completions", "", "9", ""]]);
    expect(r.issues.map(at)).toEqual([{ code: "missing-header", severity: "error", row: 3, cell: undefined, column: undefined }]);
  });

  it("reports a required column missing, by name, and reads nothing", () => {
    const r = check("probation-service", [
      ["indicator", "measure", "category", "note"],
      ["PM32", "completions", "", "9"],
    ]);
    expect(r.issues.map(at)).toEqual([{ code: "missing-column", severity: "error", row: 1, cell: undefined, column: "value" }]);
    expect(r.issues[0]!.expected).toBe("a column named 'value'");
    expect(r.figures).toEqual([]);

    const noIndicator = check("probation-service", [
      ["measure", "value"],
      ["completions", "9"],
    ]);
    expect(noIndicator.issues.map(at)).toEqual([{ code: "missing-column", severity: "error", row: 1, cell: undefined, column: "indicator" }]);
  });

  it("warns of an unknown column by its cell, ignores it, and still reads the figures", () => {
    const r = check("probation-service", [
      ["indicator", "measure", "category", "value", "note", "Checked by"],
      ["PM32", "completions", "", "9", "", "JB"],
      ["PM32", "reoffending-rate", "", "16%", "", "JB"],
    ]);
    expect(r.issues.map(at)).toEqual([{ code: "extra-column", severity: "warning", row: 1, cell: "F1", column: "Checked by" }]);
    expect(r.issues[0]).toMatchObject({ found: "Checked by", expected: "indicator, measure, category, value, note", advice: "Remove it, or move what it says into the note column." });
    expect(r.figures).toHaveLength(2);
  });

  it("suggests the missing column an unknown one was probably meant to be", () => {
    const r = check(
      "st-leger-homes",
      [
        ["indicator", "measure", "catgory", "value"],
        ["PM28", "decisions", "accepted", "56"],
      ],
      { indicators: ["PM28"] },
    );
    expect(r.issues.map(at)).toEqual([{ code: "extra-column", severity: "warning", row: 1, cell: "C1", column: "catgory" }]);
    expect(r.issues[0]!.advice).toBe("Did you mean 'category'? Rename the column if so.");
    // Without a category column the figure is read as the total.
    expect(r.figures.map(fig)).toEqual([{ indicator: "PM28", measure: "decisions", category: null, value: 56, symbol: null }]);

    const vaule = check("probation-service", [
      ["indicator", "measure", "Vaule"],
      ["PM32", "completions", "9"],
    ]);
    expect(vaule.issues.map(at)).toEqual([
      { code: "missing-column", severity: "error", row: 1, cell: undefined, column: "value" },
      { code: "extra-column", severity: "warning", row: 1, cell: "C1", column: "Vaule" },
    ]);
    expect(vaule.issues[1]!.advice).toBe("Did you mean 'value'? Rename the column if so.");
  });

  it("ignores columns named in brackets, which darep's own templates write for people", () => {
    const r = check(
      "probation-service",
      [
        ["indicator", "measure", "(title)", "(Last quarter)", "value"],
        ["PM32", "completions", "People completing BBR", "12", "9"],
      ],
      { indicators: ["PM32"] },
    );
    expect(r.issues).toEqual([]);
    expect(r.figures.map((f) => [f.value, f.source.cell])).toEqual([[9, "E2"]]);
  });

  it("treats headers named __proto__ or constructor as unknown columns, and changes no prototype", () => {
    const r = check("public-health", [
      ["indicator", "__proto__", "constructor", "value", "prototype"],
      ["PM38", "x", "y", "3", "z"],
    ]);
    expect(r.issues.map(at)).toEqual([
      { code: "extra-column", severity: "warning", row: 1, cell: "B1", column: "__proto__" },
      { code: "extra-column", severity: "warning", row: 1, cell: "C1", column: "constructor" },
      { code: "extra-column", severity: "warning", row: 1, cell: "E1", column: "prototype" },
    ]);
    expect(r.issues.every((i) => i.advice === "Remove it, or move what it says into the note column.")).toBe(true);
    expect(r.figures.map(fig)).toEqual([{ indicator: "PM38", measure: "suspected-suicides", category: null, value: 3, symbol: null }]);
    expect(Object.getPrototypeOf(r.figures[0])).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it("reads nothing, and says nothing more, when the reader found no header at all", () => {
    const r = findColumns({ file: "f.csv", format: "csv", header: null, rows: [] });
    expect(r).toEqual({ columns: null, issues: [] });
  });
});

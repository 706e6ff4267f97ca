// What each row is about: its indicator (with did-you-mean), whether the agency reports it, its
// measure and category (by id or label), and the cells the reader could not give a value for.
import { describe, expect, it } from "vitest";
import { suggest, editDistance } from "../../src/validate/suggest.js";
import { at, check, except, fig, withHeader } from "./builders.js";

describe("the indicator", () => {
  it("suggests the agency's own indicator for a mistyped reference ('PM2 8' -> PM28)", () => {
    const r = check("st-leger-homes", withHeader(["PM2 8", "onward-journey", "other-or-not-known", "5", ""]), { indicators: ["PM26", "PM27", "PM28", "PM29"] });
    const [issue] = except(r.issues, "missing-indicator");
    expect(at(issue!)).toEqual({ code: "unknown-indicator", severity: "error", row: 2, cell: "A2", column: "indicator" });
    expect(issue).toMatchObject({
      file: "returns/2026-27/Q2/st-leger-homes.csv",
      found: "PM2 8",
      expected: "one of St Leger Homes of Doncaster's indicators: PM26, PM27, PM28, PM29",
      advice: "Did you mean PM28?",
      message: "'PM2 8' is not an indicator in the Doncaster Domestic Abuse Quality and Performance Framework 2021-2024.",
    });
    expect(r.figures).toEqual([]);
  });

  it("suggests PM20 for 'PM2O' (a letter O for a zero), as the contract promises", () => {
    const r = check("south-yorkshire-police", withHeader(["PM2O", "incidents", "", "2384", ""]), { indicators: ["PM20"] });
    expect(r.issues.map(at)).toEqual([
      { code: "missing-indicator", severity: "error", row: undefined, cell: undefined, column: undefined },
      { code: "unknown-indicator", severity: "error", row: 2, cell: "A2", column: "indicator" },
    ]);
    expect(r.issues[1]!.advice).toBe("Did you mean PM20?");
  });

  it("suggests for two characters swapped, and says nothing when nothing is near", () => {
    const swapped = check("south-yorkshire-police", withHeader(["PM02", "incidents", "", "2384", ""]), { indicators: ["PM20"] });
    expect(except(swapped.issues, "missing-indicator")[0]!.advice).toBe("Did you mean PM20?");
    const far = check("south-yorkshire-police", withHeader(["Incidents", "incidents", "", "2384", ""]), { indicators: ["PM20"] });
    expect(except(far.issues, "missing-indicator")[0]).toMatchObject({ code: "unknown-indicator", advice: "Use a reference from the template." });
  });

  it("accepts a reference in any case, with spaces around it", () => {
    const r = check("south-yorkshire-police", withHeader(["pm20", "incidents", "", "2384", ""], [" Pm20 ", "incidents", "crime", "1519", ""]), { indicators: ["PM20"] });
    expect(r.issues).toEqual([]);
    expect(r.figures.map((f) => [f.indicator, f.category, f.value])).toEqual([
      ["PM20", null, 2384],
      ["PM20", "crime", 1519],
    ]);
  });

  it("says a blank indicator cell is blank", () => {
    const r = check("probation-service", withHeader(["", "completions", "", "9", ""]), { indicators: ["PM32"] });
    expect(except(r.issues, "missing-indicator").map(at)).toEqual([{ code: "unknown-indicator", severity: "error", row: 2, cell: "A2", column: "indicator" }]);
    expect(except(r.issues, "missing-indicator")[0]!.message).toBe("The indicator cell is blank, so darep cannot tell what this figure is.");
  });

  it("warns of invisible characters in a reference, ignores them, and reads the figure", () => {
    const r = check("probation-service", withHeader(["PM32\u200b", "completions\u00a0", "", "9", ""], ["\u00a0PM32", "reoffending-rate", "\u2060", "16%", ""]));
    expect(r.issues.map(at)).toEqual([
      { code: "invisible-characters", severity: "warning", row: 2, cell: "A2", column: "indicator" },
      { code: "invisible-characters", severity: "warning", row: 2, cell: "B2", column: "measure" },
      { code: "invisible-characters", severity: "warning", row: 3, cell: "A3", column: "indicator" },
      { code: "invisible-characters", severity: "warning", row: 3, cell: "C3", column: "category" },
    ]);
    expect(r.figures.map(fig)).toEqual([
      { indicator: "PM32", measure: "completions", category: null, value: 9, symbol: null },
      { indicator: "PM32", measure: "reoffending-rate", category: null, value: 16, symbol: null },
    ]);
  });

  it("refuses an indicator of the framework that this agency does not report", () => {
    const r = check("probation-service", withHeader(["PM32", "completions", "", "9", ""], ["PM32", "reoffending-rate", "", "16%", ""], ["PM1", "referrals", "", "412", ""]));
    expect(r.issues.map(at)).toEqual([{ code: "not-reported-by-agency", severity: "error", row: 4, cell: "A4", column: "indicator" }]);
    expect(r.issues[0]).toMatchObject({ indicator: "PM1", found: "PM1", expected: "PM32" });
    expect(r.figures.map((f) => f.indicator)).toEqual(["PM32", "PM32"]);
  });
});

describe("the measure", () => {
  it("lists the allowed measures for an unknown one, with the nearest", () => {
    const r = check("probation-service", withHeader(["PM32", "completion", "", "9", ""], ["PM32", "reoffending-rate", "", "16%", ""]));
    expect(r.issues.map(at)).toEqual([{ code: "unknown-measure", severity: "error", row: 2, cell: "B2", column: "measure" }]);
    expect(r.issues[0]).toMatchObject({ indicator: "PM32", found: "completion", expected: "one of completions, reoffending-rate", advice: "Did you mean 'completions'?" });
  });

  it("requires the measure when the indicator has several, and not when it has one", () => {
    const r = check("probation-service", withHeader(["PM32", "", "", "9", ""], ["PM32", "reoffending-rate", "", "16%", ""]));
    expect(r.issues.map(at)).toEqual([{ code: "missing-measure", severity: "error", row: 2, cell: "B2", column: "measure" }]);
    expect(r.issues[0]).toMatchObject({ indicator: "PM32", expected: "one of completions, reoffending-rate" });

    const single = check("public-health", withHeader(["PM38", "", "", "3", ""]));
    expect(single.issues).toEqual([]);
    expect(single.figures.map(fig)).toEqual([{ indicator: "PM38", measure: "suspected-suicides", category: null, value: 3, symbol: null }]);
  });

  it("names the measure column even when the return has none", () => {
    const r = check("probation-service", [
      ["indicator", "value"],
      ["PM32", "9"],
    ]);
    expect(r.issues.map(at)).toEqual([{ code: "missing-measure", severity: "error", row: 2, cell: undefined, column: "measure" }]);
  });

  it("accepts a measure by its label, in any case", () => {
    const r = check("probation-service", withHeader(["PM32", "People completing Building Better Relationships", "", "9", ""], ["PM32", "REOFFENDING-RATE", "", "16%", ""]));
    expect(r.issues).toEqual([]);
    expect(r.figures.map((f) => f.measure)).toEqual(["completions", "reoffending-rate"]);
  });
});

describe("the category", () => {
  const DECISIONS = "accepted, intentionally-homeless, not-homeless-or-not-eligible, withdrawn-or-lost-contact";

  it("lists the allowed categories for an unknown one, with the nearest", () => {
    const r = check("st-leger-homes", withHeader(["PM28", "decisions", "acepted", "56", ""]), { indicators: ["PM28"] });
    expect(r.issues.map(at)).toEqual([{ code: "unknown-category", severity: "error", row: 2, cell: "C2", column: "category" }]);
    expect(r.issues[0]).toMatchObject({ indicator: "PM28", measure: "decisions", found: "acepted", expected: `blank for the total, or one of ${DECISIONS}`, advice: "Did you mean 'accepted'?" });
  });

  it("refuses a category on a measure that has no breakdown", () => {
    const r = check("probation-service", withHeader(["PM32", "completions", "police", "9", ""], ["PM32", "reoffending-rate", "", "16%", ""]));
    expect(r.issues.map(at)).toEqual([{ code: "unknown-category", severity: "error", row: 2, cell: "C2", column: "category" }]);
    expect(r.issues[0]).toMatchObject({ expected: "a blank category (the total)", message: "PM32 completions has no breakdown, but this row names the category 'police'." });
  });

  it("accepts a category by its label, and 'total' as the total", () => {
    const r = check("st-leger-homes", withHeader(["PM28", "decisions", "Total", "61", ""], ["PM28", "decisions", "Intentionally homeless", "5", ""], ["PM28", "decisions", "ACCEPTED", "56", ""]), {
      indicators: ["PM28"],
    });
    expect(r.issues).toEqual([]);
    expect(r.figures.map((f) => [f.category, f.value])).toEqual([
      [null, 61],
      ["intentionally-homeless", 5],
      ["accepted", 56],
    ]);
  });
});

describe("cells the reader could not read", () => {
  it("reports a cell covered by a merge, and a formula without a saved result, in their own cells", () => {
    const r = check(
      "probation-service",
      withHeader(["PM32", "completions", "", "9", ""], ["", "reoffending-rate", "", "16%", ""], ["PM32", "reoffending-rate", "", "", ""], ["PM32", "completions", "", "9", ""]),
      { format: "xlsx", sheet: "Return", problems: { 3: { 0: "merged-cells" }, 4: { 3: "formula-without-result" }, 5: { 4: "merged-cells" } } },
    );
    expect(r.issues.map((i) => ({ ...at(i), sheet: i.sheet }))).toEqual([
      { code: "merged-cells", severity: "error", row: 3, cell: "A3", column: "indicator", sheet: "Return" },
      { code: "formula-without-result", severity: "error", row: 4, cell: "D4", column: "value", sheet: "Return" },
      // row 5 is a copy of row 2; its merged note cell is no problem of the figure's
      { code: "duplicate-figure", severity: "error", row: 5, cell: "D5", column: "value", sheet: "Return" },
    ]);
  });
});

describe("suggestions", () => {
  it("counts two neighbours swapped as one edit", () => {
    expect(editDistance("vaule", "value")).toBe(1);
    expect(editDistance("pm02", "pm20")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("abc", "abc")).toBe(0);
  });

  it("ignores case, spaces, hyphens and underscores, and suggests only what is near", () => {
    expect(suggest("Child In Need", ["child-in-need", "child-protection"])).toBe("child-in-need");
    expect(suggest("PM2 8", ["PM26", "PM28"])).toBe("PM28");
    expect(suggest("xyz", ["PM26", "PM28"])).toBeNull();
    expect(suggest("", ["PM26"])).toBeNull();
    expect(suggest("P".repeat(10_000), ["PM26"])).toBeNull();
  });
});

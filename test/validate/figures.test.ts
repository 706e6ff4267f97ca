// A return's figures taken together: the same figure twice, an indicator left out, categories that
// do not add up to their total, and a part bigger than its whole; and which figures are then used.
import { describe, expect, it } from "vitest";
import type { Framework } from "../../src/framework/types.js";
import { validateTable } from "../../src/validate/index.js";
import { at, check, except, fig, framework, PERIOD, table, withHeader } from "./builders.js";

const PM32 = (value = "9") => ["PM32", "completions", "", value, ""];
const RATE = ["PM32", "reoffending-rate", "", "16%", ""];

describe("the same figure twice", () => {
  it("keeps one of two identical copies, and reports the second copy's cell", () => {
    const r = check("probation-service", withHeader(PM32(), RATE, PM32()));
    expect(r.issues.map(at)).toEqual([{ code: "duplicate-figure", severity: "error", row: 4, cell: "D4", column: "value" }]);
    expect(r.issues[0]).toMatchObject({ indicator: "PM32", measure: "completions", found: "rows 2 and 4", expected: "one row per figure", advice: "Keep one row." });
    expect(r.issues[0]!.message).toBe("PM32 completions is given on row 2 and again on row 4.");
    expect(r.figures.map((f) => [f.measure, f.value, f.source.row])).toEqual([
      ["completions", 9, 2],
      ["reoffending-rate", 16, 3],
    ]);
  });

  it("keeps neither of two copies that differ", () => {
    const r = check("probation-service", withHeader(PM32("9"), RATE, PM32("10")));
    expect(r.issues.map(at)).toEqual([{ code: "duplicate-figure", severity: "error", row: 4, cell: "D4", column: "value" }]);
    expect(r.issues[0]!.message).toBe("PM32 completions is given on row 2 and again on row 4, with a different value.");
    expect(r.issues[0]!.advice).toBe("Keep the row with the right value and delete the other; until then neither is used.");
    expect(r.figures.map((f) => f.measure)).toEqual(["reoffending-rate"]);
  });

  it("counts a copy that differs only in symbol as differing", () => {
    const r = check("probation-service", withHeader(PM32("[x]"), RATE, PM32("[c]")));
    expect(r.issues.map((i) => i.code)).toEqual(["duplicate-figure"]);
    expect(r.figures.map((f) => f.measure)).toEqual(["reoffending-rate"]);
  });

  it("sees a blank category and 'total' as the same figure, and reports every later copy", () => {
    const r = check("st-leger-homes", withHeader(["PM28", "decisions", "", "88", ""], ["PM28", "decisions", "total", "88", ""], ["PM28", "Decisions", "Total", "89", ""]), { indicators: ["PM28"] });
    expect(r.issues.map(at)).toEqual([
      { code: "duplicate-figure", severity: "error", row: 3, cell: "D3", column: "value" },
      { code: "duplicate-figure", severity: "error", row: 4, cell: "D4", column: "value" },
    ]);
    expect(r.figures).toEqual([]);
  });
});

describe("an indicator left out", () => {
  it("names each indicator the agency reports that has no row, for the file as a whole", () => {
    const r = check("st-leger-homes", withHeader(["PM26", "", "", "149", ""]));
    expect(r.issues.map(at)).toEqual(["PM27", "PM28", "PM29"].map(() => ({ code: "missing-indicator", severity: "error", row: undefined, cell: undefined, column: undefined })));
    expect(r.issues.map((i) => [i.file, i.indicator])).toEqual([
      ["returns/2026-27/Q2/st-leger-homes.csv", "PM27"],
      ["returns/2026-27/Q2/st-leger-homes.csv", "PM28"],
      ["returns/2026-27/Q2/st-leger-homes.csv", "PM29"],
    ]);
    expect(r.issues[0]).toMatchObject({
      expected: "rows for PM27: applications-by-area",
      message: "PM27 (How many were resident in Doncaster at the time they fled DA and how many were from another area (which areas)) has no row, but St Leger Homes of Doncaster reports it.",
    });
  });

  it("counts a row with a bad value, or with an unknown measure, as the indicator given", () => {
    const r = check("probation-service", withHeader(["PM32", "completions", "", "twelve", ""], ["PM32", "completion", "", "9", ""]));
    expect(r.issues.map((i) => i.code)).toEqual(["invalid-value", "unknown-measure"]);
  });

  it("treats a header with no rows as every indicator left out", () => {
    const r = check("probation-service", withHeader());
    expect(r.issues.map((i) => [i.code, i.indicator])).toEqual([["missing-indicator", "PM32"]]);
  });
});

describe("categories that do not add up to their total", () => {
  const dcst = (childProtection: string, total = "420") =>
    check(
      "dcst",
      withHeader(
        ["PM36", "contacts-and-referrals", "", "1229", ""],
        ["PM36", "children-on-plans", "", total, ""],
        ["PM36", "children-on-plans", "child-in-need", "256", ""],
        ["PM36", "children-on-plans", "child-protection", childProtection, ""],
        ["PM36", "repeat-referrals", "", "101", ""],
        ["PM36", "looked-after-children", "", "12", ""],
      ),
    );

  it("reports the total's cell, and uses none of the breakdown's figures", () => {
    const r = dcst("160");
    expect(r.issues.map(at)).toEqual([{ code: "categories-do-not-add-up", severity: "error", row: 3, cell: "D3", column: "value" }]);
    expect(r.issues[0]).toMatchObject({
      indicator: "PM36",
      measure: "children-on-plans",
      found: "categories 416, total 420",
      expected: "categories adding up to 420",
      advice: "Check the total on row 3 and the categories on rows 4-5.",
      message: "The kind of plan categories of PM36 children-on-plans add up to 416, but the total on row 3 is 420.",
    });
    expect(r.figures.map((f) => f.measure)).toEqual(["contacts-and-referrals", "repeat-referrals", "looked-after-children"]);
  });

  it("uses them all when they add up", () => {
    const r = dcst("164");
    expect(r.issues).toEqual([]);
    expect(r.figures).toHaveLength(6);
  });

  it("does not check the sum when a category is withheld, and uses the figures", () => {
    for (const symbol of ["[c]", "[x]", "[z]"]) {
      const r = dcst(symbol);
      expect(r.issues).toEqual([]);
      expect(r.figures.filter((f) => f.measure === "children-on-plans").map((f) => [f.category, f.value, f.symbol])).toEqual([
        [null, 420, null],
        ["child-in-need", 256, null],
        ["child-protection", null, symbol.slice(1, 2)],
      ]);
    }
  });

  it("reports categories given so far that already exceed the total, and not those that fall short", () => {
    const over = check("st-leger-homes", withHeader(["PM28", "decisions", "", "88", ""], ["PM28", "decisions", "accepted", "56", ""], ["PM28", "decisions", "intentionally-homeless", "40", ""]), {
      indicators: ["PM28"],
    });
    expect(over.issues.map(at)).toEqual([{ code: "categories-do-not-add-up", severity: "error", row: 2, cell: "D2", column: "value" }]);
    expect(over.issues[0]!.message).toBe("The outcome categories of PM28 decisions given so far already add up to 96, more than the total 88.");
    expect(over.figures).toEqual([]);

    const short = check("st-leger-homes", withHeader(["PM28", "decisions", "", "88", ""], ["PM28", "decisions", "accepted", "56", ""]), { indicators: ["PM28"] });
    expect(short.issues).toEqual([]);
    expect(short.figures).toHaveLength(2);
  });

  it("does not check a breakdown the schema says does not add up (PM18: refuge and outreach rates)", () => {
    const r = check("riverside", withHeader(["PM18", "", "", "75%", ""], ["PM18", "", "refuge", "80%", ""], ["PM18", "", "outreach", "70%", ""]), { indicators: ["PM18"] });
    expect(r.issues).toEqual([]);
    expect(r.figures.map((f) => f.value)).toEqual([75, 80, 70]);
  });
});

describe("a part bigger than its whole", () => {
  it("reports the part's cell within an indicator, and uses the whole but not the part", () => {
    const r = check(
      "dcst",
      withHeader(
        ["PM36", "contacts-and-referrals", "", "1229", ""],
        ["PM36", "children-on-plans", "", "[x]", ""],
        ["PM36", "repeat-referrals", "", "1301", ""],
        ["PM36", "looked-after-children", "", "12", ""],
      ),
    );
    expect(r.issues.map(at)).toEqual([{ code: "part-exceeds-whole", severity: "error", row: 4, cell: "D4", column: "value" }]);
    expect(r.issues[0]).toMatchObject({
      indicator: "PM36",
      measure: "repeat-referrals",
      found: "1301",
      expected: "at most 1229 (Contacts and referrals where domestic abuse is a factor)",
      message: "PM36 repeat-referrals is 1301, more than PM36 contacts-and-referrals (1229) on row 2, which it is part of.",
    });
    expect(r.figures.map((f) => f.measure)).toEqual(["contacts-and-referrals", "children-on-plans", "looked-after-children"]);
  });

  it("compares across indicators of one return (PM27 applications by area <= PM26 applications)", () => {
    const r = check("st-leger-homes", withHeader(["PM26", "", "", "149", ""], ["PM27", "", "", "150", ""]), { indicators: ["PM26", "PM27"] });
    expect(r.issues.map(at)).toEqual([{ code: "part-exceeds-whole", severity: "error", row: 3, cell: "D3", column: "value" }]);
    const equal = check("st-leger-homes", withHeader(["PM26", "", "", "149", ""], ["PM27", "", "", "149", ""]), { indicators: ["PM26", "PM27"] });
    expect(equal.issues).toEqual([]);
  });

  it("does not compare with a whole that is withheld or not in the return", () => {
    expect(check("st-leger-homes", withHeader(["PM26", "", "", "[c]", ""], ["PM27", "", "", "150", ""]), { indicators: ["PM26", "PM27"] }).issues).toEqual([]);
    expect(except(check("st-leger-homes", withHeader(["PM27", "", "", "150", ""])).issues, "missing-indicator")).toEqual([]);
  });
});

describe("a framework whose references have a lower-case suffix (PM26a)", () => {
  // Schema references may end in a lower-case letter; the look-ups are by upper case.
  const pm26 = { ...framework.byRef.get("PM26")!, ref: "PM26a" };
  const base = framework.byRef.get("PM27")!;
  const pm27 = { ...base, ref: "PM27a", measures: base.measures.map((m) => ({ ...m, partOf: "PM26a/applications" })) };
  const suffixed: Framework = {
    ...framework,
    indicators: [pm26, pm27],
    byRef: new Map([
      ["PM26A", pm26],
      ["PM27A", pm27],
    ]),
  };
  const agency = { id: "st-leger-homes", name: "St Leger Homes of Doncaster", indicators: ["PM26a", "PM27a"] };
  const run = (rows: string[][]) => validateTable({ table: table(rows), framework: suffixed, agency, period: PERIOD, suddenChangeFactor: 3 });

  it("still checks parts against wholes and categories against totals", () => {
    const r = run(withHeader(["pm26A", "", "", "100", ""], ["PM27a", "", "", "150", ""], ["PM27a", "", "doncaster", "90", ""], ["PM27a", "", "barnsley", "70", ""]));
    // (PM26 has no breakdown, so PM27's categories have no whole of their own to be compared with.)
    expect(r.issues.map(at)).toEqual([
      { code: "categories-do-not-add-up", severity: "error", row: 3, cell: "D3", column: "value" },
      { code: "part-exceeds-whole", severity: "error", row: 3, cell: "D3", column: "value" },
    ]);
    expect(r.figures.map(fig)).toEqual([{ indicator: "PM26a", measure: "applications", category: null, value: 100, symbol: null }]);
  });
});

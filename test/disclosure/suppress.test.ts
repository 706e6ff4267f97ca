// Primary and secondary suppression of one breakdown in one quarter, on hand-made breakdowns whose
// answers were worked out by hand.
import { describe, expect, it } from "vitest";
import { suppress, type Breakdown } from "../../src/disclosure/suppress.js";

const RULE = { totals: false, minimum: 8 };
const ALL = { totals: true, minimum: 8 };

/** total and categories a, b, c, ... from numbers; "c" for an agency's [c]; null for no figure. */
function breakdown(total: number | null | "c", ...cats: (number | null | "c")[]): Breakdown {
  const cell = (id: string, v: number | null | "c") => ({ id, value: v === "c" ? null : v, agencyWithheld: v === "c" });
  return { total: cell("total", total), categories: cats.map((v, i) => cell(String.fromCharCode(97 + i), v)) };
}
const ids = (s: Set<string>) => [...s].sort();

describe("suppress()", () => {
  it("withholds nothing when every count is 8 or more, or 0", () => {
    expect(ids(suppress(breakdown(50, 20, 30, 0), RULE))).toEqual([]);
  });

  it("one small cell: withholds it and the next smallest category, so total - shown says nothing exact", () => {
    // 56 = 2 + 10 + 20 + 24: 2 alone would be 56 - 54; with 10 withheld too, they hold 12 between them.
    expect(ids(suppress(breakdown(56, 2, 10, 20, 24), RULE))).toEqual(["a", "b"]);
  });

  it("two small cells that hold 8 or more between them need no third", () => {
    expect(ids(suppress(breakdown(40, 3, 5, 32), RULE))).toEqual(["a", "b"]);
  });

  it("two small cells that hold less than 8 between them take the next smallest with them", () => {
    // 2 + 3 = 5 would tell the reader both are tiny: 20 goes too (25 between the three).
    expect(ids(suppress(breakdown(125, 2, 3, 20, 100), RULE))).toEqual(["a", "b", "c"]);
  });

  it("a small total: shown by default, and its small categories all withheld", () => {
    // 5 = 3 + 2 + 0: the 0 goes too, so that 5 is not known to be split 3 and 2.
    expect(ids(suppress(breakdown(5, 3, 2, 0), RULE))).toEqual(["a", "b", "c"]);
  });

  it('a small total with applyTo "all": withheld with its categories', () => {
    expect(ids(suppress(breakdown(5, 3, 2, 0), ALL))).toEqual(["a", "b", "total"]);
    expect(ids(suppress(breakdown(5), ALL))).toEqual(["total"]);
    expect(ids(suppress(breakdown(5), RULE))).toEqual([]);
    // Categories with no figure ([x]) leave nothing to add up: the total alone goes.
    expect(ids(suppress(breakdown(5, null, null), ALL))).toEqual(["total"]);
  });

  it('a withheld total with every category shown would be their sum: a category goes with it ("all")', () => {
    // Cannot arise from counts alone (a small total has small parts), but can from an agency's [c].
    expect(ids(suppress(breakdown("c", 10, 20), ALL))).toEqual(["a", "total"]);
  });

  it("a zero is never withheld for itself, and is the complement only when nothing else is left", () => {
    expect(ids(suppress(breakdown(30, 0, 3, 27), RULE))).toEqual(["b", "c"]);
    expect(ids(suppress(breakdown(3, 0, 3), RULE))).toEqual(["a", "b"]);
  });

  it("categories that do not add up are protected as if they did", () => {
    // 50 is not 3 + 10 + 20, but a reader cannot tell: 3 still goes with the next smallest.
    expect(ids(suppress(breakdown(50, 3, 10, 20), RULE))).toEqual(["a", "b"]);
    // More than the total (people counted twice): 20 - 15 = 5 would still read as "a and b hold 5".
    expect(ids(suppress(breakdown(20, 3, 15, 15), RULE))).toEqual(["a", "b", "c"]);
    // So far over the total that the difference is negative: it bounds nothing, two are enough.
    expect(ids(suppress(breakdown(20, 3, 15, 30), RULE))).toEqual(["a", "b"]);
  });

  it("an agency's own [c] gets the same secondary protection", () => {
    // 56 - 54 = 2: the agency's [c] would be worked out from the total and the others.
    expect(ids(suppress(breakdown(56, "c", 10, 20, 24), RULE))).toEqual(["a", "b"]);
  });

  it("withholds the total when no other category can protect a withheld one", () => {
    // The second category has no figure ([x]): the reader may take it as 0, so 3 = 12 - 9 - 0.
    expect(ids(suppress(breakdown(12, 3, 9, null), RULE))).toEqual(["a", "b"]);
    expect(ids(suppress(breakdown(12, 3, null), RULE))).toEqual(["a", "total"]);
  });

  it("with no total on show there is nothing to subtract from: only the small cells go", () => {
    expect(ids(suppress(breakdown(null, 3, 20, 30), RULE))).toEqual(["a"]);
  });

  it("takes the threshold from minimum", () => {
    expect(ids(suppress(breakdown(100, 9, 10, 81), { totals: false, minimum: 10 }))).toEqual(["a", "b"]);
    expect(ids(suppress(breakdown(100, 9, 10, 81), RULE))).toEqual([]);
  });

  it("breaks ties in the framework's order", () => {
    expect(ids(suppress(breakdown(43, 3, 20, 20), RULE))).toEqual(["a", "b"]);
  });
});

// What makes an exception, each one's severity worked out by hand, and the ranking worst first.
import { describe, expect, it } from "vitest";
import type { Comparison } from "../../src/trends/compare.js";
import { isException, rankOrder, severity, type Assessed } from "../../src/trends/exceptions.js";
import type { SpcAnalysis } from "../../src/trends/spc.js";
import type { TargetProgress } from "../../src/trends/target.js";

const NO_SPC: SpcAnalysis = { state: "not-computed", points: 2, mean: null, lower: null, upper: null, movingRange: null, signals: [], latest: null, assurance: null };
const cmp = (previous: number | null, value: number | null): Comparison => ({
  value,
  previous,
  sameQuarterLastYear: null,
  change: previous === null || value === null ? null : value - previous,
  changePercent: null,
  changeOnYear: null,
  changeOnYearPercent: null,
  yearToDate: null,
});
const base: Assessed = { status: "stable", tracked: true, category: null, spc: NO_SPC, comparison: cmp(100, 100), better: "low", tolerance: { relative: 0.05, absolute: 2 }, target: null };
const a = (extra: Partial<Assessed>): Assessed => ({ ...base, ...extra });
const pm17: TargetProgress = { perYear: 300, comparison: "at-least", perQuarter: 75, toDate: 150, actualToDate: 118, projectedOutturn: 236, onTrack: false };
const concernSpc = (state: SpcAnalysis["state"]): SpcAnalysis => ({ ...NO_SPC, state, points: 12, mean: 10, lower: 0, upper: 20, movingRange: 4, latest: "special-cause-concern" });

// severity by hand:
const A = a({ status: "worsening", comparison: cmp(100, 120) }); // 20 against / max(100 x 0.05, 2) = 5 -> 4
const B = a({ status: "worsening", comparison: cmp(10, 15) }); // 5 / max(0.5, 2) = 2 -> 2.5
const C = a({ status: "worsening", comparison: cmp(100, 106), spc: concernSpc("computed") }); // 6 / mean moving range 4 = 1.5, + 3 -> 4.5
const D = a({ status: "off-track", target: pm17, better: "high" }); // shortfall 32 / max(150 x 0.05, 2) = 7.5 -> 4.267
const E = a({ status: "missing", comparison: cmp(100, null) });
const F = a({ status: "missing", category: "police" });
const G = a({ status: "missing", tracked: false });
const H = a({ status: "invalid" });
const I = a({ status: "suppressed" });
const J = a({ status: "on-track", target: { ...pm17, actualToDate: 160, onTrack: true }, better: "high", spc: concernSpc("computed") }); // 0 + 3
const K = a({ status: "stable", spc: concernSpc("provisional") });
const L = a({ status: "improving", comparison: cmp(100, 80) }); // a move the right way: 0

describe("exceptions", () => {
  it("are worsening, off-track, special-cause concerns, and missing or invalid tracked totals", () => {
    const flags = { A, B, C, D, E, F, G, H, I, J, K, L };
    const exceptions = Object.entries(flags).filter(([, x]) => isException(x)).map(([k]) => k);
    expect(exceptions).toEqual(["A", "B", "C", "D", "E", "H", "J"]);
  });

  it("scores the move against the direction in its usual variation", () => {
    expect(severity(A)).toBe(4);
    expect(severity(B)).toBe(2.5);
    expect(severity(C)).toBe(4.5);
    expect(severity(D)).toBe(4.267);
    expect(severity(E)).toBe(0);
    expect(severity(J)).toBe(3);
    expect(severity(L)).toBe(0);
    expect(severity(a({ status: "worsening", better: "high", comparison: cmp(100, 80) }))).toBe(4); // a fall when a rise is wanted
  });

  it("ranks by severity, then missing and invalid after every move, ties in framework order", () => {
    const items = [A, B, C, D, E, F, H, J, L].map((x) => ({ exception: isException(x), status: x.status, severity: severity(x) }));
    // C 4.5, D 4.267, A 4, J 3, B 2.5, then E and H (0) in their order
    expect(rankOrder(items)).toEqual([2, 3, 0, 7, 1, 4, 6]);
  });
});

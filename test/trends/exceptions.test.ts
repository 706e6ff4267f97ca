// What makes an exception, each one's tier and severity worked out by hand, and the ranking worst
// first: README's "How exceptions are ranked", example by example.
import { describe, expect, it } from "vitest";
import type { Comparison } from "../../src/trends/compare.js";
import { isException, rankOrder, severity, tierOf, type Assessed } from "../../src/trends/exceptions.js";
import type { SpcAnalysis, SpcSignal } from "../../src/trends/spc.js";
import type { TargetProgress } from "../../src/trends/target.js";

const NO_SPC: SpcAnalysis = {
  state: "not-computed",
  points: 2,
  mean: null,
  lower: null,
  upper: null,
  movingRange: null,
  width: null,
  signals: [],
  marks: [],
  latest: null,
  assurance: null,
  baselines: [],
  rebaseSuggestedAt: null,
};
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
const base: Assessed = {
  status: "stable",
  tracked: true,
  category: null,
  spc: NO_SPC,
  comparison: cmp(100, 100),
  better: "low",
  tolerance: { relative: 0.05, absolute: 2 },
  target: null,
  unit: "count",
  signal: null,
};
const a = (extra: Partial<Assessed>): Assessed => ({ ...base, ...extra });
const pm17: TargetProgress = {
  kind: "per-year",
  atRisk: false,
  yearComplete: false,
  perYear: 300,
  comparison: "at-least",
  perQuarter: 75,
  toDate: 150,
  actualToDate: 118,
  projectedOutturn: 236,
  onTrack: false,
};
/** Locked limits around `mean`, `width` = three sigma, the latest point a concern. */
const locked = (mean: number, width: number, state: SpcAnalysis["state"] = "computed"): SpcAnalysis => ({
  ...NO_SPC,
  state,
  points: 12,
  mean,
  lower: mean - width,
  upper: mean + width,
  movingRange: width / 2.66,
  width,
  latest: "special-cause-concern",
});
const signal = (rule: SpcSignal["rule"]): SpcSignal => ({ rule, from: 5, at: 11, side: "high", reading: "concern" });

// tier and severity by hand (severity = the smaller of the move in sigmas and in tenths of the figure):
const A = a({ status: "worsening", comparison: cmp(100, 120) }); // tier 3; 20 / sqrt(100) = 2; 10 x 20 / 100 = 2 -> 2
const B = a({ status: "worsening", comparison: cmp(10, 15) }); // tier 3; 5 / sqrt(10) = 1.581; 10 x 5 / 10 = 5 -> 1.581
const C = a({ status: "worsening", comparison: cmp(128, 131), spc: locked(100, 30), signal: signal("run-of-seven") }); // tier 1; 31 / 10 = 3.1; 10 x 31 / 100 = 3.1
const S = a({ status: "worsening", comparison: cmp(5, 11), spc: locked(4, 6), signal: signal("beyond-limits") }); // tier 2; 7 / 2 = 3.5; 10 x 7 / 4 = 17.5 -> 3.5
const D = a({ status: "off-track", target: pm17, better: "high" }); // tier 2; 10 x shortfall 32 / 150 = 2.133
const E = a({ status: "missing", comparison: cmp(100, null) }); // tier 4
const F = a({ status: "missing", category: "police" });
const G = a({ status: "missing", tracked: false });
const H = a({ status: "invalid" }); // tier 4
const I = a({ status: "suppressed" });
const J = a({ status: "on-track", target: { ...pm17, actualToDate: 160, onTrack: true }, better: "high", spc: locked(75, 20) }); // tier 2, 0
const K = a({ status: "stable", spc: locked(10, 5, "provisional") });
const L = a({ status: "improving", comparison: cmp(100, 80) }); // a move the right way: 0
const M = a({ status: "stable", spc: locked(100, 30) }); // a concern judged the season: not an exception

describe("exceptions", () => {
  it("are worsening, off-track, a target's special-cause concern, and missing or invalid tracked totals", () => {
    const flags = { A, B, C, S, D, E, F, G, H, I, J, K, L, M };
    const exceptions = Object.entries(flags)
      .filter(([, x]) => isException(x))
      .map(([k]) => k);
    expect(exceptions).toEqual(["A", "B", "C", "S", "D", "E", "H", "J"]);
  });

  it("puts each in a tier: sustained concern, other concern or off track, a move before limits, unknown", () => {
    expect([C, S, D, J, A, B, E, H].map(tierOf)).toEqual([1, 2, 2, 2, 3, 3, 4, 4]);
    expect(tierOf(L)).toBeNull();
    expect(tierOf(M)).toBeNull();
  });

  it("scores a move the smaller of in sigmas and in tenths of the figure", () => {
    expect(severity(A)).toBe(2);
    expect(severity(B)).toBe(1.581);
    expect(severity(C)).toBe(3.1);
    expect(severity(S)).toBe(3.5);
    expect(severity(D)).toBe(2.133);
    expect(severity(E)).toBe(0);
    expect(severity(J)).toBe(0);
    expect(severity(L)).toBe(0);
    expect(severity(a({ status: "worsening", better: "high", comparison: cmp(100, 80) }))).toBe(2); // a fall when a rise is wanted
    // a percentage before limits: sigma is the tolerance at last quarter's level, max(40 x 5%, 2) = 2:
    // 5 / 2 = 2.5 sigmas, 10 x 5 / 40 = 1.25 tenths
    expect(severity(a({ status: "worsening", unit: "percent", comparison: cmp(40, 45) }))).toBe(1.25);
    // a one-count move at a small count is small on the sigma scale however big in per cent
    // biome-ignore lint/suspicious/noApproximativeNumericConstant: severity is rounded to three places, so 1/sqrt(2) reads 0.707
    expect(severity(a({ status: "worsening", comparison: cmp(2, 3) }))).toBe(0.707);
  });

  it("ranks by tier, then severity, ties in framework order: a small count never outranks a sustained shift", () => {
    const all = [A, B, C, S, D, E, F, H, J, L];
    const items = all.map((x) => ({ exception: isException(x), status: x.status, severity: severity(x), tier: tierOf(x) }));
    // C (tier 1); S 3.5, D 2.133, J 0 (tier 2); A 2, B 1.581 (tier 3); E, H (tier 4) in their order
    expect(rankOrder(items)).toEqual([2, 3, 4, 8, 0, 1, 5, 7]);
  });
});

// XmR limits and the four Making Data Count rules, each firing and not firing at its boundary,
// with every expected number worked out by hand in the comments.
import { describe, expect, it } from "vitest";
import { analyse, assurance, type SpcOptions } from "../../src/trends/spc.js";
import { series } from "./builders.js";

const down: SpcOptions = { minimumPoints: 12, better: "low", target: null };
const up: SpcOptions = { ...down, better: "high" };
const rules = (s: ReturnType<typeof analyse>) => s.signals.map((x) => `${x.rule}:${x.side}:${x.from}-${x.at}`);

describe("limits", () => {
  it("computes the mean, the mean moving range and the limits of a small series by hand", () => {
    // 10 12 11 13 12 14: mean 72/6 = 12; moving ranges 2 1 2 1 2, mean 8/5 = 1.6;
    // limits 12 -/+ 2.66 x 1.6 = 4.256 -> 7.744 and 16.256.
    const s = analyse(series([10, 12, 11, 13, 12, 14]), { ...down, minimumPoints: 6 });
    expect(s.state).toBe("computed");
    expect(s.points).toBe(6);
    expect(s.mean).toBe(12);
    expect(s.movingRange).toBe(1.6);
    expect(s.lower).toBeCloseTo(7.744, 9);
    expect(s.upper).toBeCloseTo(16.256, 9);
    expect(s.signals).toEqual([]);
    expect(s.latest).toBe("common-cause");
  });

  it("joins no moving range across a gap and leaves the gap out of the mean", () => {
    // 10 _ 14 12 14 12 14: ranges only 2 2 2 2 (mean 2; joined it would be 4 2 2 2 2 = 2.4).
    // Mean 76/6; upper 76/6 + 5.32.
    const s = analyse(series([10, null, 14, 12, 14, 12, 14]), down);
    expect(s.movingRange).toBe(2);
    expect(s.mean).toBeCloseTo(76 / 6, 6);
    expect(s.upper).toBeCloseTo(76 / 6 + 5.32, 6);
    expect(s.points).toBe(6);
  });

  it("leaves suppressed figures out of the mean and the moving ranges", () => {
    // 10 [c] 14 12 14 12 14: the same as with a gap.
    const s = analyse(series([10, "c", 14, 12, 14, 12, 14]), down);
    expect(s.points).toBe(6);
    expect(s.movingRange).toBe(2);
    expect(s.mean).toBeCloseTo(76 / 6, 6);
  });
});

describe("state", () => {
  const values = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 ? 12 : 10));
  it("computes no limits below 6 points", () => {
    const s = analyse(series(values(5)), down);
    expect(s).toMatchObject({ state: "not-computed", points: 5, mean: null, lower: null, upper: null, latest: null, signals: [] });
  });
  it("shows provisional limits from 6 to 11 points", () => {
    expect(analyse(series(values(6)), down).state).toBe("provisional");
    expect(analyse(series(values(11)), down).state).toBe("provisional");
    expect(analyse(series(values(11)), down).mean).toBeCloseTo(120 / 11, 6);
  });
  it("computes limits from the configured number of points", () => {
    expect(analyse(series(values(12)), down).state).toBe("computed");
    expect(analyse(series(values(8)), { ...down, minimumPoints: 8 }).state).toBe("computed");
    expect(analyse(series(values(7)), { ...down, minimumPoints: 8 }).state).toBe("provisional");
  });
  it("counts gaps out of the points", () => {
    expect(analyse(series([...values(11), null]), down)).toMatchObject({ state: "provisional", points: 11, latest: null });
  });
});

describe("beyond the limits", () => {
  it("flags a point outside the limits and reads it against the direction", () => {
    // ten points alternating 8 16, then 12, 45: mean 177/12 = 14.75 (the 8s and 12 below it, the 16s
    // above, so no run); ranges 8 x 9, 4, 33 = 109/11 = 9.909. Unscreened (the Excel tool): upper
    // 14.75 + 26.358 = 41.108: 45 is beyond; the two-sigma line 14.75 + 17.57 = 32.32 has only 45 past
    // it, so no two-of-three. Screened (the default): 33 >= 3.267 x 9.909 = 32.37 is left out, the
    // mean moving range is 76/10 = 7.6 and the upper limit 14.75 + 20.216 = 34.966: 45 still beyond.
    const values = [8, 16, 8, 16, 8, 16, 8, 16, 8, 16, 12, 45];
    const s = analyse(series(values), down);
    expect(s.mean).toBe(14.75);
    expect(s.upper).toBeCloseTo(14.75 + 2.66 * 7.6, 6);
    expect(s.baselines[0]!.screened).toBe(1);
    expect(analyse(series(values), { ...down, screenOutliers: false }).upper).toBeCloseTo(177 / 12 + 2.66 * (109 / 11), 6);
    expect(rules(s)).toEqual(["beyond-limits:high:11-11"]);
    expect(s.signals[0]!.reading).toBe("concern");
    expect(s.latest).toBe("special-cause-concern");
    expect(analyse(series(values), up).latest).toBe("special-cause-improvement");
    expect(analyse(series(values), { ...up, better: null }).latest).toBe("special-cause-neither");
  });
});

describe("run of seven", () => {
  it("fires on seven points above the mean", () => {
    // 2 6 2 6 2 | 8 12 8 12 8 12 8: mean 86/12 = 7.167, every later point above it, every earlier one below.
    // Ranges 4 4 4 4 6 4 4 4 4 4 4 = 46/11 = 4.182; sigma 3.707, two-sigma lines 14.58 and -0.25: none near.
    const s = analyse(series([2, 6, 2, 6, 2, 8, 12, 8, 12, 8, 12, 8]), down);
    expect(s.mean).toBeCloseTo(86 / 12, 6);
    expect(rules(s)).toEqual(["run-of-seven:high:5-11"]);
    expect(s.latest).toBe("special-cause-concern");
  });

  it("does not fire on six points", () => {
    // 2 6 2 6 2 6 | 8 12 8 12 8 12: mean 84/12 = 7; six below then six above; ranges 42/11: no signal at all.
    const s = analyse(series([2, 6, 2, 6, 2, 6, 8, 12, 8, 12, 8, 12]), down);
    expect(s.mean).toBe(7);
    expect(s.signals).toEqual([]);
    expect(s.latest).toBe("common-cause");
  });

  it("is broken by a point exactly on the mean", () => {
    // 2 6 2 4 2 | 8 12 8 7 12 8 12 8: sum 91 over 13, mean exactly 7; the 7 splits 3 + 4 points above.
    // (13 points, so limits fixed on all 13.)
    const tie = analyse(series([2, 6, 2, 4, 2, 8, 12, 8, 7, 12, 8, 12, 8]), { ...down, minimumPoints: 13 });
    expect(tie.mean).toBe(7);
    expect(tie.signals).toEqual([]);
    // The same with 7.5 there: mean 91.5/13 = 7.04, so 7.5 is above it and eight points run.
    const run = analyse(series([2, 6, 2, 4, 2, 8, 12, 8, 7.5, 12, 8, 12, 8]), { ...down, minimumPoints: 13 });
    expect(rules(run)).toEqual(["run-of-seven:high:5-12"]);
  });

  it("is broken by a gap, and never puts a signal on one", () => {
    const broken = analyse(series([2, 6, 2, 6, 2, 8, 12, 8, null, 12, 8, 12, 8]), down);
    expect(broken.signals.filter((x) => x.rule === "run-of-seven")).toEqual([]);
    const endsInGap = analyse(series([2, 6, 2, 6, 2, 8, 12, 8, 12, 8, 12, 8, null]), down);
    expect(rules(endsInGap)).toEqual(["run-of-seven:high:5-11"]);
    expect(endsInGap.latest).toBeNull();
  });
});

describe("trend of seven", () => {
  it("fires on seven points each higher than the last", () => {
    // 10 14 10 14 10 | 8 9 10 11 12 13 14: mean 135/12 = 11.25; ranges 4 4 4 4 2 1 1 1 1 1 1 = 24/11;
    // sigma 1.934, two-sigma lines 15.12 and 7.38; the longest run on one side is 5 (indices 4-8).
    const s = analyse(series([10, 14, 10, 14, 10, 8, 9, 10, 11, 12, 13, 14]), down);
    expect(rules(s)).toEqual(["trend-of-seven:high:5-11"]);
    expect(s.signals[0]!.reading).toBe("concern");
    expect(analyse(series([10, 14, 10, 14, 10, 8, 9, 10, 11, 12, 13, 14]), up).latest).toBe("special-cause-improvement");
  });

  it("does not fire on six", () => {
    // 10 14 10 14 10 10 | 9 10 11 12 13 14: the 10 10 tie and the fall to 9 leave six rising points.
    const s = analyse(series([10, 14, 10, 14, 10, 10, 9, 10, 11, 12, 13, 14]), down);
    expect(s.signals).toEqual([]);
  });

  it("is broken by a tie", () => {
    // 8 9 10 10 12 13 14: the repeated 10 splits it into 3 and 4.
    const s = analyse(series([10, 14, 10, 14, 10, 8, 9, 10, 10, 12, 13, 14]), down);
    expect(s.signals).toEqual([]);
  });

  it("fires falling too, read as an improvement when a fall is wanted", () => {
    const s = analyse(series([10, 6, 10, 6, 10, 12, 11, 10, 9, 8, 7, 6]), down);
    expect(rules(s)).toEqual(["trend-of-seven:low:5-11"]);
    expect(s.latest).toBe("special-cause-improvement");
  });
});

describe("two of three beyond two sigma", () => {
  it("fires on two of three points beyond the two-sigma line on one side", () => {
    // ten points alternating 10 12, then 16 16: mean 142/12 = 11.833; ranges 2 x 9, 4, 0 = 22/11 = 2;
    // sigma 2/1.128 = 1.773, two-sigma line 15.379, upper limit 17.153: both 16s near, neither beyond.
    const s = analyse(series([10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 16, 16]), down);
    expect(s.upper).toBeCloseTo(142 / 12 + 5.32, 6);
    expect(rules(s)).toEqual(["two-of-three-near-limit:high:10-11"]);
    expect(s.latest).toBe("special-cause-concern");
  });

  it("does not fire on only one of three", () => {
    // ... 12, 16, 12: mean 138/12 = 11.5; ranges 2 x 9, 4, 4 = 26/11; sigma 2.095, line 15.69: only one 16.
    const s = analyse(series([10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 16, 12]), down);
    expect(s.signals).toEqual([]);
    expect(s.latest).toBe("common-cause");
  });

  it("does not flag the latest point when it is the one inside the line", () => {
    // ... 12, 16, 16, 12: the signal completes at the second 16, not at the last point.
    const s = analyse(series([10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 16, 16, 12]), down);
    expect(s.signals.map((x) => x.at)).toEqual([11]);
    expect(s.latest).toBe("common-cause");
  });
});

describe("priority", () => {
  it("lists the latest point's signals first, highest-priority rule first", () => {
    // a rising trend that ends beyond the limits: both complete at the last point.
    const s = analyse(series([10, 11, 10, 11, 10, 11, 10, 11, 12, 13, 14, 15, 30]), down);
    expect(s.signals[0]!.rule).toBe("beyond-limits");
    expect(s.signals[0]!.at).toBe(12);
    expect(s.signals.map((x) => x.rule)).toContain("trend-of-seven");
  });
});

describe("assurance against a target", () => {
  it("passes consistently when both limits are strictly on the passing side", () => {
    expect(assurance(80, 90, { perQuarter: 75, comparison: "at-least" })).toBe("consistently-passing");
    // a target exactly on a limit is hit and missed, as NHSRplotthedots reads it (strictly beyond)
    expect(assurance(75, 90, { perQuarter: 75, comparison: "at-least" })).toBe("hit-and-miss");
    expect(assurance(50, 70, { perQuarter: 75, comparison: "at-least" })).toBe("consistently-failing");
    expect(assurance(70, 80, { perQuarter: 75, comparison: "at-least" })).toBe("hit-and-miss");
    expect(assurance(50, 70, { perQuarter: 75, comparison: "at-most" })).toBe("consistently-passing");
    expect(assurance(80, 90, { perQuarter: 75, comparison: "at-most" })).toBe("consistently-failing");
  });
  it("is given with the limits of a target measure", () => {
    // 70..80 alternating: mean 75, ranges 10, limits 75 -/+ 26.6: a quarter's target of 75 sits inside.
    const s = analyse(series([70, 80, 70, 80, 70, 80, 70, 80, 70, 80, 70, 80]), { ...up, target: { perQuarter: 75, comparison: "at-least" } });
    expect(s.assurance).toBe("hit-and-miss");
    expect(analyse(series([70, 80, 70, 80, 70, 80]), up).assurance).toBeNull();
  });
});

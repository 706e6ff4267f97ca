// Forty SPC vectors in the manner of NHSRplotthedots' own tests, each worked out by hand from the
// documented rules (README "How a figure is judged"), with its settings: screening, the points the
// limits are fixed after, count or not, re-baselining, direction and target. Each gives the mean, the
// limits, every point's reading and the assurance.
//
// Marks, one per point: "." common cause (or no limits), "U"/"L" beyond the upper/lower limit,
// "T+"/"T-" a trend up/down, "2+"/"2-" two of three beyond two sigma above/below, "R+"/"R-" a run
// above/below the mean.
import { describe, expect, it } from "vitest";
import { analyse, type SpcAnalysis, type SpcOptions } from "../../src/trends/spc.js";
import { series } from "./builders.js";

/** Twelve points alternating 10 12: mean 11, every moving range 2, limits 11 -/+ 5.32 = 5.68 to
 *  16.32, two-sigma lines 11 -/+ 3.547 = 7.453 and 14.547. Locked after 12, so what follows never moves them. */
const B = [10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12];
const dots = (n: number) => Array.from({ length: n }, () => ".");

interface Vector {
  name: string;
  values: (number | null)[];
  options?: Partial<SpcOptions>;
  mean: number | null;
  lower: number | null;
  upper: number | null;
  marks: string[];
  latest?: SpcAnalysis["latest"];
  assurance?: SpcAnalysis["assurance"];
  state?: SpcAnalysis["state"];
}

const code = (m: SpcAnalysis["marks"][number]) => {
  if (!m) return ".";
  if (m.rule === "beyond-limits") return m.side === "high" ? "U" : "L";
  const sign = m.side === "high" ? "+" : "-";
  return { "trend-of-seven": "T", "two-of-three-near-limit": "2", "run-of-seven": "R" }[m.rule] + sign;
};

const VECTORS: Vector[] = [
  { name: "1 flat baseline: all common cause", values: B, mean: 11, lower: 5.68, upper: 16.32, marks: dots(12), latest: "common-cause" },
  {
    name: "2 seven points above the mean after the baseline (the last 12 starts it)",
    values: [...B, 13, 13, 13, 13, 13, 13, 13],
    mean: 11,
    lower: 5.68,
    upper: 16.32,
    marks: [...dots(11), ...Array(8).fill("R+")],
    latest: "special-cause-concern",
  },
  {
    name: "3 the same read with a rise wanted",
    values: [...B, 13, 13, 13, 13, 13, 13, 13],
    options: { better: "high" },
    mean: 11,
    lower: 5.68,
    upper: 16.32,
    marks: [...dots(11), ...Array(8).fill("R+")],
    latest: "special-cause-improvement",
  },
  {
    name: "4 the same with no direction",
    values: [...B, 13, 13, 13, 13, 13, 13, 13],
    options: { better: null },
    mean: 11,
    lower: 5.68,
    upper: 16.32,
    marks: [...dots(11), ...Array(8).fill("R+")],
    latest: "special-cause-neither",
  },
  { name: "5 six points above: no run", values: [...B, 13, 13, 13, 13, 13], mean: 11, lower: 5.68, upper: 16.32, marks: dots(17), latest: "common-cause" },
  { name: "6 seven rising points: a trend", values: [...B, 10.5, 11, 11.5, 12, 12.5, 13, 13.5], mean: 11, lower: 5.68, upper: 16.32, marks: [...dots(12), ...Array(7).fill("T+")] },
  { name: "7 six rising points: no trend", values: [...B, 10.5, 11, 11.5, 12, 12.5, 13], mean: 11, lower: 5.68, upper: 16.32, marks: dots(18) },
  { name: "8 a tie breaks the trend", values: [...B, 10.5, 11, 11.5, 11.5, 12.5, 13, 13.5], mean: 11, lower: 5.68, upper: 16.32, marks: dots(19) },
  // The last 12 of the baseline is higher than 11.5, so the trend starts there: eight points.
  {
    name: "9 seven falling points: a falling trend",
    values: [...B, 11.5, 11, 10.5, 10, 9.5, 9, 8.5],
    mean: 11,
    lower: 5.68,
    upper: 16.32,
    marks: [...dots(11), ...Array(8).fill("T-")],
    latest: "special-cause-improvement",
  },
  { name: "10 two of three above two sigma (12 15 15, all above the mean)", values: [...B, 15, 15], mean: 11, lower: 5.68, upper: 16.32, marks: [...dots(12), "2+", "2+"] },
  { name: "11 two of three with the middle one inside: only the two marked", values: [...B, 15, 12, 15], mean: 11, lower: 5.68, upper: 16.32, marks: [...dots(12), "2+", ".", "2+"] },
  { name: "12 the middle point on the other side breaks the window; 5 is beyond", values: [...B, 15, 5, 15], mean: 11, lower: 5.68, upper: 16.32, marks: [...dots(13), "L", "."] },
  { name: "13 one near and one beyond: both count, the beyond one keeps its own rule", values: [...B, 15, 17], mean: 11, lower: 5.68, upper: 16.32, marks: [...dots(12), "2+", "U"] },
  { name: "14 a gap inside the window: no two of three", values: [...B, 15, null, 15], mean: 11, lower: 5.68, upper: 16.32, marks: dots(15), latest: "common-cause" },
  { name: "15 two of three below (10 7 7)", values: [...B, 10, 7, 7], mean: 11, lower: 5.68, upper: 16.32, marks: [...dots(13), "2-", "2-"] },
  { name: "16 below the lower limit", values: [...B, 5], mean: 11, lower: 5.68, upper: 16.32, marks: [...dots(12), "L"] },
  { name: "17 exactly on the upper limit is not beyond it", values: [...B, 16.32], mean: 11, lower: 5.68, upper: 16.32, marks: dots(13) },
  { name: "18 a hair above it is", values: [...B, 16.33], mean: 11, lower: 5.68, upper: 16.32, marks: [...dots(12), "U"] },
  { name: "19 a point on the mean breaks a run", values: [...B, 13, 13, 13, 11, 13, 13, 13], mean: 11, lower: 5.68, upper: 16.32, marks: dots(19) },
  { name: "20 a gap breaks a run", values: [...B, 13, 13, 13, null, 13, 13, 13], mean: 11, lower: 5.68, upper: 16.32, marks: dots(19) },
  { name: "21 seven below the mean", values: [...B, 9, 9, 9, 9, 9, 9, 9], mean: 11, lower: 5.68, upper: 16.32, marks: [...dots(12), ...Array(7).fill("R-")] },
  // NHSRplotthedots' deviations vignette: 1 2 1 2 10 1 2 ... (18 points, limits on all 18). Sum 35,
  // mean 1.9444; moving ranges 1 1 1 8 9 and twelve 1s = 32/17 = 1.8824. Screened: 8 and 9 are at or
  // above 3.267 x 1.8824 = 6.15, so the mean moving range is 15/15 = 1 and the limits 1.9444 -/+ 2.66.
  {
    name: "22 the vignette's spike, screened (the default)",
    values: [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1],
    options: { minimumPoints: 18 },
    mean: 1.944444,
    lower: -0.715556,
    upper: 4.604444,
    marks: [...dots(4), "U", ...dots(13)],
  },
  // Unscreened (the Excel tool): 1.9444 -/+ 2.66 x 1.8824 = 5.0071.
  {
    name: "23 the vignette's spike, unscreened",
    values: [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1],
    options: { minimumPoints: 18, screenOutliers: false },
    mean: 1.944444,
    lower: -3.062614,
    upper: 6.951503,
    marks: [...dots(4), "U", ...dots(13)],
  },
  {
    name: "24 limits fixed after 6 points: the 20s are beyond them",
    values: [10, 12, 10, 12, 10, 12, 20, 20],
    options: { minimumPoints: 6 },
    mean: 11,
    lower: 5.68,
    upper: 16.32,
    marks: [...dots(6), "U", "U"],
    state: "computed",
    latest: "special-cause-concern",
  },
  // Trial limits over all 8: mean 106/8 = 13.25; ranges 2 x 5 and 8 and 0 = 18/7 = 2.5714 (8 < 3.267 x
  // 2.5714 = 8.4, kept); limits 13.25 -/+ 6.84; two sigma 17.81: the 20s are near, but 12 before them
  // is below the mean, so no window of three on one side.
  {
    name: "25 the same, limits not yet fixed (trial limits move with the 20s)",
    values: [10, 12, 10, 12, 10, 12, 20, 20],
    mean: 13.25,
    lower: 6.41,
    upper: 20.09,
    marks: dots(8),
    state: "provisional",
  },
  { name: "26 fewer than 6 points: no limits", values: [10, 12, 10, 12, 10], mean: null, lower: null, upper: null, marks: dots(5), state: "not-computed", latest: null },
  // 1..7 then 6..1: mean of the first twelve 48/12 = 4, every range 1, limits 1.34 to 6.66, two sigma
  // 2.227 and 5.773. A trend up (points 0-6) and down (6-12); 1, 7 and 1 are beyond; the peak is beyond
  // (its own rule outranks both trends); the two-of-three points near the ends are in trends, which outrank them.
  {
    name: "27 a peak: trends both ways, the ends beyond",
    values: [1, 2, 3, 4, 5, 6, 7, 6, 5, 4, 3, 2, 1],
    mean: 4,
    lower: 1.34,
    upper: 6.66,
    marks: ["L", "T+", "T+", "T+", "T+", "T+", "U", "T-", "T-", "T-", "T-", "T-", "L"],
  },
  // 7 7 7 7 6 6 6 6 6 5 5 5 as counts: mean 73/12 = 6.0833; ranges 0 0 0 1 0 0 0 0 1 0 0 (mean 0.18;
  // screening leaves out the two 1s, so 0): the Poisson floor 3 x sqrt(6.0833) = 7.399 sets the width;
  // the lower line 6.0833 - 7.399 < 0 becomes 0. The eight below the mean total 44 against 48.67
  // predicted: 4.67 short, inside 2 x sqrt(48.67) = 13.95, so not a run.
  {
    name: "28 near-constant small counts: the Poisson floor, no alarm",
    values: [7, 7, 7, 7, 6, 6, 6, 6, 6, 5, 5, 5],
    options: { count: true },
    mean: 6.083333,
    lower: 0,
    upper: 13.482658,
    marks: dots(12),
    latest: "common-cause",
  },
  {
    name: "29 the same as an amount: screened to a width of 0, every point beyond",
    values: [7, 7, 7, 7, 6, 6, 6, 6, 6, 5, 5, 5],
    mean: 6.083333,
    lower: 6.083333,
    upper: 6.083333,
    marks: ["U", "U", "U", "U", ...Array(8).fill("L")],
  },
  // Unscreened: mean moving range 2/11 = 0.1818, width 0.4836: 5.5997 to 6.5670; the 6s are inside,
  // the 5s beyond, and the eight below the mean a run (the 5s keep their own rule).
  {
    name: "30 the same unscreened: the 6s in a run below the mean",
    values: [7, 7, 7, 7, 6, 6, 6, 6, 6, 5, 5, 5],
    options: { screenOutliers: false },
    mean: 6.083333,
    lower: 5.599697,
    upper: 6.56697,
    marks: ["U", "U", "U", "U", "R-", "R-", "R-", "R-", "R-", "L", "L", "L"],
  },
  // 8 12 x 6 as counts: mean 10, moving range 4, width max(10.64, 3 x sqrt(10) = 9.49) = 10.64, lower
  // 0. Then seven 16s: with the last 12, eight above the mean totalling 124 against 80: 44 > 2 x
  // sqrt(80) = 17.9, a shift.
  {
    name: "31 a count's real shift is a run",
    values: [8, 12, 8, 12, 8, 12, 8, 12, 8, 12, 8, 12, 16, 16, 16, 16, 16, 16, 16],
    options: { count: true },
    mean: 10,
    lower: 0,
    upper: 20.64,
    marks: [...dots(11), ...Array(8).fill("R+")],
  },
  // Seven 11s: the eight total 89 against 80, inside 17.9: not a shift for a count.
  {
    name: "32 a count's run of a difference of one is not",
    values: [8, 12, 8, 12, 8, 12, 8, 12, 8, 12, 8, 12, 11, 11, 11, 11, 11, 11, 11],
    options: { count: true },
    mean: 10,
    lower: 0,
    upper: 20.64,
    marks: dots(19),
  },
  // Re-baselined at point 12: the new baseline's six points give trial limits of their own, 21 -/+ 5.32.
  {
    name: "33 a new baseline from point 12 (a new service)",
    values: [...B, 20, 22, 20, 22, 20, 22],
    options: { rebases: [{ at: 12, reason: "new service" }] },
    mean: 21,
    lower: 15.68,
    upper: 26.32,
    marks: dots(18),
    state: "provisional",
  },
  // ... and the last 12, above the mean, starts a run of seven with them.
  { name: "34 the same without re-baselining: all six beyond", values: [...B, 20, 22, 20, 22, 20, 22], mean: 11, lower: 5.68, upper: 16.32, marks: [...dots(11), "R+", ...Array(6).fill("U")] },
  {
    name: "35 a new baseline of three points has no limits yet",
    values: [...B, 20, 22, 20],
    options: { rebases: [{ at: 12, reason: "new service" }] },
    mean: null,
    lower: null,
    upper: null,
    marks: dots(15),
    state: "not-computed",
    latest: null,
  },
  // 0 x 5 then 30 down to 24, as counts: mean 189/12 = 15.75; ranges 0 0 0 0 30 1 1 1 1 1 1 (30 >=
  // 3.267 x 36/11 = 10.69, screened), mean moving range 0.6, width max(1.6, 3 x sqrt(15.75) = 11.906);
  // limits 3.8441 to 27.6559. The 0s and 30 29 28 are beyond; 27 to 24 end a falling trend, which
  // outranks both the run above the mean and two of three near the limit.
  {
    name: "36 a falling trend above the mean reads as the trend",
    values: [0, 0, 0, 0, 0, 30, 29, 28, 27, 26, 25, 24],
    options: { count: true, better: "high" },
    mean: 15.75,
    lower: 3.844119,
    upper: 27.655881,
    marks: ["L", "L", "L", "L", "L", "U", "U", "U", "T-", "T-", "T-", "T-"],
    latest: "special-cause-concern",
  },
  // A gap in the baseline: 10 12 _ 10 12 ...: twelve values, ranges only between neighbours (ten of 2).
  { name: "37 a gap in the baseline joins no moving range", values: [10, 12, null, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12], mean: 11, lower: 5.68, upper: 16.32, marks: dots(13) },
  { name: "38 negative values", values: B.map((v) => -v), mean: -11, lower: -16.32, upper: -5.68, marks: dots(12) },
  // Trial limits over 8 points: mean 106/8 = 13.25; ranges six 2s and 20 (20 >= 3.267 x 32/7 = 14.9,
  // screened), so 2; limits 13.25 -/+ 5.32: 30 is beyond, and the spike has pulled the trial mean
  // above all seven points before it, a run below: trial limits are shown, never acted on.
  {
    name: "39 a spike on trial limits is shown",
    values: [10, 12, 10, 12, 10, 12, 10, 30],
    mean: 13.25,
    lower: 7.93,
    upper: 18.57,
    marks: [...Array(7).fill("R-"), "U"],
    state: "provisional",
    latest: "special-cause-concern",
  },
  {
    name: "40 a target above the upper limit, a rise wanted: consistently failing",
    values: B,
    options: { better: "high", target: { perQuarter: 20, comparison: "at-least" } },
    mean: 11,
    lower: 5.68,
    upper: 16.32,
    marks: dots(12),
    assurance: "consistently-failing",
  },
  {
    name: "41 a target below the lower limit, a rise wanted: consistently passing",
    values: B,
    options: { better: "high", target: { perQuarter: 5, comparison: "at-least" } },
    mean: 11,
    lower: 5.68,
    upper: 16.32,
    marks: dots(12),
    assurance: "consistently-passing",
  },
  {
    name: "42 a target inside the limits: hit and miss",
    values: B,
    options: { better: "high", target: { perQuarter: 11, comparison: "at-least" } },
    mean: 11,
    lower: 5.68,
    upper: 16.32,
    marks: dots(12),
    assurance: "hit-and-miss",
  },
  {
    name: "43 a target on a limit: hit and miss",
    values: B,
    options: { better: "high", target: { perQuarter: 16.32, comparison: "at-least" } },
    mean: 11,
    lower: 5.68,
    upper: 16.32,
    marks: dots(12),
    assurance: "hit-and-miss",
  },
  {
    name: "44 a ceiling above the upper limit, a fall wanted: consistently passing",
    values: B,
    options: { better: "low", target: { perQuarter: 20, comparison: "at-most" } },
    mean: 11,
    lower: 5.68,
    upper: 16.32,
    marks: dots(12),
    assurance: "consistently-passing",
  },
  {
    name: "45 a ceiling below the lower limit: consistently failing",
    values: B,
    options: { better: "low", target: { perQuarter: 5, comparison: "at-most" } },
    mean: 11,
    lower: 5.68,
    upper: 16.32,
    marks: dots(12),
    assurance: "consistently-failing",
  },
];

describe("SPC vectors", () => {
  for (const v of VECTORS) {
    it(v.name, () => {
      const options: SpcOptions = { minimumPoints: 12, better: "low", target: null, screenOutliers: true, count: false, ...v.options };
      const s = analyse(series(v.values), options);
      if (v.mean === null) expect(s.mean).toBeNull();
      else expect(s.mean).toBeCloseTo(v.mean, 5);
      if (v.lower === null) expect(s.lower).toBeNull();
      else expect(s.lower).toBeCloseTo(v.lower, 5);
      if (v.upper === null) expect(s.upper).toBeNull();
      else expect(s.upper).toBeCloseTo(v.upper, 5);
      expect(s.marks.map(code)).toEqual(v.marks);
      if (v.latest !== undefined) expect(s.latest).toBe(v.latest);
      if (v.state !== undefined) expect(s.state).toBe(v.state);
      expect(s.assurance).toBe(v.assurance ?? null);
    });
  }
});

// The status of one figure, row by row of README's decision table: symbols and returns, directions,
// targets, locked limits (special causes, the season, common cause) and, before they lock, moves
// against tolerance, chance and the same quarter last year.
import { describe, expect, it } from "vitest";
import type { DirectionSpec, Unit } from "../../src/framework/schema.js";
import { compare } from "../../src/trends/compare.js";
import { betterSide, effectiveDirection } from "../../src/trends/direction.js";
import type { HistoryPoint } from "../../src/trends/history.js";
import { judgeFigure, withinTolerance, type FigureToJudge } from "../../src/trends/judge.js";
import { analyse } from "../../src/trends/spc.js";
import { targetProgress } from "../../src/trends/target.js";
import type { GssSymbol } from "../../src/types.js";
import { direction, p, series } from "./builders.js";

const PERIOD = p("2026-27", "Q2");
const TOLERANCE = { relative: 0.05, absolute: 2 };

interface Case {
  values: (number | null | "c" | "x" | "z")[];
  direction?: DirectionSpec;
  tolerance?: typeof TOLERANCE;
  returnStatus?: FigureToJudge["returnStatus"];
  /** The figure for the quarter; by default the last value of the series. */
  figure?: { value: number | null; symbol: GssSymbol | null } | null;
  unit?: Unit;
  minimumPoints?: number;
  category?: string | null;
  rebases?: { at: number; reason: string }[];
}

function assess(c: Case) {
  const history: HistoryPoint[] = series(c.values, PERIOD);
  const unit = c.unit ?? "count";
  const comparison = compare(history, PERIOD, unit);
  const d = effectiveDirection(c.direction ?? direction("down"), c.category ?? null, PERIOD.year);
  const target = d.target ? targetProgress(d.target, PERIOD, unit, comparison.value, comparison.yearToDate) : null;
  const spc = analyse(history, { minimumPoints: c.minimumPoints ?? 12, better: betterSide(d), target: null, count: unit === "count", screenOutliers: true, rebases: c.rebases ?? [] });
  const last = history[history.length - 1]!;
  const figure = c.figure !== undefined ? c.figure : last.gap ? null : { value: last.value, symbol: last.symbol };
  return judgeFigure({
    agencyName: "Doncaster Council",
    returnStatus: c.returnStatus ?? "received",
    figure,
    comparison,
    direction: d,
    tolerance: c.tolerance ?? TOLERANCE,
    unit,
    history,
    spc,
    spcMinimumPoints: c.minimumPoints ?? 12,
    target,
    suddenChange: false,
  });
}
const codes = (j: ReturnType<typeof assess>) => j.reasons.map((r) => r.code);

describe("before the limits lock: tolerance, chance and the year", () => {
  it("is met within the absolute OR the relative tolerance", () => {
    expect(withinTolerance(1, 5, TOLERANCE)).toBe(true); // 5 -> 6: 1 <= 2, though 20%
    expect(withinTolerance(3, 5, TOLERANCE)).toBe(false); // 3 > 2 and 3 > 0.25
    expect(withinTolerance(5, 100, TOLERANCE)).toBe(true); // 5 > 2 but 5 <= 5% of 100
    expect(withinTolerance(-6, 100, TOLERANCE)).toBe(false);
  });

  it("calls 5 -> 6 stable, within the tolerance", () => {
    const j = assess({ values: [5, 6] });
    expect(j).toMatchObject({ status: "stable", decidedBy: "tolerance" });
    expect(codes(j)).toEqual(["within-tolerance", "limits-provisional"]); // two points: limits not computed
  });

  it("calls a count's move that chance gives stable, however big in per cent", () => {
    // 5 -> 8: outside the tolerance (3 > 2, 60%), but given 13 in all, 8 or more of them in the later
    // quarter has P = (1287+715+286+78+13+1)/8192 = 0.29.
    const j = assess({ values: [5, 8] });
    expect(j).toMatchObject({ status: "stable", decidedBy: "chance" });
    expect(codes(j)[0]).toBe("within-chance");
    expect(j.reasons[0]!.text).toBe("The move from 5 to 8 is within what chance gives (p = 0.291): a move counts only when it is beyond a test of two counts against chance, 2.5% each way.");
    expect(assess({ values: [100, 106] }).status).toBe("stable");
  });

  it("judges a count's move beyond chance against the direction, with no year ago to check", () => {
    // 5 -> 20: P(Y >= 20 | 25) = 68406 / 2^25 = 0.002.
    const j = assess({ values: [5, 20] });
    expect(j).toMatchObject({ status: "worsening", decidedBy: "quarter" });
    expect(codes(j)).toEqual(["worsening", "limits-provisional"]);
    expect(assess({ values: [20, 5] }).status).toBe("improving");
    expect(assess({ values: [5, 20], direction: direction("up") }).status).toBe("improving");
    expect(assess({ values: [100, 140] }).status).toBe("worsening"); // z = 20 / sqrt(60) = 2.6
  });

  it("needs the move on the year to agree: a seasonal swing ordinary on the year is stable", () => {
    // 100 -> 140 is beyond chance on the quarter; against 140 a year ago it is no change.
    const same = assess({ values: [140, 100, 100, 100, 140] });
    expect(same).toMatchObject({ status: "stable", decidedBy: "year" });
    expect(codes(same)[0]).toBe("ordinary-on-the-year");
    // against 160 a year ago it is a fall: the other way
    expect(assess({ values: [160, 100, 100, 100, 140] })).toMatchObject({ status: "stable", decidedBy: "year" });
    // against 130 a year ago: up, but within chance (z = 10 / sqrt(135) = 0.9)
    expect(assess({ values: [130, 100, 100, 100, 140] })).toMatchObject({ status: "stable", decidedBy: "year" });
    // against 100 a year ago: beyond chance both ways
    const both = assess({ values: [100, 100, 100, 100, 140] });
    expect(both).toMatchObject({ status: "worsening", decidedBy: "quarter-and-year" });
    expect(both.reasons[0]!.text).toMatch(
      /^Rose from 100 to 140, beyond a test of two counts against chance, 2.5% each way \(p = 0.00\d\), and against the same quarter last year \(100\) too \(p = 0.00\d\); the partnership wants it to fall.$/,
    );
  });

  it("holds a percentage to twice the tolerance, as it comes without its denominator", () => {
    // 40% -> 44%: 4 points is outside the tolerance (2, 5% of 40 = 2) but not beyond twice it (4);
    // 40% -> 45% is.
    expect(assess({ values: [40, 44], unit: "percent" })).toMatchObject({ status: "stable", decidedBy: "chance" });
    expect(assess({ values: [40, 45], unit: "percent" })).toMatchObject({ status: "worsening", decidedBy: "quarter" });
  });

  it("uses the measure's own tolerance over the workspace default", () => {
    expect(assess({ values: [5, 20], tolerance: { relative: 0, absolute: 15 } }).status).toBe("stable");
    expect(assess({ values: [40, 45], unit: "percent", tolerance: { relative: 0, absolute: 3 } }).status).toBe("stable"); // 5 < 2 x 3
  });
});

describe("nothing to compare", () => {
  it("is insufficient data without last quarter's figure", () => {
    expect(assess({ values: [12] }).status).toBe("insufficient-data");
    expect(assess({ values: [10, null, 12] }).status).toBe("insufficient-data");
    expect(codes(assess({ values: [10, "c", 12] }))).toEqual(["no-comparison", "limits-provisional"]);
    // a withheld figure is neither a value nor a gap, and the reason says which it was
    expect(assess({ values: [10, "c", 12] }).reasons[0]!.text).toBe("Last quarter's figure was withheld ([c]), so there is nothing to compare with.");
    expect(assess({ values: [10, null, 12] }).reasons[0]!.text).toBe("There is no figure for last quarter to compare with.");
    expect(assess({ values: [10, "x", 12] }).reasons[0]!.text).toBe("Last quarter's figure was given as not available ([x]), so there is nothing to compare with.");
  });

  it("judges a rise from zero, which has no percentage", () => {
    // 0 -> 12: P(Y >= 12 | 12) = 1/4096
    expect(assess({ values: [0, 12], direction: direction("up") }).status).toBe("improving");
  });

  it("does not compare across a new baseline", () => {
    const j = assess({ values: [10, 10, 10, 30], rebases: [{ at: 3, reason: "new recording rule" }] });
    expect(j.status).toBe("insufficient-data");
    expect(j.reasons[0]!.text).toBe("A new baseline starts this quarter (new recording rule): it is not compared with the quarters before it.");
  });
});

describe("directions without a judgement", () => {
  it("gives none for-information and baseline baseline, whatever the move", () => {
    expect(assess({ values: [5, 50], direction: direction("none") }).status).toBe("for-information");
    expect(assess({ values: [5, 50], direction: direction("baseline") }).status).toBe("baseline");
    expect(assess({ values: [50], direction: direction("none") }).status).toBe("for-information");
  });

  it("judges each category by its own direction", () => {
    const pm2 = direction("none", { categories: { police: { wanted: "down", reason: "r" }, health: { wanted: "up", reason: "r" } } });
    expect(assess({ values: [10, 30], direction: pm2, category: "police" }).status).toBe("worsening");
    expect(assess({ values: [10, 30], direction: pm2, category: "health" }).status).toBe("improving");
    expect(assess({ values: [10, 30], direction: pm2, category: "housing" }).status).toBe("for-information");
    expect(assess({ values: [10, 30], direction: pm2, category: null }).status).toBe("for-information");
  });

  it("judges by the direction in force in the reported year", () => {
    const d = direction("up", { changes: [{ from: "2026-27", wanted: "down", reason: "now fall" }] });
    // the reported quarter is in 2026-27, so a rise is now the wrong way
    expect(assess({ values: [10, 30], direction: d }).status).toBe("worsening");
    const later = direction("up", { changes: [{ from: "2027-28", wanted: "down", reason: "fall later" }] });
    expect(assess({ values: [10, 30], direction: later }).status).toBe("improving");
  });
});

describe("symbols and returns", () => {
  it("calls [c] suppressed, [x] missing and [z] for information", () => {
    expect(assess({ values: [10, "c"] })).toMatchObject({ status: "suppressed", cause: "suppressed" });
    expect(assess({ values: [10, "x"] })).toMatchObject({ status: "missing", cause: "not-available" });
    expect(assess({ values: [10, "z"] })).toMatchObject({ status: "for-information", cause: "not-applicable" });
  });

  it("calls a figure of a missing return missing, and one that failed an invalid return's checks invalid", () => {
    expect(assess({ values: [10, null], returnStatus: "missing" })).toMatchObject({ status: "missing", cause: "return-missing" });
    expect(assess({ values: [10, null], returnStatus: "invalid" })).toMatchObject({ status: "invalid", cause: "return-invalid" });
    expect(assess({ values: [10, null], returnStatus: "received" })).toMatchObject({ status: "missing", cause: "not-in-return" });
  });

  it("judges a figure that passed in an invalid return like any other", () => {
    expect(assess({ values: [10, 30], returnStatus: "invalid" }).status).toBe("worsening");
  });

  it("judges a [u] figure by its value", () => {
    expect(assess({ values: [10, 30], figure: { value: 30, symbol: "u" } }).status).toBe("worsening");
  });
});

describe("targets", () => {
  const pm17 = direction("target", { target: { perYear: 300, comparison: "at-least" } });
  it("is off track at 118 against 150 to date, on track at 150", () => {
    const off = assess({ values: [50, 68], direction: pm17 });
    expect(off).toMatchObject({ status: "off-track", decidedBy: "target" });
    expect(off.reasons[0]!.text).toBe("Off track: 118 against a target to date of 150 (at least 300 a year).");
    expect(assess({ values: [75, 75], direction: pm17 }).status).toBe("on-track");
  });
  it("cannot judge the year to date with a quarter missing", () => {
    expect(assess({ values: [null, 80], direction: pm17 }).status).toBe("insufficient-data");
  });
});

describe("locked limits", () => {
  // 2 6 2 6 2 | 8 12 8 12 8 12 11: mean 89/12 = 7.417; moving ranges 4 x 4, 6, 4 x 5, 1 = 43/11 = 3.909
  // (none at or above 3.267 x 3.909 = 12.77, so none screened); width 2.66 x 3.909 = 10.40, above the
  // Poisson floor 3 x sqrt(7.417) = 8.17. The last seven are above the mean (a run), and their total 71
  // is 19.1 above the 51.9 the mean predicts, beyond 2 x sqrt(51.9) = 14.4: a shift, not a difference of one.
  const run = [2, 6, 2, 6, 2, 8, 12, 8, 12, 8, 12, 11];

  it("makes a special-cause concern worsening, with one reason that says why", () => {
    const j = assess({ values: run, direction: direction("down") });
    expect(j).toMatchObject({ status: "worsening", decidedBy: "limits" });
    expect(codes(j)).toEqual(["special-cause-concern"]);
    expect(j.reasons[0]!.text).toBe("Special cause, the wrong way: a run of 7 points above the mean of the locked limits (0 to 17.8); the partnership wants it to fall.");
    expect(j.signal).toMatchObject({ rule: "run-of-seven", from: 5, at: 11 });
  });

  it("makes a special-cause improvement improving", () => {
    const j = assess({ values: run, direction: direction("up") });
    expect(j.status).toBe("improving");
    expect(codes(j)).toEqual(["special-cause-improvement"]);
  });

  it("reads a falling trend still above the mean as the trend, not the run (Making Data Count's priority)", () => {
    // 0 x 5, then 30 29 28 27 26 25 24: a run of 7 above the mean 189/12 = 15.75 and a falling trend
    // of 7; the trend comes first, so for a rise wanted the latest point is a concern.
    const j = assess({ values: [0, 0, 0, 0, 0, 30, 29, 28, 27, 26, 25, 24], direction: direction("up") });
    expect(j.status).toBe("worsening");
    expect(j.signal?.rule).toBe("trend-of-seven");
  });

  it("calls common cause stable, whatever the move on last quarter", () => {
    // 100 140 alternating: mean 120, moving range 40, limits 120 -/+ 106.4; a fall of 40 is ordinary.
    const j = assess({ values: [100, 140, 100, 140, 100, 140, 100, 140, 100, 140, 100, 140, 100], direction: direction("up") });
    expect(j).toMatchObject({ status: "stable", decidedBy: "limits" });
    expect(codes(j)).toEqual(["within-usual-variation"]);
    expect(j.reasons[0]!.text).toBe("Common cause: 100 is inside this figure's process limits (13.6 to 226.4, around an average of 120) and no special-cause rule fires.");
  });

  it("calls an unusual point that the same quarter last year also had the season, not a change", () => {
    // twelve of 100 102 (mean 101, moving range 2, limits 95.68 to 106.32), then 120 101 100 102 121:
    // 121 is beyond the limits, as 120 was a year before, and 120 -> 121 is within twice the tolerance.
    const values = [100, 102, 100, 102, 100, 102, 100, 102, 100, 102, 100, 102, 120, 101, 100, 102, 121];
    const j = assess({ values, unit: "amount" });
    expect(j).toMatchObject({ status: "stable", decidedBy: "year" });
    expect(codes(j)).toEqual(["seasonal"]);
    // the first time, it is a special cause
    expect(assess({ values: values.slice(0, 13), unit: "amount" }).status).toBe("worsening");
    // a shift that began a year ago keeps the quarters between on its side: not the season
    const shift = [100, 102, 100, 102, 100, 102, 100, 102, 100, 102, 100, 102, 120, 121, 119, 120, 121];
    expect(assess({ values: shift, unit: "amount" })).toMatchObject({ status: "worsening", decidedBy: "limits" });
  });

  it("does not act on trial limits, and says they are trial limits", () => {
    const j = assess({ values: run, direction: direction("down"), minimumPoints: 13 });
    expect(j.status).toBe("stable");
    expect(codes(j)).toEqual(["within-tolerance", "limits-provisional"]);
    expect(j.reasons[1]!.text).toBe("Only 12 quarters have a value on record: the process limits are trial limits until there are 13, so their signals are shown but not acted on.");
  });

  it("says plainly when limits are not yet computed", () => {
    const j = assess({ values: [5, 6, 7] });
    expect(j.reasons.at(-1)).toEqual({ code: "limits-provisional", text: "Only 3 quarters have a value on record: process limits are not computed until there are at least 6." });
  });

  it("tells the analyst when a run past the baseline suggests re-baselining, and never does it", () => {
    // 10 12 x 6 (mean 11, limits 5.68 to 16.32), then seven quarters of 13: a run above the mean
    // that lasts past the twelve points the limits were fixed on. The run begins at the last 12
    // (2024-25 Q3, also above the mean), which is where Making Data Count would re-baseline from.
    const values = [10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 13, 13, 13, 13, 13, 13, 13];
    const j = assess({ values, unit: "amount" });
    expect(j.status).toBe("worsening");
    expect(codes(j)).toEqual(["special-cause-concern", "rebase-suggested"]);
    expect(j.reasons[1]!.text).toMatch(/^For the analyst: a run or trend since 2024-25 Q3 has lasted past the baseline.*re-baseline from 2024-25 Q3 in the measure's schema/);
  });

  it("gives no special cause for a gap at the latest quarter", () => {
    const j = assess({ values: [...run, null], returnStatus: "missing" });
    expect(j.status).toBe("missing");
    expect(j.signal).toBeNull();
  });
});

describe("reasons never contradict the status", () => {
  it("holds for a thousand series of every shape", () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 1000; n++) {
      const length = 2 + Math.floor(rand() * 18);
      const level = [3, 20, 200][n % 3]!;
      const values = Array.from({ length }, (_, i) => Math.max(0, Math.round(level * (1 + (rand() - 0.5) * 0.6) + (i > length - 5 && n % 4 === 0 ? level * 0.5 : 0))));
      const j = assess({ values, direction: direction(n % 2 ? "up" : "down") });
      const c = codes(j);
      expect(new Set(c).size).toBe(c.length);
      const ordinary = ["within-tolerance", "within-chance", "within-usual-variation", "ordinary-on-the-year", "seasonal"];
      if (j.status === "worsening" || j.status === "improving") expect(c.filter((x) => ordinary.includes(x))).toEqual([]);
      if (j.status === "worsening") expect(c).not.toContain("special-cause-improvement");
      if (j.status === "improving") expect(c).not.toContain("special-cause-concern");
      if (j.status === "stable") expect(c.filter((x) => ["worsening", "improving", "special-cause-concern", "special-cause-improvement"].includes(x))).toEqual([]);
    }
  });
});

// The status of one figure: tolerance, direction, symbols, returns, targets and special causes.
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
}

function assess(c: Case) {
  const history: HistoryPoint[] = series(c.values, PERIOD);
  const unit = c.unit ?? "count";
  const comparison = compare(history, PERIOD, unit);
  const d = effectiveDirection(c.direction ?? direction("down"), c.category ?? null, PERIOD.year);
  const target = d.target ? targetProgress(d.target, PERIOD, unit, comparison.value, comparison.yearToDate) : null;
  const spc = analyse(history, { minimumPoints: c.minimumPoints ?? 12, better: betterSide(d), target: null });
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

describe("tolerance", () => {
  it("is met within the absolute OR the relative tolerance", () => {
    expect(withinTolerance(1, 5, TOLERANCE)).toBe(true); // 5 -> 6: 1 <= 2, though 20%
    expect(withinTolerance(3, 5, TOLERANCE)).toBe(false); // 3 > 2 and 3 > 0.25
    expect(withinTolerance(5, 100, TOLERANCE)).toBe(true); // 5 > 2 but 5 <= 5% of 100
    expect(withinTolerance(-6, 100, TOLERANCE)).toBe(false);
  });

  it("calls 5 -> 6 stable, not '+20%, worsening'", () => {
    const j = assess({ values: [5, 6] });
    expect(j.status).toBe("stable");
    expect(codes(j)).toEqual(["within-tolerance", "limits-provisional"]); // two points: limits not computed
  });

  it("judges a move beyond tolerance against the direction", () => {
    expect(assess({ values: [5, 8] }).status).toBe("worsening");
    expect(assess({ values: [8, 5] }).status).toBe("improving");
    expect(assess({ values: [5, 8], direction: direction("up") }).status).toBe("improving");
    expect(assess({ values: [100, 106] }).status).toBe("worsening");
    expect(assess({ values: [100, 105] }).status).toBe("stable");
  });

  it("uses the measure's own tolerance over the workspace default", () => {
    expect(assess({ values: [5, 6], tolerance: { relative: 0, absolute: 0 } }).status).toBe("worsening");
    expect(assess({ values: [5, 10], tolerance: { relative: 0, absolute: 5 } }).status).toBe("stable");
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
    const j = assess({ values: [0, 12], direction: direction("up") });
    expect(j.status).toBe("improving");
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
    expect(assess({ values: [10, 20], direction: pm2, category: "police" }).status).toBe("worsening");
    expect(assess({ values: [10, 20], direction: pm2, category: "health" }).status).toBe("improving");
    expect(assess({ values: [10, 20], direction: pm2, category: "housing" }).status).toBe("for-information");
    expect(assess({ values: [10, 20], direction: pm2, category: null }).status).toBe("for-information");
  });

  it("judges by the direction in force in the reported year", () => {
    const d = direction("up", { changes: [{ from: "2026-27", wanted: "down", reason: "now fall" }] });
    // the reported quarter is in 2026-27, so a rise is now the wrong way
    expect(assess({ values: [10, 20], direction: d }).status).toBe("worsening");
    const later = direction("up", { changes: [{ from: "2027-28", wanted: "down", reason: "fall later" }] });
    expect(assess({ values: [10, 20], direction: later }).status).toBe("improving");
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
    expect(assess({ values: [10, 20], returnStatus: "invalid" }).status).toBe("worsening");
  });

  it("judges a [u] figure by its value", () => {
    expect(assess({ values: [10, 20], figure: { value: 20, symbol: "u" } }).status).toBe("worsening");
  });
});

describe("targets", () => {
  const pm17 = direction("target", { target: { perYear: 300, comparison: "at-least" } });
  it("is off track at 118 against 150 to date, on track at 150", () => {
    const off = assess({ values: [50, 68], direction: pm17 });
    expect(off.status).toBe("off-track");
    expect(off.reasons[0]!.text).toBe("Off track: 118 against a target to date of 150 (at least 300 a year).");
    expect(assess({ values: [75, 75], direction: pm17 }).status).toBe("on-track");
  });
  it("cannot judge the year to date with a quarter missing", () => {
    expect(assess({ values: [null, 80], direction: pm17 }).status).toBe("insufficient-data");
  });
});

describe("special causes", () => {
  // 2 6 2 6 2 | 8 12 8 12 8 12 8 ... a run of seven above the mean, with the last move within tolerance:
  // previous 12, latest 11 (a fall of 1, inside the absolute tolerance of 2).
  const run = [2, 6, 2, 6, 2, 8, 12, 8, 12, 8, 12, 11];

  it("turns a stable figure into worsening when the latest point is a special-cause concern, and says so", () => {
    const j = assess({ values: run, direction: direction("down") });
    expect(j.status).toBe("worsening");
    expect(codes(j)).toEqual(["within-tolerance", "special-cause-concern", "special-cause-concern"]);
    expect(j.reasons[2]!.text).toMatch(/because of the special-cause signal/);
    expect(j.signal?.rule).toBe("run-of-seven");
  });

  it("turns a stable figure into improving on a special-cause improvement", () => {
    const j = assess({ values: run, direction: direction("up") });
    expect(j.status).toBe("improving");
    expect(codes(j)).toContain("special-cause-improvement");
  });

  it("never hides a move the wrong way behind a special-cause improvement", () => {
    // a run of seven above the mean (an improvement), the last point falling from 20 to 11: beyond
    // the tolerance and beyond the usual move (mean moving range 29/11, x 3.267 = 8.6), still above the mean
    const j = assess({ values: [0, 0, 0, 0, 0, 20, 20, 20, 20, 20, 20, 11], direction: direction("up") });
    expect(j.status).toBe("worsening");
    expect(j.signal).toBeNull();
  });

  it("calls a move within the figure's usual ups and downs stable, once limits are computed", () => {
    // seasonal swings of 40: the mean moving range is 40, so a fall of 40 is usual, not worsening
    const j = assess({ values: [100, 140, 100, 140, 100, 140, 100, 140, 100, 140, 100, 140, 100], direction: direction("up") });
    expect(j.status).toBe("stable");
    expect(codes(j)[0]).toBe("within-usual-variation");
    expect(j.reasons[0]!.text).toBe("The change of -40 is within this figure's usual ups and downs: over 13 quarters it has moved by 40 a quarter on average, and only a move of more than 130.7 would stand out.");
  });

  it("still calls a move beyond the usual ups and downs worsening", () => {
    const j = assess({ values: [100, 102, 100, 102, 100, 102, 100, 102, 100, 102, 100, 102, 80], direction: direction("up") });
    expect(j.status).toBe("worsening");
  });

  it("does not act on provisional limits, and says they are provisional", () => {
    const j = assess({ values: run, direction: direction("down"), minimumPoints: 13 });
    expect(j.status).toBe("stable");
    expect(codes(j)).toEqual(["within-tolerance", "limits-provisional"]);
    expect(j.reasons[1]!.text).toBe("Only 12 quarters have a value on record: the process limits are provisional until there are 13, so their signals are shown but not acted on.");
  });

  it("says plainly when limits are not yet computed", () => {
    const j = assess({ values: [5, 6, 7] });
    expect(j.reasons.at(-1)).toEqual({ code: "limits-provisional", text: "Only 3 quarters have a value on record: process limits are not computed until there are at least 6." });
  });

  it("gives no special cause for a gap at the latest quarter", () => {
    const j = assess({ values: [...run, null], returnStatus: "missing" });
    expect(j.status).toBe("missing");
    expect(j.signal).toBeNull();
  });
});

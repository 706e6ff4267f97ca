// Directions per category and by year, and targets pro rata with a projection (PM17: 300 a year).
import { describe, expect, it } from "vitest";
import { betterSide, effectiveDirection } from "../../src/trends/direction.js";
import { targetProgress } from "../../src/trends/target.js";
import { direction, p } from "./builders.js";
import type { Target } from "../../src/trends/direction.js";

const tgt = (amount: number, comparison: Target["comparison"], declared: Target["declared"] = "per-year", atRisk: Target["atRisk"] = null): Target => ({ declared, amount, comparison, atRisk });

describe("effective direction", () => {
  const pm2 = direction("none", {
    categories: {
      police: { wanted: "down", reason: "fewer police referrals" },
      health: { wanted: "up", reason: "more from health", changes: [{ from: "2027-28", wanted: "down", reason: "then fewer" }] },
    },
  });

  it("uses a category's own direction, and the measure's for other categories and the total", () => {
    expect(effectiveDirection(pm2, "police", "2026-27")).toEqual({ wanted: "down", reason: "fewer police referrals", target: null });
    expect(effectiveDirection(pm2, "health", "2026-27").wanted).toBe("up");
    expect(effectiveDirection(pm2, "housing", "2026-27").wanted).toBe("none");
    expect(effectiveDirection(pm2, null, "2026-27").wanted).toBe("none");
  });

  it("changes a category's direction from the year its change says", () => {
    expect(effectiveDirection(pm2, "health", "2026-27").wanted).toBe("up");
    expect(effectiveDirection(pm2, "health", "2027-28")).toEqual({ wanted: "down", reason: "then fewer", target: null });
  });

  it("changes direction from a given year on, the latest change in force winning whatever the order", () => {
    const d = direction("up", {
      changes: [
        { from: "2028-29", wanted: "down", reason: "fall after" },
        { from: "2026-27", wanted: "baseline", reason: "new definition" },
      ],
    });
    expect(effectiveDirection(d, null, "2025-26").wanted).toBe("up");
    expect(effectiveDirection(d, null, "2026-27").wanted).toBe("baseline");
    expect(effectiveDirection(d, null, "2027-28").wanted).toBe("baseline");
    expect(effectiveDirection(d, null, "2028-29").wanted).toBe("down");
    expect(effectiveDirection(d, null, "2030-31").reason).toBe("fall after");
  });

  it("carries a target, and reads a target's better side from its comparison", () => {
    const t = effectiveDirection(direction("target", { target: { perYear: 300, comparison: "at-least" } }), null, "2026-27");
    expect(t.target).toEqual({ declared: "per-year", amount: 300, comparison: "at-least", atRisk: null });
    expect(betterSide(t)).toBe("high");
    expect(betterSide({ wanted: "target", reason: "", target: tgt(10, "at-most") })).toBe("low");
    expect(betterSide({ wanted: "target", reason: "", target: tgt(10, "less-than") })).toBe("low");
    expect(betterSide({ wanted: "target", reason: "", target: tgt(10, "more-than") })).toBe("high");
    expect(betterSide({ wanted: "none", reason: "", target: null })).toBeNull();
    expect(betterSide({ wanted: "baseline", reason: "", target: null })).toBeNull();
  });
});

describe("targets", () => {
  const pm17 = tgt(300, "at-least");

  it("pro-rates 300 a year to 75 a quarter and 150 by the end of Q2, and projects the year", () => {
    // Q1 50 + Q2 68 = 118 to date; 118 x 4 / 2 = 236.
    expect(targetProgress(pm17, p("2026-27", "Q2"), "count", 68, 118)).toEqual({
      perYear: 300,
      comparison: "at-least",
      perQuarter: 75,
      toDate: 150,
      actualToDate: 118,
      projectedOutturn: 236,
      onTrack: false,
      kind: "per-year",
      atRisk: false,
      yearComplete: false,
    });
  });

  it("is on track at or above the target to date", () => {
    expect(targetProgress(pm17, p("2026-27", "Q2"), "count", 75, 150)!.onTrack).toBe(true);
    expect(targetProgress(pm17, p("2026-27", "Q3"), "count", 80, 224)!.onTrack).toBe(false); // 225 due by Q3
    expect(targetProgress(pm17, p("2026-27", "Q4"), "count", 80, 300)).toMatchObject({ toDate: 300, projectedOutturn: 300, onTrack: true });
  });

  it("turns round for an at-most target", () => {
    const cap = tgt(40, "at-most");
    expect(targetProgress(cap, p("2026-27", "Q1"), "count", 10, 10)!.onTrack).toBe(true);
    expect(targetProgress(cap, p("2026-27", "Q1"), "count", 11, 11)!.onTrack).toBe(false);
  });

  it("cannot say without a year to date", () => {
    expect(targetProgress(pm17, p("2026-27", "Q2"), "count", 68, null)!).toMatchObject({ actualToDate: null, projectedOutturn: null, onTrack: null });
  });

  it("holds a percentage to the target as a level", () => {
    expect(targetProgress(tgt(80, "at-least"), p("2026-27", "Q2"), "percent", 78, null)).toMatchObject({
      perQuarter: 80,
      toDate: 80,
      actualToDate: 78,
      projectedOutturn: null,
      onTrack: false,
    });
  });
});

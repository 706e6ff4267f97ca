// The two-count test and the wider tolerance (chance.ts), and the latest point in words and records
// (reading.ts), each worked out by hand.
import { describe, expect, it } from "vitest";
import { beyondChance, twoCountP, upperTail } from "../../src/trends/chance.js";
import { latestReading, recordOf } from "../../src/trends/reading.js";
import { analyse } from "../../src/trends/spc.js";
import { series } from "./builders.js";

const TOLERANCE = { relative: 0.05, absolute: 2 };

describe("two counts against chance", () => {
  it("gives the exact binomial tail", () => {
    expect(upperTail(0, 5)).toBe(1);
    expect(upperTail(6, 5)).toBe(0);
    expect(upperTail(5, 5)).toBeCloseTo(1 / 32, 12);
    expect(upperTail(4, 5)).toBeCloseTo(6 / 32, 12);
    // 8 or more of 13: (1287 + 715 + 286 + 78 + 13 + 1) / 8192
    expect(upperTail(8, 13)).toBeCloseTo(2380 / 8192, 12);
  });
  it("reads a move in the direction it went, both ways alike", () => {
    expect(twoCountP(5, 8)).toBeCloseTo(2380 / 8192, 12);
    expect(twoCountP(8, 5)).toBeCloseTo(2380 / 8192, 12);
    expect(twoCountP(7, 7)).toBe(1);
    expect(twoCountP(0, 12)).toBeCloseTo(1 / 4096, 12);
    // a large count: 1,000 -> 1,100 is z = 100 / sqrt(2100) = 2.18, one-sided about 0.015
    expect(twoCountP(1000, 1100)).toBeGreaterThan(0.012);
    expect(twoCountP(1000, 1100)).toBeLessThan(0.018);
  });
  it("calls a count's move beyond chance below 2.5% one-sided", () => {
    expect(beyondChance(5, 8, true, TOLERANCE)).toMatchObject({ beyond: false });
    expect(beyondChance(5, 20, true, TOLERANCE)).toMatchObject({ beyond: true });
    expect(beyondChance(2, 3, true, TOLERANCE)).toMatchObject({ beyond: false });
  });
  it("holds other figures to twice the tolerance, both ways", () => {
    expect(beyondChance(40, 44, false, TOLERANCE)).toEqual({ beyond: false, p: null }); // 4 is not more than 4
    expect(beyondChance(40, 45, false, TOLERANCE)).toEqual({ beyond: true, p: null }); // 5 > 4 and 5 > 4
    expect(beyondChance(100, 105, false, TOLERANCE)).toEqual({ beyond: false, p: null }); // 5 > 4 but not > 10
  });
});

describe("the latest point in words", () => {
  const B = [10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12];
  const words = (values: number[], count = false) => {
    const h = series(values);
    return latestReading(h, analyse(h, { minimumPoints: 12, better: "low", target: null, count, screenOutliers: true }), count ? "count" : "amount");
  };
  it("counts a run's quarters and a trend's rises", () => {
    expect(words([...B, 13, 13, 13, 13, 13, 13, 13])).toBe("the eighth quarter in a row above its average of 11");
    expect(words([...B, 10.5, 11, 11.5, 12, 12.5, 13, 13.5])).toBe("the sixth rise in a row");
    // as counts: seven 5s total 35 against 77 predicted, beyond 2 x sqrt(77) = 17.5, so a run...
    expect(words([...B, 5, 5, 5, 5, 5, 5, 5], true)).toBe("the seventh quarter in a row below their average of 11");
    // ...but seven 9s (63) are not, and read as a streak inside the Poisson-wide range
    expect(words([...B, 9, 9, 9, 9, 9, 9, 9], true)).toBe("inside their usual range of 1.1 to 20.9, and the seventh quarter in a row below their average of 11");
  });
  it("names a limit crossed, and two of three near one", () => {
    expect(words([...B, 20])).toBe("20 is above the upper process limit of 16.3: further from its average of 11 than ordinary variation goes");
    expect(words([...B, 15, 15])).toBe("two of the last three quarters above its average of 11 and close to the upper limit");
  });
  it("places a common-cause point in its range, with a streak on one side when there is one", () => {
    expect(words([...B, 11.5])).toBe("inside its usual range of 5.7 to 16.3");
    expect(words([...B, 13, 13])).toBe("inside its usual range of 5.7 to 16.3, and the third quarter in a row above its average of 11");
    // trial limits over seven points: mean 11, moving range 11/6, 11 -/+ 4.877
    expect(words([10, 12, 10, 12, 10, 12, 11])).toBe("inside its usual range of 6.1 to 15.9 (trial limits)");
  });
  it("says nothing without limits", () => {
    expect(words([10, 12, 10])).toBeNull();
  });
});

describe("records", () => {
  it("is a record only above (or below) every one of at least four earlier values", () => {
    expect(recordOf(series([5, 6, 7, 8, 9]))).toBe("high");
    expect(recordOf(series([5, 6, 7, 8, 4]))).toBe("low");
    expect(recordOf(series([5, 6, 7, 9, 9]))).toBeNull(); // a tie is not a record
    expect(recordOf(series([5, 6, 7, 9]))).toBeNull(); // three earlier values are too few
    expect(recordOf(series([5, null, 6, 7, 8, 3]))).toBe("low");
  });
});

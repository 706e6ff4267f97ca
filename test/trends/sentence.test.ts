// The plain-English sentence for each kind of result, and the number formats in it.
import { describe, expect, it } from "vitest";
import type { DirectionSpec, Unit } from "../../src/framework/schema.js";
import { compare } from "../../src/trends/compare.js";
import { betterSide, effectiveDirection } from "../../src/trends/direction.js";
import { judgeFigure } from "../../src/trends/judge.js";
import { sentence, type Subject } from "../../src/trends/sentence.js";
import { latestReading, recordOf } from "../../src/trends/reading.js";
import { analyse } from "../../src/trends/spc.js";
import { targetProgress } from "../../src/trends/target.js";
import { changeInBrief as formatChange, formatNumber, formatValue, listWords, ordinalWord } from "../../src/words/index.js";
import type { ReturnStatus } from "../../src/types.js";
import { direction, p, series } from "./builders.js";

const PERIOD = p("2026-27", "Q2");
const PM3: Subject = { ref: "PM3", measureLabel: "Repeat Hub referrals", categoryLabel: null, agencyName: "Doncaster Council", showAgency: false, unit: "count" };

function say(
  values: (number | null | "c" | "x" | "z")[],
  d: DirectionSpec = direction("down"),
  subject: Subject = PM3,
  returnStatus: ReturnStatus = "received",
  category: string | null = null,
): string {
  const unit: Unit = subject.unit;
  const history = series(values, PERIOD);
  const comparison = compare(history, PERIOD, unit);
  const eff = effectiveDirection(d, category, PERIOD.year);
  const better = betterSide(eff);
  const target = eff.target ? targetProgress(eff.target, PERIOD, unit, comparison.value, comparison.yearToDate) : null;
  const spc = analyse(history, { minimumPoints: 12, better, target: null, count: unit === "count", screenOutliers: true });
  const last = history[history.length - 1]!;
  const j = judgeFigure({
    agencyName: subject.agencyName,
    returnStatus,
    figure: last.gap ? null : { value: last.value, symbol: last.symbol },
    comparison,
    direction: eff,
    tolerance: { relative: 0.05, absolute: 2 },
    unit,
    history,
    spc,
    spcMinimumPoints: 12,
    target,
    suddenChange: false,
  });
  return sentence({
    subject,
    status: j.status,
    cause: j.cause,
    comparison,
    better,
    target,
    signal: j.signal,
    decidedBy: j.decidedBy,
    spc,
    history,
    reading: latestReading(history, spc, unit),
    record: recordOf(history),
    lowReliability: false,
  });
}

describe("sentences", () => {
  it("tells a trend against the direction, counting the rises", () => {
    // 90 120 90 120 100 | 98 105 110 115 120 125 131: mean 1324/12 = 110.3, mean moving range 145/11 =
    // 13.18, upper 145.4, two-sigma line 133.7; no run longer than 4. So the last point's only signal is
    // the trend: seven points (98 .. 131), six rises. (With 90 before the 98 it would be seven rises.)
    const text = say([90, 120, 90, 120, 100, 98, 105, 110, 115, 120, 125, 131]);
    expect(text).toBe("Repeat Hub referrals (PM3) rose for the sixth quarter running (from 98 to 131); the partnership wants them to fall. This quarter's 131 is the highest on record.");
  });

  it("tells a plain move with its percentage", () => {
    expect(say([98, 131])).toBe("Repeat Hub referrals (PM3) rose from 98 to 131 (up 33.7%); the partnership wants them to fall.");
    expect(say([131, 98])).toBe("Repeat Hub referrals (PM3) fell from 131 to 98 (down 25.2%), as the partnership wants.");
  });

  it("says 'from 0 to 12', without a percentage, and names the category", () => {
    const pm2: Subject = { ...PM3, ref: "PM2", measureLabel: "Hub referrals by referring agency", categoryLabel: "Police" };
    const d = direction("none", { categories: { police: { wanted: "down", reason: "fewer" } } });
    expect(say([0, 12], d, pm2, "received", "police")).toBe("Hub referrals by referring agency: Police (PM2) rose from 0 to 12; the partnership wants them to fall.");
  });

  it("writes thousands with separators", () => {
    expect(say([1234, 1500])).toBe("Repeat Hub referrals (PM3) rose from 1,234 to 1,500 (up 21.6%); the partnership wants them to fall.");
  });

  it("tells a target's progress and the year's projection", () => {
    const pm17: Subject = { ...PM3, ref: "PM17", measureLabel: "People supported", agencyName: "Riverside" };
    const d = direction("target", { target: { perYear: 300, comparison: "at-least" } });
    expect(say([50, 68], d, pm17)).toBe("People supported (PM17) stand at 118 against a year-to-date target of 150; at this rate the year will end at about 236 of 300.");
    expect(say([80, 75], d, pm17)).toBe("People supported (PM17) stand at 155 against a year-to-date target of 150, on track; at this rate the year will end at about 310 of 300.");
  });

  it("speaks of a percentage in percentage points, in the singular", () => {
    const rate: Subject = { ...PM3, ref: "PM9", measureLabel: "Share of repeat victims", unit: "percent" };
    expect(say([40, 45.5], direction("down"), rate)).toBe("Share of repeat victims (PM9) rose from 40% to 45.5% (up 5.5 percentage points); the partnership wants it to fall.");
  });

  it("tells stable, missing, invalid and suppressed figures plainly", () => {
    expect(say([5, 6])).toBe("Repeat Hub referrals (PM3) rose from 5 to 6 (up 20%), a move within the tolerance the partnership counts as no change.");
    expect(say([6, 6])).toBe("Repeat Hub referrals (PM3) were 6, unchanged on last quarter.");
    expect(say([5, null], direction("down"), PM3, "missing")).toBe("There is no figure for Repeat Hub referrals (PM3): the return from Doncaster Council for this quarter is missing.");
    expect(say([5, null], direction("down"), PM3, "invalid")).toBe(
      "Repeat Hub referrals (PM3) cannot be judged: the return from Doncaster Council has errors and this figure did not pass the checks.",
    );
    expect(say([5, "c"])).toBe("Repeat Hub referrals (PM3) were withheld ([c]) to protect people who could be identified.");
    expect(say([5, "x"])).toBe("Doncaster Council gave Repeat Hub referrals (PM3) as not available ([x]).");
    expect(say([12])).toBe("Repeat Hub referrals (PM3) were 12; there is no figure for last quarter to compare with.");
    expect(say([10, "c", 12])).toBe("Repeat Hub referrals (PM3) were 12; last quarter's figure was withheld ([c]), so there is nothing to compare with.");
    expect(say([5, 9], direction("none"))).toBe("Repeat Hub referrals (PM3) were 9 (5 last quarter); these figures are for information.");
  });

  it("says how far a stable figure moved and why that is still ordinary", () => {
    // a count: 2 -> 3 is outside the tolerance in per cent but well within chance
    expect(say([2, 5])).toBe("Repeat Hub referrals (PM3) rose from 2 to 5 (up 150%), a move that chance alone gives for counts of this size.");
    // 100 -> 140 is beyond chance on the quarter, but 140 a year ago makes it the season
    expect(say([140, 100, 100, 100, 140])).toBe("Repeat Hub referrals (PM3) rose from 100 to 140 (up 40%) on the quarter, as usual for the time of year: the same as a year ago.");
    // locked limits on the first twelve (mean 115, moving range 30, 115 -/+ 79.8): a rise of 15% inside
    // them is common cause, and the sentence says both
    const limits = [100, 130, 100, 130, 100, 130, 100, 130, 100, 130, 100, 130, 113, 130];
    expect(say(limits)).toBe("Repeat Hub referrals (PM3) were 130, up 15% from 113 last quarter and the same as a year ago: inside their usual range of 35.2 to 194.8, so ordinary variation.");
  });

  it("says when a figure is the highest or lowest on record", () => {
    expect(say([100, 130, 100, 130, 100, 130, 100, 130, 100, 130, 100, 130, 113, 140])).toMatch(/so ordinary variation\. This quarter's 140 is the highest on record\.$/);
    expect(say([100, 130, 100, 130, 90])).toMatch(/This quarter's 90 is the lowest on record\.$/);
    expect(say([100, 130, 100, 90])).not.toMatch(/record/); // three earlier quarters are not a record
  });

  it("names the agency when several report the indicator", () => {
    expect(say([98, 131], direction("down"), { ...PM3, showAgency: true })).toMatch(/^Repeat Hub referrals \(PM3\) from Doncaster Council rose/);
  });
});

describe("words", () => {
  it("formats numbers with separators and at most the decimals asked", () => {
    expect(formatNumber(1234567)).toBe("1,234,567");
    expect(formatNumber(-1234.56)).toBe("-1,234.6");
    expect(formatNumber(12.04)).toBe("12");
    expect(formatNumber(-0.01)).toBe("0");
    expect(formatValue(45.56, "percent")).toBe("45.6%");
    expect(formatValue(1, "days")).toBe("1 day");
    expect(formatValue(12.345, "rate")).toBe("12.35");
  });
  it("says changes, ordinals and lists", () => {
    expect(formatChange(52, 6.842, "count")).toBe("up 6.8%");
    expect(formatChange(12, null, "count")).toBe("");
    expect(formatChange(-1, null, "percent")).toBe("down 1 percentage point");
    expect(ordinalWord(6)).toBe("sixth");
    expect(ordinalWord(13)).toBe("13th");
    expect(ordinalWord(22)).toBe("22nd");
    expect(listWords(["A"])).toBe("A");
    expect(listWords(["A", "B", "C"])).toBe("A, B and C");
  });
});

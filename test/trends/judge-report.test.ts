// A whole judge() call on a small hand-built framework and returns: order, statuses, exceptions,
// returns, summary and sources, and the report validating against its schema.
import { describe, expect, it } from "vitest";
import { judge, type JudgeInput } from "../../src/trends/index.js";
import { Report } from "../../src/report-contract/schema.js";
import { agency, config, direction, figure, framework, indicator, measure, missingReturn, p, ret, returnsOver } from "./builders.js";

const Q2 = p("2026-27", "Q2");
const Q1 = p("2026-27", "Q1");
const LAST_YEAR = p("2025-26", "Q2");

const pm2 = indicator(
  "PM2",
  [
    measure("referrals", {
      label: "Hub referrals by referring agency",
      categories: {
        dimension: "referring agency",
        addsUpToTotal: true,
        values: [
          { id: "police", label: "Police" },
          { id: "self-referral", label: "Self-referral" },
        ],
      },
      direction: direction("none", { categories: { police: { wanted: "down", reason: "fewer police" }, "self-referral": { wanted: "up", reason: "more self" } } }),
    }),
  ],
  { theme: "Hub" },
);
const pm3 = indicator("PM3", [measure("repeat-referrals", { label: "Repeat referrals" })], { theme: "Hub" });
const pm17 = indicator(
  "PM17",
  [
    measure("people-supported", { label: "People supported", direction: direction("target", { target: { perYear: 300, comparison: "at-least" } }) }),
    measure("waiting-list", { label: "People waiting", tracked: false }),
  ],
  { theme: "Support" },
);

const hub = agency("hub", ["PM2", "PM3"], "Doncaster Council");
const riverside = agency("riverside", ["PM17"], "Riverside");
const cranstoun = agency("cranstoun", ["PM3"], "Cranstoun");

function hubReturn(period: typeof Q2, total: number, police: number, self: number, repeats: number, note?: string) {
  return ret(
    "hub",
    period,
    [
      figure("hub", period, "PM2", "referrals", total),
      figure("hub", period, "PM2", "referrals", police, "police"),
      figure("hub", period, "PM2", "referrals", self, "self-referral"),
      figure("hub", period, "PM3", "repeat-referrals", repeats, null, note),
    ],
    { receivedAt: "2026-10-20T09:00:00.000Z" },
  );
}

const input: JudgeInput = {
  config: config([hub, riverside, cranstoun]),
  framework: framework([pm2, pm3, pm17]),
  period: Q2,
  returns: [
    missingReturn("cranstoun", Q2),
    {
      ...hubReturn(Q2, 220, 160, 60, 131, "Staff shortage at the hub"),
      issues: [{ code: "sudden-change", severity: "warning", file: "returns/2026-27/Q2/hub.csv", row: 5, indicator: "PM3", measure: "repeat-referrals", message: "The figure moved sharply." }],
    },
    hubReturn(Q1, 190, 160, 30, 98),
    hubReturn(LAST_YEAR, 180, 150, 30, 70),
    ret("cranstoun", Q1, [figure("cranstoun", Q1, "PM3", "repeat-referrals", 40)]),
    ret("riverside", Q1, [figure("riverside", Q1, "PM17", "people-supported", 50), figure("riverside", Q1, "PM17", "waiting-list", 20)]),
    ret("riverside", Q2, [figure("riverside", Q2, "PM17", "people-supported", 68)], {
      status: "invalid",
      receivedAt: "2026-11-05T10:00:00.000Z",
      issues: [
        { code: "invalid-value", severity: "error", file: "returns/2026-27/Q2/riverside.csv", row: 3, column: "value", indicator: "PM17", message: "The value is not a number." },
        { code: "extra-column", severity: "warning", file: "returns/2026-27/Q2/riverside.csv", row: 1, column: "comments", message: "An unknown column was ignored." },
      ],
    }),
  ],
  commentary: { source: "## PM3\nRepeats are up.\n\n## PM99\nNothing.\n", file: "commentary/2026-27-Q2.md" },
  generatedAt: "2026-11-20T12:00:00.000Z",
  generator: "darep test",
};

describe("judge()", () => {
  const report = judge(input);
  const byKey = new Map(report.results.map((r) => [r.key, r]));

  it("produces a report that validates against the schema, with nothing outside it", () => {
    expect(Report.parse(report)).toEqual(report);
    expect(report).toMatchObject({ partnership: "Test Partnership", board: "Test Board", framework: "Test framework", year: "2026-27", quarter: "Q2", generator: "darep test" });
    expect(report.period).toEqual({ start: "2026-07-01", end: "2026-09-30", label: "July to September 2026" });
  });

  it("is pure: the same input gives the same report", () => {
    expect(JSON.stringify(judge(input))).toBe(JSON.stringify(report));
  });

  it("lists results in framework order: indicator, measure, total then categories, then agency", () => {
    expect(report.results.map((r) => r.key)).toEqual([
      "PM2/referrals/total/hub",
      "PM2/referrals/police/hub",
      "PM2/referrals/self-referral/hub",
      "PM3/repeat-referrals/total/hub",
      "PM3/repeat-referrals/total/cranstoun",
      "PM17/people-supported/total/riverside",
      "PM17/waiting-list/total/riverside",
    ]);
    expect(report.results.map((r) => r.status)).toEqual(["for-information", "stable", "improving", "worsening", "missing", "off-track", "invalid"]);
  });

  it("fills in every comparison of a figure", () => {
    expect(byKey.get("PM3/repeat-referrals/total/hub")).toMatchObject({
      value: 131,
      previous: 98,
      sameQuarterLastYear: 70,
      change: 33,
      changePercent: 33.7,
      changeOnYear: 61,
      changeOnYearPercent: 87.1,
      yearToDate: 229,
      direction: "down",
      // beyond chance on the quarter (P(Y >= 131 | 229) = 0.015) and on the year (70 -> 131)
      status: "worsening",
      decidedBy: "quarter-and-year",
      tier: 3,
      // no limits yet: 33 / sqrt(98) = 3.3335 sigmas, 10 x 33 / 98 = 3.367 tenths; the smaller
      severity: 3.334,
      note: "Staff shortage at the hub",
      commentary: "Repeats are up.",
      sentence: "Repeat referrals (PM3) from Doncaster Council rose from 98 to 131 (up 33.7%), and are up 87.1% on a year ago (70); the partnership wants them to fall.",
    });
  });

  it("passes on the validator's sudden-change warning as a reason, for that figure only", () => {
    expect(byKey.get("PM3/repeat-referrals/total/hub")!.reasons.map((r) => r.code)).toContain("sudden-change");
    expect(byKey.get("PM2/referrals/total/hub")!.reasons.map((r) => r.code)).not.toContain("sudden-change");
  });

  it("shows every quarter on record, with gaps", () => {
    expect(byKey.get("PM3/repeat-referrals/total/hub")!.history.map((h) => h.value)).toEqual([70, null, null, 98, 131]);
    expect(byKey.get("PM3/repeat-referrals/total/hub")!.history[1]).toEqual({ year: "2025-26", quarter: "Q3", value: null, symbol: null, gap: true });
    expect(byKey.get("PM3/repeat-referrals/total/cranstoun")!.history).toEqual([
      { year: "2026-27", quarter: "Q1", value: 40, symbol: null, gap: false },
      { year: "2026-27", quarter: "Q2", value: null, symbol: null, gap: true },
    ]);
  });

  it("uses per-category directions", () => {
    expect(byKey.get("PM2/referrals/police/hub")).toMatchObject({ direction: "down", directionReason: "fewer police", categoryLabel: "Police" });
    expect(byKey.get("PM2/referrals/self-referral/hub")).toMatchObject({ direction: "up", status: "improving" });
  });

  it("gives a target's progress", () => {
    expect(byKey.get("PM17/people-supported/total/riverside")!.target).toEqual({
      perYear: 300,
      comparison: "at-least",
      kind: "per-year",
      perQuarter: 75,
      toDate: 150,
      actualToDate: 118,
      projectedOutturn: 236,
      atRisk: false,
      yearComplete: false,
    });
  });

  it("ranks exceptions worst first, a missing return after the moves, and leaves untracked ones out", () => {
    // off track (tier 2) before a move judged on two points before limits exist (tier 3), then missing (tier 4)
    expect(report.exceptions).toEqual(["PM17/people-supported/total/riverside", "PM3/repeat-referrals/total/hub", "PM3/repeat-referrals/total/cranstoun"]);
    expect(report.exceptions.map((k) => byKey.get(k)!.tier)).toEqual([2, 3, 4]);
    expect(report.exceptions.map((k) => byKey.get(k)!.rank)).toEqual([1, 2, 3]);
    expect(byKey.get("PM17/waiting-list/total/riverside")).toMatchObject({ status: "invalid", exception: false, rank: null });
    expect(report.results.filter((r) => !r.exception).every((r) => r.rank === null)).toBe(true);
  });

  it("never puts an agency's note into a sentence", () => {
    expect(report.results.some((r) => r.sentence.includes("Staff shortage"))).toBe(false);
  });

  it("lists returns by agency with lateness, errors and warnings", () => {
    expect(report.returns.map((r) => [r.agency, r.status, r.late, r.figuresUsed, r.errors.length, r.warnings.length])).toEqual([
      ["hub", "received", false, 4, 0, 1],
      ["riverside", "invalid", true, 1, 1, 1],
      ["cranstoun", "missing", false, 0, 0, 0],
    ]);
    expect(report.returns[1]!.indicators).toEqual(["PM17"]);
  });

  it("summarises in words", () => {
    expect(report.summary).toMatchObject({ returnsExpected: 3, returnsReceived: 1, returnsMissing: 1, returnsInvalid: 1, lastReceived: "2026-11-05T10:00:00.000Z", exceptions: 3 });
    expect(report.summary.byStatus).toMatchObject({ "for-information": 1, stable: 1, improving: 1, worsening: 1, missing: 1, "off-track": 1, invalid: 1, suppressed: 0 });
    expect(report.summary.text).toBe(
      "2 of 3 agencies sent their return for July to September 2026; the return from Cranstoun is missing. The return from Riverside has errors, so only the figures that passed are used. 1 return was late. " +
        "3 figures need the board's attention: 1 is moving the wrong way, 1 is off target, and 1 cannot be judged because a return is missing.",
    );
  });

  it("lists the files read, and commentary for unknown indicators as warnings", () => {
    expect(report.sources).toEqual([
      { file: "returns/2026-27/Q2/hub.csv", agency: "hub", sha256: "a".repeat(64), readAt: "2026-11-20T12:00:00.000Z" },
      { file: "returns/2026-27/Q2/riverside.csv", agency: "riverside", sha256: "a".repeat(64), readAt: "2026-11-20T12:00:00.000Z" },
    ]);
    expect(report.warnings).toMatchObject([{ code: "unknown-commentary", file: "commentary/2026-27-Q2.md", row: 4, indicator: "PM99" }]);
  });

  it("treats an agency with no entry for the quarter as missing", () => {
    const r = judge({ ...input, returns: input.returns.filter((x) => x.status !== "missing"), commentary: null });
    expect(r.returns[2]).toMatchObject({ agency: "cranstoun", status: "missing" });
    expect(r.results.find((x) => x.key === "PM3/repeat-referrals/total/cranstoun")!.status).toBe("missing");
    expect(r.warnings).toEqual([]);
  });
});

describe("judge() with a re-baselined measure", () => {
  // Sixteen quarters to 2026-27 Q2: twelve around 100, then a new recording rule from 2025-26 Q3
  // lifts the level to about 150. Re-baselined there, the new quarters get trial limits of their own;
  // without it, they would be special causes against the old limits.
  const values = [100, 104, 98, 102, 100, 104, 98, 102, 100, 104, 98, 102, 150, 154, 148, 152];
  const m = (rebase?: { from: string; reason: string }[]) => measure("repeat-referrals", { label: "Repeat referrals", ...(rebase ? { rebase } : {}) });
  const build = (rebase?: { from: string; reason: string }[]) =>
    judge({
      ...input,
      config: config([hub]),
      framework: framework([indicator("PM3", [m(rebase)], { theme: "Hub" })]),
      returns: returnsOver("hub", "PM3", "repeat-referrals", values, Q2),
      commentary: null,
    }).results[0]!;

  it("carries each baseline, its first quarter and its reason into report.json", () => {
    const r = build([{ from: "2025-26 Q3", reason: "New recording rule: repeats within 12 months, not 6" }]);
    expect(r.spc!.baselines!.map((b) => ({ start: b.start, reason: b.reason, state: b.state, points: b.points }))).toEqual([
      { start: "2022-23 Q3", reason: null, state: "computed", points: 12 },
      { start: "2025-26 Q3", reason: "New recording rule: repeats within 12 months, not 6", state: "not-computed", points: 4 },
    ]);
    // four points since the new baseline: no limits yet, so 148 -> 152 is judged on the two counts
    expect(r).toMatchObject({ status: "stable", decidedBy: "tolerance" });
  });

  it("without the rebase, the new level is a special cause against the old limits, and darep suggests re-baselining", () => {
    const r = build();
    expect(r).toMatchObject({ status: "worsening", decidedBy: "limits" });
    expect(r.reasons.map((x) => x.code)).not.toContain("rebase-suggested"); // a run needs seven quarters
    expect(r.spc!.baselines).toHaveLength(1);
  });
});

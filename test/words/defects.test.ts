// The defects of issue 11 that one set of words fixes, each shown through the code that had it.
import { Chalk } from "chalk";
import { describe, expect, it } from "vitest";
import { chaseList, type ChaseInput } from "../../src/status/chase-list.js";
import { isLate as chaseIsLate } from "../../src/status/due-date.js";
import { formatStatusMarkdown } from "../../src/status/format-markdown.js";
import { formatStatusText } from "../../src/status/format-text.js";
import { changePercent, compare } from "../../src/trends/compare.js";
import { isLate as reportIsLate } from "../../src/trends/returns.js";
import { sentence } from "../../src/trends/sentence.js";
import type { SentenceInput } from "../../src/trends/sentence.js";
import { formatChange, formatFigure } from "../../src/words/index.js";

const Q2: { year: string; quarter: "Q1" | "Q2" | "Q3" | "Q4" } = { year: "2026-27", quarter: "Q2" }; // ends 30 September; due 30 days later, 30 October (GMT)
const Q1 = { year: "2026-27", quarter: "Q1" as const }; // ends 30 June; due 30 July (BST)

describe("lateness: one rule for the report and the chase list, on the UK day", () => {
  const cases: [string, typeof Q2, string, boolean][] = [
    // 23:30 GMT on the due day, written in BST's offset: on time. The chase list read the written date (31st).
    ["2026-10-31T00:30:00+01:00", Q2, "2026-10-30", false],
    // 01:30 UTC on the 31st, written in a -02:00 offset: late. The chase list read the written date (30th).
    ["2026-10-30T23:30:00-02:00", Q2, "2026-10-30", true],
    // 00:30 BST on 31 July is after the due day, though it is still 30 July in UTC. The report used UTC.
    ["2026-07-30T23:30:00Z", Q1, "2026-07-30", true],
    ["2026-07-30T22:59:00Z", Q1, "2026-07-30", false],
    ["2026-10-30", Q2, "2026-10-30", false],
    ["2026-10-31", Q2, "2026-10-30", true],
  ];
  for (const [receivedAt, period, due, late] of cases) {
    it(`${receivedAt} is ${late ? "late" : "on time"} for a return due by ${due}, in both`, () => {
      expect(reportIsLate(receivedAt, period, 30, 4)).toBe(late);
      expect(chaseIsLate(receivedAt, due)).toBe(late);
    });
  }

  it("counts the days late from the UK day too", () => {
    const input: ChaseInput = {
      config: {
        partnership: "P",
        agencies: [{ id: "police", name: "Police", indicators: [] }],
        financialYearStartMonth: 4,
        options: { spcMinimumPoints: 12, screenOutliers: true, tolerance: { relative: 0.05, absolute: 2 }, returnsDueDays: 30, suddenChangeFactor: 3 },
      },
      framework: { indicators: [] } as unknown as ChaseInput["framework"],
      period: Q1,
      today: "2026-08-10",
      files: [{ agency: "police", file: "returns/2026-27/Q1/police.csv", receivedAt: "2026-07-31T23:30:00Z", issues: [] }],
      issues: [],
    };
    expect(chaseList(input).agencies[0]).toMatchObject({ late: true, daysLate: 2 });
  });
});

describe("darep status shows terminal escape codes from file names instead of obeying them", () => {
  const bad = "x\u001b]0;pwned\u0007\u001b[2J\u202e\u009b";
  const input: ChaseInput = {
    config: {
      partnership: `P${bad}`,
      agencies: [{ id: "police", name: `Police${bad}`, contact: { name: bad, email: bad }, indicators: ["PM1"] }],
      financialYearStartMonth: 4,
      options: { spcMinimumPoints: 12, screenOutliers: true, tolerance: { relative: 0.05, absolute: 2 }, returnsDueDays: 30, suddenChangeFactor: 3 },
    },
    framework: { indicators: [{ ref: "PM1" }] } as unknown as ChaseInput["framework"],
    period: Q2,
    today: "2026-11-25",
    files: [
      {
        agency: "police",
        file: `returns/2026-27/Q2/police${bad}.csv`,
        receivedAt: "2026-11-02T10:00:00Z",
        issues: [{ code: "invalid-value", severity: "error", file: `returns/2026-27/Q2/police${bad}.csv`, indicator: "PM1", row: 2, message: `Found ${bad}.`, advice: bad }],
      },
    ],
    issues: [{ code: "unknown-agency", severity: "error", file: `returns/2026-27/Q2/${bad}.csv`, message: `${bad}.csv is not named after an agency.` }],
  };
  const RAW = /[\u0007\u001b\u202e\u009b]/;

  it("in the text format", () => {
    const text = formatStatusText(chaseList(input), new Chalk({ level: 0 }));
    expect(text).not.toMatch(RAW);
    expect(text).toContain("returns/2026-27/Q2/policex\\u001b]0;pwned\\u0007\\u001b[2J\\u202e\\u009b.csv");
  });

  it("in the markdown format", () => {
    const md = formatStatusMarkdown(chaseList(input));
    expect(md).not.toMatch(RAW);
    expect(md).toContain("\\u001b");
  });
});

describe("one rounding for a figure in a sentence and in a table", () => {
  it("says 12.25 days as 12.3 days in both", () => {
    const comparison = compare(
      [
        { year: "2026-27", quarter: "Q1", value: 10, symbol: null, gap: false },
        { year: "2026-27", quarter: "Q2", value: 12.25, symbol: null, gap: false },
      ] as never,
      Q2,
      "days",
    );
    const input = {
      subject: { ref: "PM9", measureLabel: "Average wait", categoryLabel: null, agencyName: "Council", showAgency: false, unit: "days" },
      status: "for-information",
      cause: null,
      comparison,
      better: null,
      target: null,
      signal: null,
      spc: null,
      history: [],
      lowReliability: false,
    } as unknown as SentenceInput;
    expect(sentence(input)).toBe("Average wait (PM9) was 12.3 days (10 days last quarter); this figure is for information.");
    expect(formatFigure(12.25, "days")).toBe("12.3 days");
  });
});

describe("a percentage change rounds half away from zero on its decimal value", () => {
  it("80 -> 57 is down 28.75%, so -28.8% (it was -28.7%), and 16 -> 15 is -6.3% (it was -6.2%)", () => {
    expect(changePercent(80, 57)).toBe(-28.8);
    expect(changePercent(80, 103)).toBe(28.8);
    expect(changePercent(16, 15)).toBe(-6.3);
    expect(formatChange(-23, changePercent(80, 57), 80, 57, "count")).toBe("down 23 (28.8%)");
  });
});

// The chase list from checked files: statuses, lateness, contacts, what is owed, and its formats.
import { Chalk } from "chalk";
import { describe, expect, it } from "vitest";
import { allIn, chaseList, type ChaseInput } from "../../src/status/chase-list.js";
import { dueDate, isLate } from "../../src/status/due-date.js";
import { formatStatusMarkdown } from "../../src/status/format-markdown.js";
import { escapeMarkdown as mdText } from "../../src/words/index.js";
import { formatStatusText } from "../../src/status/format-text.js";
import type { Issue } from "../../src/types.js";

const options = { spcMinimumPoints: 12, screenOutliers: true, tolerance: { relative: 0.05, absolute: 2 }, returnsDueDays: 30, suddenChangeFactor: 3 };
const agencies = [
  { id: "police", name: "Police", contact: { name: "Analyst", email: "police@example.org" }, indicators: ["PM20", "PM21"] },
  { id: "housing", name: "Housing | <b>Homes</b>", contact: { email: "housing@example.org" }, indicators: ["PM26", "PM27", "PM28"] },
  { id: "refuge", name: "Refuge", indicators: ["PM17"] },
  { id: "hospital", name: "Hospital", contact: { name: "Safeguarding" }, indicators: ["PM30"] },
  { id: "probation", name: "Probation", indicators: ["PM32"] },
];
const framework = { indicators: ["PM17", "PM20", "PM21", "PM26", "PM27", "PM28", "PM30", "PM32"].map((ref) => ({ ref })) } as ChaseInput["framework"];
const q = "returns/2026-27/Q2/";
const error = (file: string, extra: Partial<Issue> = {}): Issue => ({ code: "invalid-value", severity: "error", file: q + file, message: "The value is not a number.", ...extra });

const input: ChaseInput = {
  config: { partnership: "Test Partnership", agencies, financialYearStartMonth: 4, options },
  framework,
  period: { year: "2026-27", quarter: "Q2" },
  today: "2026-11-25",
  files: [
    { agency: "police", file: q + "police.csv", receivedAt: "2026-10-20T09:00:00.000Z", issues: [] },
    {
      agency: "housing",
      file: q + "housing.csv",
      receivedAt: "2026-10-15T09:00:00.000Z",
      issues: [
        error("housing.csv", { indicator: "PM28", row: 4, cell: "D4", message: "The value is <blank>." }),
        error("housing.csv", { indicator: "pm27", row: 3 }),
        error("housing.csv", { indicator: "PM28", row: 5 }),
        { code: "sudden-change", severity: "warning", file: q + "housing.csv", indicator: "PM26", message: "Moved." },
      ],
    },
    { agency: "probation", file: q + "probation.csv", receivedAt: "2026-11-04T10:00:00.000Z", issues: [] },
  ],
  issues: [
    { code: "ambiguous-return", severity: "error", file: q + "hospital.csv and hospital.xlsx", message: "hospital has 2 files." },
    { code: "unknown-agency", severity: "error", file: q + "nobody.csv", message: "nobody.csv is not named after an agency." },
  ],
};

describe("chaseList", () => {
  const list = chaseList(input);
  const by = (id: string) => list.agencies.find((a) => a.agency === id)!;

  it("says when returns are due and which are late", () => {
    expect(dueDate({ year: "2026-27", quarter: "Q2" }, { financialYearStartMonth: 4, options })).toBe("2026-10-30");
    expect(dueDate({ year: "2026-27", quarter: "Q4" }, { financialYearStartMonth: 4, options: { ...options, returnsDueDays: 0 } })).toBe("2027-03-31");
    expect(isLate("2026-10-30T23:00:00Z", "2026-10-30")).toBe(false);
    expect(isLate("2026-10-31T00:00:00Z", "2026-10-30")).toBe(true);
    expect(list.dueBy).toBe("2026-10-30");
    expect(list.overdue).toBe(true);
    expect(by("probation")).toMatchObject({ status: "received", late: true, daysLate: 5 });
    expect(by("police")).toMatchObject({ status: "received", late: false, daysLate: 0 });
  });

  it("gives each agency received, missing or invalid, with its errors and contact", () => {
    expect(by("police")).toMatchObject({ status: "received", errors: 0, owed: { kind: "nothing", indicators: [] }, contact: { name: "Analyst", email: "police@example.org" } });
    expect(by("refuge")).toMatchObject({ status: "missing", file: null, receivedAt: null, owed: { kind: "return", indicators: ["PM17"] }, contact: null });
    expect(by("housing")).toMatchObject({ status: "invalid", errors: 3, warnings: 1, owed: { kind: "corrections", indicators: ["PM27", "PM28"] } });
    // Two files for one agency: nothing usable came, so the whole return is owed again.
    expect(by("hospital")).toMatchObject({ status: "invalid", errors: 1, owed: { kind: "return", indicators: ["PM30"] } });
    expect(list.otherIssues.map((i) => i.code)).toEqual(["unknown-agency"]);
  });

  it("puts missing first, then invalid, then late, then the rest, and counts them", () => {
    expect(list.agencies.map((a) => a.agency)).toEqual(["refuge", "housing", "hospital", "probation", "police"]);
    expect(list.summary).toEqual({ expected: 5, received: 2, invalid: 2, missing: 1, late: 1 });
    expect(allIn(list)).toBe(false);
    const done = chaseList({ ...input, config: { ...input.config, agencies: [agencies[0]!] }, issues: [] });
    expect(allIn(done)).toBe(true);
  });

  it("prints a text chase list naming what each agency owes and who to contact", () => {
    const text = formatStatusText(list, new Chalk({ level: 0 }));
    expect(text).toContain("Test Partnership: returns for 2026-27 Q2 (July to September 2026)");
    expect(text).toContain("Were due by 30 October 2026. 2 of 5 received and valid; 1 missing, 2 invalid, 1 late.");
    expect(text).toMatch(/missing\s+Refuge \(refuge\)\n\s+owes the whole return \(PM17\)\n\s+contact: no contact in darep\.config\.json/);
    expect(text).toMatch(
      /invalid\s+Housing \| <b>Homes<\/b> \(housing\)\n\s+returns\/2026-27\/Q2\/housing\.csv, received 15 October 2026: 3 errors, 1 warning\n\s+owes corrected figures for PM27, PM28\n\s+contact: housing@example\.org/,
    );
    expect(text).toMatch(/received late\s+Probation \(probation\)\n\s+returns\/2026-27\/Q2\/probation\.csv, received 4 November 2026 \(5 days late\)/);
    expect(text).toMatch(/returns\/2026-27\/Q2\/nobody\.csv: nobody\.csv is not named after an agency\./);
  });

  it("prints a markdown table with text from files and the config escaped", () => {
    const md = formatStatusMarkdown(list);
    const rows = md.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| ---"));
    expect(rows[0]).toBe("| Agency | Status | Errors | Received | Contact | Still owed |");
    expect(rows).toHaveLength(1 + 5);
    expect(rows[1]).toBe("| Refuge (`refuge`) | ❌ missing | – | not received | no contact in darep.config.json | the whole return (PM17) |");
    expect(rows[2]).toBe("| Housing \\| &lt;b&gt;Homes&lt;/b&gt; (`housing`) | ⚠️ invalid | 3 | received 15 October 2026 | housing@example.org | corrected figures for PM27, PM28 |");
    expect(rows[4]).toContain("🕒 received late");
    // Every table row has the same number of unescaped cell separators.
    for (const r of rows) expect(r.replace(/\\\|/g, "").split("|").length).toBe(8);
    expect(md).toContain("### Housing \\| &lt;b&gt;Homes&lt;/b&gt;: to fix in returns/2026-27/Q2/housing.csv");
    expect(md).toContain("- PM28, row 4, cell D4: The value is &lt;blank&gt;.");
    expect(mdText("a*b_c`d[e]<f>&|\n#")).toBe("a\\*b\\_c\\`d\\[e\\]&lt;f&gt;&amp;\\| \\#");
  });
});

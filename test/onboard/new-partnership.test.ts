// Done-when for "any partnership in an afternoon", through the real CLI only: from an empty folder to a
// first report for a new partnership with its own five indicators (one six-monthly, one year to date
// against a yearly target, one with categories), with computed process limits from 12 imported quarters
// and no Doncaster text anywhere.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { darepBin, type CliRun } from "../helpers/cli.js";

const HEADER = [
  "reference",
  "title",
  "theme",
  "owner",
  "what it tells us",
  "frequency",
  "measure id",
  "measure",
  "unit",
  "categories",
  "categories are by",
  "direction",
  "reason for the direction",
  "target per year",
  "reported",
  "lowest possible",
  "highest possible",
];
const INDICATORS = [
  [
    "SH1",
    "Referrals to the hub",
    "Demand",
    "police",
    "How many victims reach help",
    "quarterly",
    "referrals",
    "Referrals received",
    "count",
    "police: Police; self: Self-referral; other: Other agencies",
    "referrer",
    "up",
    "More reporting is wanted",
    "",
    "",
    0,
    "",
  ],
  ["SH2", "Survivors satisfied with support", "Support", "idas", "Whether support helps", "six-monthly", "satisfied", "Survivors satisfied", "percent", "", "", "up", "Better support", "", "", 0, 100],
  ["SH3", "People supported", "Support", "idas", "Reach of the service", "quarterly", "supported", "People supported", "count", "", "", "target", "The commissioned level", 400, "year-to-date", 0, ""],
  [
    "SH4",
    "Days to first contact",
    "Support",
    "idas",
    "How quickly victims are contacted",
    "quarterly",
    "days",
    "Median days to first contact",
    "days",
    "",
    "",
    "down",
    "Sooner is safer",
    "",
    "",
    0,
    "",
  ],
  ["SH5", "Repeat victims", "Demand", "police", "Whether harm is stopped", "quarterly", "repeat", "Repeat victims (%)", "percent", "", "", "down", "Fewer repeats", "", "", 0, 100],
];
const QUARTERS = ["2023-24 Q2", "2023-24 Q3", "2023-24 Q4", "2024-25 Q1", "2024-25 Q2", "2024-25 Q3", "2024-25 Q4", "2025-26 Q1", "2025-26 Q2", "2025-26 Q3", "2025-26 Q4", "2026-27 Q1"];
const ALL = [...QUARTERS, "2026-27 Q2"];
const WOBBLE = [3, -2, 4, -1, 0, 2, -3, 1, -2, 3, 0, -1, 2];
const LEAKS = /Doncaster|DBTH|Riverside|St Leger/;

/** SH3's own figure in quarter n; its returns give the year to date, the sum since April. */
const supported = (n: number) => 100 + WOBBLE[n]!;
const supportedToDate = (n: number) =>
  ALL.slice(0, n + 1)
    .map((q, k) => (q.slice(0, 7) === ALL[n]!.slice(0, 7) ? supported(k) : 0))
    .reduce((a, b) => a + b, 0);

/** The figures of quarter n (0-11 history, 12 the new quarter): steady, with a little wobble. */
function figures(n: number, quarter: string): string[][] {
  const w = WOBBLE[n]!;
  const police = 60 + w,
    self = 30 - w,
    other = 20;
  const rows = [
    ["police", "SH1", "referrals", "", String(police + self + other)],
    ["police", "SH1", "referrals", "police", String(police)],
    ["police", "SH1", "referrals", "self", String(self)],
    ["police", "SH1", "referrals", "other", String(other)],
    ["police", "SH5", "repeat", "", String(25 + w)],
    ["idas", "SH3", "supported", "", String(supportedToDate(n))],
    ["idas", "SH4", "days", "", String(5 + (w > 0 ? 1 : 0))],
  ];
  if (quarter.endsWith("Q2") || quarter.endsWith("Q4")) rows.push(["idas", "SH2", "satisfied", "", String(80 + w)]);
  return rows;
}

let dir: string;
let ws: string;
const run = (args: string[], cwd = ws): CliRun => darepBin(args, { cwd, env: { DAREP_TODAY: "2026-11-25", CI: "true" } });

describe("a new partnership, from an empty folder to its first report", () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "darep-onboard-"));
    ws = join(dir, "sheffield");
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet("Indicators");
    sheet.addRow(HEADER);
    for (const row of INDICATORS) sheet.addRow(row);
    await wb.xlsx.writeFile(join(dir, "indicators.xlsx"));
    const history = ["year,quarter,agency,indicator,measure,category,value"];
    QUARTERS.forEach((q, n) => {
      const [year, quarter] = q.split(" ");
      for (const [agency, ref, measure, category, value] of figures(n, q)) history.push([year, quarter, agency, ref, measure, category, value].join(","));
    });
    writeFileSync(join(dir, "history.csv"), `${history.join("\n")}\n`);
  }, 60_000);

  it("goes init, framework import, history, templates, two returns, build", () => {
    const init = run(["init", "sheffield", "--name", "Sheffield Domestic Abuse Partnership", "--framework", "blank", "--agency", "police:Northshire Police", "--agency", "idas:IDAS"], dir);
    expect(init.stderr).toBe("");
    expect(init.code).toBe(0);

    const imported = run(["framework", "import", "../indicators.xlsx", "--name", "sheffield"]);
    expect(imported.stderr).toBe("");
    expect(imported.stdout).toMatch(/Wrote the framework 'sheffield' into schemas\/sheffield\/: 5 indicators, 5 measures\./);
    expect(imported.stdout).toMatch(/darep.config.json now uses it: police reports SH1, SH5; idas reports SH2, SH3, SH4\./);
    expect(imported.code).toBe(0);

    const history = run(["import", "history", "../history.csv"]);
    expect(history.stderr).toBe("");
    expect(history.stdout).toMatch(/Wrote 24 returns \(.+\) for 12 quarters, 2023-24 Q2 to 2026-27 Q1/);
    expect(history.code).toBe(0);
    expect(readFileSync(join(ws, "returns", "2024-25", "Q3", "_received.csv"), "utf8")).toMatch(/^idas,2025-01-30,imported/m);
    const again = run(["import", "history", "../history.csv"]);
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/exists already/);

    const templates = run(["template", "Q2", "--all"]);
    expect(templates.code).toBe(0);
    expect(readdirSync(join(ws, "templates", "2026-27-Q2")).sort()).toEqual(["idas.xlsx", "police.xlsx"]);

    const rows = figures(12, "2026-27 Q2");
    for (const agency of ["police", "idas"]) {
      const lines = ["indicator,measure,category,value,note", ...rows.filter((r) => r[0] === agency).map((r) => [...r.slice(1), ""].join(","))];
      writeFileSync(join(ws, "returns", "2026-27", "Q2", `${agency}.csv`), `${lines.join("\n")}\n`);
    }
    writeFileSync(join(ws, "returns", "2026-27", "Q2", "_received.csv"), "agency,received\npolice,2026-10-20\nidas,2026-10-28\n");
    expect(run(["validate", "Q2"]).code).toBe(0);

    const build = run(["build", "Q2", "--format", "html,json"]);
    expect(build.stderr).toBe("");
    expect(build.code).toBe(0);
    const out = join(ws, "reports", "2026-27-Q2");
    const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8"));
    expect(report.partnership ?? JSON.stringify(report)).toMatch(/Sheffield/);
    const sh1 = report.results.find((r: { indicator: string; category: string | null }) => r.indicator === "SH1" && r.category === null);
    expect(sh1.spc.state).toBe("computed");
    expect(typeof sh1.spc.lower).toBe("number");
    expect(sh1.spc.upper).toBeGreaterThan(sh1.spc.lower);
    expect(report.results.map((r: { indicator: string }) => r.indicator)).toContain("SH2");
    // SH3 is sent as a year to date (Q1 102 -> Q2 204): judged on each quarter's own figure.
    const sh3 = report.results.find((r: { indicator: string }) => r.indicator === "SH3");
    expect(sh3.reported).toBe("year-to-date");
    expect(sh3.yearToDate).toBe(supportedToDate(12));
    expect(sh3.value).toBe(supported(12));
    expect(sh3.spc.state).toBe("computed");
    expect(report.assurance).toBeUndefined();
    const html = readFileSync(join(out, readdirSync(out).find((f) => f.endsWith(".html"))!), "utf8");
    for (const text of [html, readFileSync(join(out, "report.json"), "utf8"), readFileSync(join(ws, "README.md"), "utf8"), readFileSync(join(ws, "darep.config.json"), "utf8")])
      expect(text).not.toMatch(LEAKS);
  }, 300_000);
});

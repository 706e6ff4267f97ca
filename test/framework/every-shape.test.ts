// A partnership's own framework written from README alone, with every shape of indicator: quarterly,
// six-monthly, annual and year-to-date measures, a level, an amount per year, an amber band, a target
// changing by year, a TBC target, a comparator and a baseline with no data yet. It validates clean and
// builds a report whose statuses a partnership would agree with, at Q2 (annual not due) and at Q4.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/report-contract/schema.js";
import { darep } from "../helpers/cli.js";
import { makeWorkspace } from "../helpers/workspace.js";

const indicator = (ref: string, frequency: string, measures: unknown[]) =>
  JSON.stringify({ ref, title: `Indicator ${ref}`, owner: "Council", tellsUs: "Something", theme: "All", frequency, measures });
const up = { wanted: "up", reason: "more is better" };

const SCHEMAS = {
  "schemas/shapes/framework.json": JSON.stringify({ name: "Every shape", themes: ["All"] }),
  "schemas/shapes/SH1.json": indicator("SH1", "quarterly", [
    { id: "referrals", label: "Referrals", unit: "count", direction: up },
    { id: "sessions", label: "Sessions delivered", unit: "count", reported: "year-to-date", direction: { wanted: "target", reason: "plan", target: { perYear: 600, comparison: "at-least" } } },
    { id: "safer", label: "People feeling safer", unit: "percent", direction: { wanted: "target", reason: "outcome", target: { level: 70, comparison: "at-least", atRisk: { absolute: 3 } } } },
    {
      id: "repeats",
      label: "Repeat cases",
      unit: "percent",
      direction: { wanted: "target", reason: "TBC", target: { toBeConfirmed: true } },
      comparators: [{ value: 31, label: "England and Wales", source: "SafeLives", period: "12 months to 30 September 2024" }],
    },
    { id: "satisfaction", label: "Partnership satisfaction", unit: "percent", baseline: "establishing", direction: { wanted: "baseline", reason: "Establishing data set" } },
  ]),
  "schemas/shapes/SH2.json": indicator("SH2", "six-monthly", [
    { id: "audits", label: "Case audits passed", unit: "percent", direction: { wanted: "target", reason: "standard", target: { level: 90, comparison: "more-than" } } },
  ]),
  "schemas/shapes/SH3.json": indicator("SH3", "annual", [
    {
      id: "incidents",
      label: "Incidents reported",
      unit: "count",
      direction: { wanted: "target", reason: "annual report", target: { perYear: 5000, byYear: { "2026-27": 6000 }, comparison: "at-least" } },
    },
  ]),
};

/** Returns, quarter by quarter: SH2 only in Q2 and Q4, SH3 only in Q4; sessions given year to date. */
const RETURNS: Record<string, string[]> = {
  "2025-26/Q4": ["SH1,referrals,,100,", "SH1,sessions,,600,", "SH1,safer,,71,", "SH1,repeats,,30,", "SH1,satisfaction,,[x],", "SH2,audits,,92,", "SH3,incidents,,5555,"],
  "2026-27/Q1": ["SH1,referrals,,104,", "SH1,sessions,,170,", "SH1,safer,,72,", "SH1,repeats,,31,", "SH1,satisfaction,,[x],"],
  "2026-27/Q2": ["SH1,referrals,,101,", "SH1,sessions,,330,", "SH1,safer,,68,", "SH1,repeats,,29,", "SH1,satisfaction,,[x],", "SH2,audits,,90,"],
  "2026-27/Q3": ["SH1,referrals,,99,", "SH1,sessions,,460,", "SH1,safer,,66,", "SH1,repeats,,30,", "SH1,satisfaction,,[x],"],
  "2026-27/Q4": ["SH1,referrals,,102,", "SH1,sessions,,620,", "SH1,safer,,75,", "SH1,repeats,,30,", "SH1,satisfaction,,[x],", "SH2,audits,,95,", "SH3,incidents,,6401,"],
};

function workspace(): string {
  const files: Record<string, string> = { ...SCHEMAS };
  for (const [quarter, rows] of Object.entries(RETURNS)) files[`returns/${quarter}/council.csv`] = ["indicator,measure,category,value,note", ...rows].join("\n") + "\n";
  return makeWorkspace({ config: { partnership: "Shapes Partnership", framework: "shapes", agencies: [{ id: "council", name: "Council", indicators: ["SH1", "SH2", "SH3"] }] }, files });
}

async function build(root: string, quarter: string): Promise<Report> {
  const checked = await darep(["validate", quarter, "--year", "2026-27"], { cwd: root });
  expect(checked.stderr).toBe("");
  expect(checked.code, checked.stdout).toBe(0);
  const built = await darep(["build", quarter, "--year", "2026-27", "--format", "html,json"], { cwd: root, env: { SOURCE_DATE_EPOCH: "1795000000" } });
  expect(built.stderr).toBe("");
  expect([0, 1]).toContain(built.code);
  return JSON.parse(await readFile(join(root, "reports", `2026-27-${quarter}`, "report.json"), "utf8")) as Report;
}

const statuses = (r: Report) => Object.fromEntries(r.results.map((x) => [`${x.indicator}/${x.measure}`, x.status]));

describe("a framework of every shape, written from README alone", () => {
  const root = workspace();

  it("in Q2: the annual figure is not due, the six-monthly one is judged, the baseline has no data yet", async () => {
    const report = await build(root, "Q2");
    expect(report.schemaVersion).toBe("2.2.0");
    expect(statuses(report)).toEqual({
      "SH1/referrals": "stable",
      "SH1/sessions": "on-track", // 330 so far (as given) against 300 by Q2
      "SH1/safer": "at-risk", // 68 against at least 70, within the band of 3
      "SH1/repeats": "for-information",
      "SH1/satisfaction": "baseline",
      "SH2/audits": "off-track", // exactly 90 is not more than 90
      "SH3/incidents": "not-due",
    });
    expect(report.exceptions.map((k) => k.split("/").slice(0, 2).join("/"))).toEqual(["SH2/audits"]);
    const sessions = report.results.find((x) => x.measure === "sessions")!;
    expect(sessions).toMatchObject({ value: 160, previous: 170, yearToDate: 330 });
    const audits = report.results.find((x) => x.indicator === "SH2")!;
    expect(audits).toMatchObject({ value: 90, previous: 92, sameQuarterLastYear: null });
    expect(report.results.find((x) => x.measure === "repeats")!.comparators![0]).toMatchObject({ value: 31, unit: "percent" });
    expect(report.results.find((x) => x.measure === "satisfaction")!.sentence).toContain("baseline, no data yet");
  });

  it("in Q4: the annual figure exceeded its target of 6,000 (the year's), the six-monthly one is compared with Q2 and a year ago", async () => {
    const report = await build(root, "Q4");
    const annual = report.results.find((x) => x.indicator === "SH3")!;
    expect(annual).toMatchObject({ status: "on-track", value: 6401, previous: 5555, exception: false });
    expect(annual.sentence).toContain("exceeded their target of 6,000");
    const audits = report.results.find((x) => x.indicator === "SH2")!;
    expect(audits).toMatchObject({ status: "on-track", value: 95, previous: 90, sameQuarterLastYear: 92 });
    const sessions = report.results.find((x) => x.measure === "sessions")!;
    expect(sessions).toMatchObject({ status: "on-track", value: 160, yearToDate: 620 });
    expect(sessions.sentence).toContain("exceeded their target of 600");
    expect(report.exceptions).toEqual([]);
  });
});

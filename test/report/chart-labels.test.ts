// The charts explain themselves: no two text labels overlap (boxes approximated by characters times
// font size), every label sits inside the chart, and a key names each kind of mark drawn. Checked on
// every figure of the demo, and on series made to be awkward: re-baselined, provisional, with a target.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trendChart } from "../../src/report/chart.js";
import { textBox } from "../../src/report/chart-key.js";
import type { Report, Result } from "../../src/report-contract/schema.js";
import { darep, DEMO, ROOT } from "../helpers/cli.js";

let out = "";
let report: Report;
beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), "darep-chart-labels-"));
  await darep(["build", "Q2", "--year", "2026-27", "--workspace", DEMO, "--out", out, "--format", "json"], { cwd: ROOT, env: { SOURCE_DATE_EPOCH: "1795000000" } });
  report = JSON.parse(await readFile(join(out, "report.json"), "utf8")) as Report;
});
afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

function labels(svg: string) {
  const view = /viewBox="0 0 (\d+) (\d+)"/.exec(svg)!;
  const boxes = [...svg.matchAll(/<text x="([\d.-]+)" y="([\d.-]+)"([^>]*)>([^<]*)<\/text>/g)].map((m) => {
    const attrs = m[3]!;
    const size = Number(/font-size="([\d.]+)"/.exec(attrs)![1]);
    const anchor = (/text-anchor="(\w+)"/.exec(attrs)?.[1] ?? "start") as "start" | "middle" | "end";
    return { s: unescapeXml(m[4]!), ...textBox(Number(m[1]), Number(m[2]), unescapeXml(m[4]!), size, anchor) };
  });
  return { width: Number(view[1]), height: Number(view[2]), boxes };
}

function overlaps(svg: string): string[] {
  const { width, height, boxes } = labels(svg);
  const found: string[] = [];
  boxes.forEach((a, i) => {
    if (a.x0 < 0 || a.x1 > width || a.y0 < 0 || a.y1 > height) found.push(`"${a.s}" outside the chart`);
    for (const b of boxes.slice(i + 1)) if (a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1) found.push(`"${a.s}" on "${b.s}"`);
  });
  return found;
}

function series(values: (number | null)[], extra: Partial<Result> = {}): Result {
  const base = report.results.find((r) => r.key === "PM26/applications/total/st-leger-homes")!;
  const years = ["2021-22", "2022-23", "2023-24", "2024-25", "2025-26", "2026-27", "2027-28", "2028-29", "2029-30", "2030-31", "2031-32"];
  const history = values.map((v, i) => ({ year: years[Math.floor((i + 3) / 4)]!, quarter: (["Q4", "Q1", "Q2", "Q3"] as const)[i % 4]!, value: v, symbol: null, gap: v === null }));
  return { ...base, history, ...extra };
}

describe("chart labels never overlap", () => {
  it("on every figure of the demo", () => {
    let charts = 0;
    for (const r of report.results) {
      expect(overlaps(trendChart(r).svg), r.key).toEqual([]);
      charts++;
    }
    expect(charts).toBe(report.results.length);
  });

  it("with the mean, limits and target close together, a re-baseline, and a long history starting in Q4", () => {
    const values = Array.from({ length: 40 }, (_, i) => 70 + ((i * 7) % 9));
    const bl = (from: number, to: number, reason: string | null, mean: number) => ({
      from,
      start: "x",
      to,
      fixedTo: Math.min(to, from + 11),
      reason,
      state: "computed" as const,
      points: to - from + 1,
      mean,
      lower: mean - 6,
      upper: mean + 6,
      movingRange: 2,
      screened: 0,
      poissonFloor: false,
    });
    const spc = {
      state: "computed" as const,
      points: 20,
      mean: 73.92,
      lower: 68.1,
      upper: 79.7,
      signals: [],
      latest: "common-cause" as const,
      assurance: "hit-and-miss" as const,
      baselines: [bl(0, 19, null, 72.5), bl(20, 39, "new recording rule", 73.92)],
    };
    const target = { perYear: 300, comparison: "at-least" as const, perQuarter: 75, toDate: 150, actualToDate: 140, projectedOutturn: 280 };
    const svg = trendChart(series(values, { spc, target, unit: "count" })).svg;
    expect(overlaps(svg)).toEqual([]);
    for (const words of ["Target 75", "Mean 73.9", "Upper 79.7", "Lower 68.1", "New baseline", "Quarters the limits come from", "Process limits (usual range)", "Target"])
      expect(svg).toContain(`>${words}<`);
  });

  it("with provisional limits and a latest figure at the top of the chart", () => {
    const values = [10, 12, 11, 13, 12, 30];
    const spc = {
      state: "provisional" as const,
      points: 6,
      mean: 14.67,
      lower: 2.1,
      upper: 27.2,
      signals: [{ rule: "beyond-limits" as const, at: 5, side: "high" as const, reading: "concern" as const }],
      latest: "special-cause-concern" as const,
      assurance: null,
    };
    const svg = trendChart(series(values, { spc, target: null })).svg;
    expect(overlaps(svg)).toEqual([]);
    expect(svg).toContain(">Special cause of concern<");
    expect(svg).toContain(">Upper* 27.2<");
  });
});

describe("the same rounding on the chart as in the sentence", () => {
  it("PM3's limits: one decimal on the chart, its text alternative and its reason", () => {
    const r = report.results.find((x) => x.key === "PM3/repeat-referrals/total/doncaster-council")!;
    const { svg, description } = trendChart(r);
    const upper = /Upper ([\d,.]+)</.exec(svg)![1]!;
    expect(upper).toMatch(/^[\d,]+(\.\d)?$/);
    expect(r.reasons.map((x) => x.text).join(" ")).toContain(upper);
    expect(description).toContain(upper);
  });
});

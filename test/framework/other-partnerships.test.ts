// The engine serves other partnerships by configuration alone: a workspace that names darep's bundled
// "rotherham" or "portsmouth" framework validates and builds like Doncaster's, with that framework's
// own references, directions and partnership name; and every Portsmouth schema file loads.
import { readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { loadFramework } from "../../src/workspace/load-framework.js";
import { FrameworkInfo, Indicator } from "../../src/framework/schema.js";
import type { Report } from "../../src/report-contract/schema.js";
import { darep, ROOT } from "../helpers/cli.js";
import { makeWorkspace } from "../helpers/workspace.js";

/** Five quarters in a row, ending with the one reported. */
const QUARTERS = ["2025-26/Q2", "2025-26/Q3", "2025-26/Q4", "2026-27/Q1", "2026-27/Q2"] as const;
type Five = readonly [number, number, number, number, number];
/** A figure given only in some quarters (an annual indicator is due in Q4): null where it is not. */
type Sparse = readonly (number | null)[];

interface Row {
  ref: string;
  measure: string;
  category?: string;
  values: Five | Sparse;
}

/** A measure's total and its categories, the total being the sum of the categories each quarter. */
function breakdown(ref: string, measure: string, categories: Record<string, Five>): Row[] {
  const parts = Object.entries(categories);
  const total = QUARTERS.map((_, q) => parts.reduce((sum, [, v]) => sum + v[q]!, 0)) as unknown as Five;
  return [{ ref, measure, values: total }, ...parts.map(([category, values]) => ({ ref, measure, category, values }))];
}

interface Partnership {
  partnership: string;
  framework: string;
  agencies: { id: string; name: string; indicators: string[] }[];
  /** Rows by agency id. */
  rows: Record<string, Row[]>;
}

/** The workspace's files: one CSV return per agency per quarter. */
function returns(p: Partnership): Record<string, string> {
  const files: Record<string, string> = {};
  QUARTERS.forEach((quarter, q) => {
    for (const [agency, rows] of Object.entries(p.rows)) {
      const lines = rows.filter((r) => r.values[q] !== null && r.values[q] !== undefined).map((r) => `${r.ref},${r.measure},${r.category ?? ""},${r.values[q]},`);
      files[`returns/${quarter}/${agency}.csv`] = ["indicator,measure,category,value,note", ...lines].join("\n") + "\n";
    }
  });
  return files;
}

async function buildReport(p: Partnership): Promise<{ report: Report; document: Document }> {
  const root = makeWorkspace({
    config: { partnership: p.partnership, framework: p.framework, agencies: p.agencies },
    files: returns(p),
  });
  const checked = await darep(["validate", "Q2", "--year", "2026-27"], { cwd: root });
  expect(checked.stderr).toBe("");
  expect(checked.code, checked.stdout).toBe(0);

  const built = await darep(["build", "Q2", "--year", "2026-27", "--format", "html,json"], { cwd: root, env: { SOURCE_DATE_EPOCH: "1795000000" } });
  expect(built.stderr).toBe("");
  expect(built.code, built.stdout).toBe(0);
  const out = join(root, "reports", "2026-27-Q2");
  const report = JSON.parse(await readFile(join(out, "report.json"), "utf8")) as Report;
  const html = await readFile(join(out, "exception-report.html"), "utf8");
  return { report, document: parseHTML(html).document as unknown as Document };
}

const resultOf = (report: Report, key: string) => {
  const r = report.results.find((x) => x.key === key);
  expect(r, key).toBeDefined();
  return r!;
};

async function refsOf(framework: string): Promise<string[]> {
  return (await loadFramework(join(ROOT, "schemas", framework))).indicators.map((i) => i.ref);
}

const ROTHERHAM: Partnership = {
  partnership: "Safer Rotherham Partnership",
  framework: "rotherham",
  agencies: [
    { id: "south-yorkshire-police", name: "South Yorkshire Police", indicators: ["RO1", "RO3"] },
    { id: "rotherham-council", name: "Rotherham Metropolitan Borough Council (Community Safety)", indicators: ["RO2", "RO4", "RO5", "RO6"] },
  ],
  rows: {
    "south-yorkshire-police": [
      // Planted: the outcome rate, which the partnership wants up, falls from 18% to 12%.
      { ref: "RO1", measure: "outcome-rate", values: [17, 18, 17, 18, 12] },
      { ref: "RO3", measure: "repeat-cases", values: [37, 37, 36, 38, 37] },
    ],
    "rotherham-council": [
      { ref: "RO2", measure: "dash-assessments", values: [412, 398, 431, 420, 455] },
      { ref: "RO4", measure: "sessions-delivered", values: [290, 460, 581, 158, 330] },
      { ref: "RO5", measure: "recommendations-on-track", values: [100, 96, 97, 98, 100] },
      { ref: "RO6", measure: "satisfaction-rate", values: [71, 74, 73, 76, 75] },
    ],
  },
};

const PORTSMOUTH: Partnership = {
  partnership: "Safer Portsmouth Partnership",
  framework: "portsmouth",
  agencies: [
    { id: "hampshire-constabulary", name: "Hampshire Constabulary", indicators: ["PO4", "PO7", "PO10", "PO11", "PO12"] },
    { id: "portsmouth-city-council", name: "Portsmouth City Council", indicators: ["PO1", "PO2", "PO3", "PO5", "PO6", "PO9", "PO13", "PO14"] },
    { id: "stop-domestic-abuse", name: "Stop Domestic Abuse (Up2U)", indicators: ["PO8"] },
  ],
  rows: {
    "hampshire-constabulary": [
      // More disclosure requests, which the strategy wants: improving.
      { ref: "PO4", measure: "requests", values: [48, 50, 49, 51, 80] },
      { ref: "PO7", measure: "call-outs", values: [64, 63, 65, 64, 63] },
      { ref: "PO7", measure: "arrests", values: [21, 22, 21, 20, 21] },
      { ref: "PO7", measure: "repeat-perpetrators", values: [15, 16, 15, 14, 15] },
      ...breakdown("PO10", "notices-and-orders", { notices: [30, 31, 31, 32, 32], orders: [24, 24, 25, 25, 26] }),
      // Planted: repeat perpetrators, which the strategy wants down, rise from 201 to 262: beyond
      // chance on the quarter and against 212 a year ago (P = 0.011).
      { ref: "PO11", measure: "repeat-perpetrators", values: [212, 208, 205, 201, 262] },
      { ref: "PO12", measure: "arrest-rate", values: [38, 39, 38, 39, 40] },
      { ref: "PO12", measure: "conviction-rate", values: [71, 72, 71, 73, 72] },
    ],
    "portsmouth-city-council": [
      // Annual: given with the Q4 return only.
      { ref: "PO1", measure: "schools-referencing-framework", values: [null, null, 88, null, null] },
      { ref: "PO1", measure: "children-receiving-sre", values: [null, null, 91, null, null] },
      { ref: "PO2", measure: "recognise-unhealthy-behaviours", values: [null, null, 66, null, null] },
      { ref: "PO2", measure: "know-where-to-get-help", values: [null, null, 77, null, null] },
      { ref: "PO2", measure: "would-challenge-others", values: [null, null, 54, null, null] },
      { ref: "PO2", measure: "would-change-own-behaviour", values: [null, null, 30, null, null] },
      ...breakdown("PO3", "referrals-to-specialist-services", { "early-help": [90, 92, 91, 93, 94], athena: [40, 41, 40, 42, 42], echo: [52, 51, 53, 52, 53] }),
      ...breakdown("PO3", "lead-professionals", { midwives: [6, 6, 7, 7, 7], "health-visitors": [11, 12, 12, 12, 13] }),
      { ref: "PO3", measure: "risk-reduced", values: [64, 65, 66, 65, 66] },
      ...breakdown("PO5", "referrals", { "gp-surgeries": [38, 39, 40, 40, 41], "other-health-services": [85, 86, 88, 87, 89] }),
      { ref: "PO6", measure: "children-in-need", values: [310, 305, 301, 298, 296] },
      { ref: "PO6", measure: "child-protection-plans", values: [142, 140, 139, 137, 136] },
      { ref: "PO6", measure: "reunification", values: [9, 10, 9, 10, 11] },
      { ref: "PO6", measure: "adults-risk-reduced", values: [58, 59, 60, 59, 60] },
      { ref: "PO9", measure: "victims-remaining-at-home", values: [23, 24, 24, 25, 25] },
      ...breakdown("PO13", "escalated", { medium: [31, 30, 31, 30, 29], high: [8, 8, 7, 8, 7] }),
      { ref: "PO13", measure: "escalated-percent", values: [11, 11, 10, 11, 10] },
      { ref: "PO14", measure: "risk-reduction", values: [81, 82, 82, 83, 82] },
      { ref: "PO14", measure: "positive-experience", values: [93, 94, 94, 95, 94] },
      { ref: "PO14", measure: "felt-safe", values: [76, 77, 78, 77, 78] },
    ],
    "stop-domestic-abuse": [
      { ref: "PO8", measure: "referrals", values: [44, 45, 46, 45, 46] },
      { ref: "PO8", measure: "starting", values: [31, 32, 31, 32, 33] },
      { ref: "PO8", measure: "completing", values: [19, 20, 20, 21, 21] },
      { ref: "PO8", measure: "repeat-csc-referrals", values: [7, 6, 7, 6, 6] },
      { ref: "PO8", measure: "risk-reduced", values: [61, 62, 62, 63, 63] },
      { ref: "PO8", measure: "police-recorded-incidents", values: [18, 17, 18, 17, 16] },
    ],
  },
};

describe("Rotherham's framework, by configuration alone", () => {
  it("validates clean returns and builds a report of RO1-RO6 that flags the falling outcome rate", async () => {
    const { report, document } = await buildReport(ROTHERHAM);
    const refs = await refsOf("rotherham");
    const reported = ["RO1", "RO2", "RO3", "RO4", "RO5", "RO6"];
    expect(refs).toEqual(expect.arrayContaining(reported));
    expect(new Set(report.results.map((r) => r.indicator))).toEqual(new Set(reported));
    expect(report.partnership).toBe("Safer Rotherham Partnership");
    expect(report.framework).toBe("Rotherham Domestic Abuse Delivery Plan: Performance/Key Projects");

    const fall = resultOf(report, "RO1/outcome-rate/total/south-yorkshire-police");
    expect(fall.status).toBe("worsening");
    expect(fall.exception).toBe(true);
    expect(report.exceptions).toEqual([fall.key]);
    expect(resultOf(report, "RO3/repeat-cases/total/south-yorkshire-police").status).toBe("baseline");
    expect(resultOf(report, "RO5/recommendations-on-track/total/rotherham-council").status).toBe("stable");
    // The plan's sessions are given year to date ("Q2 330 YTD"): Q2's own 172, the year to date as given.
    expect(resultOf(report, "RO4/sessions-delivered/total/rotherham-council")).toMatchObject({ value: 172, previous: 158, yearToDate: 330, reported: "year-to-date", status: "baseline" });
    // "Establishing Baseline/Comparators": SafeLives' national repeat rate beside the figure, never judged.
    expect(resultOf(report, "RO3/repeat-cases/total/south-yorkshire-police").comparators).toEqual([expect.objectContaining({ value: 31, source: "SafeLives Marac national dataset" })]);

    expect(document.querySelector("h1 .partnership")?.textContent).toBe("Safer Rotherham Partnership");
    expect(document.querySelector("title")?.textContent).toMatch(/^Safer Rotherham Partnership: /);
    expect(document.body.textContent).toContain("RO1");
  });
});

describe("Portsmouth's framework, by configuration alone", () => {
  it("validates clean returns and builds a report of PO1-PO14 that flags the rise in repeat perpetrators", async () => {
    const { report, document } = await buildReport(PORTSMOUTH);
    const refs = await refsOf("portsmouth");
    expect(refs).toEqual(Array.from({ length: 14 }, (_, i) => `PO${i + 1}`));
    expect(new Set(report.results.map((r) => r.indicator))).toEqual(new Set(refs));
    expect(report.partnership).toBe("Safer Portsmouth Partnership");
    expect(report.framework).toBe("Portsmouth Domestic Violence and Abuse Strategy 2020-2023");

    const rise = resultOf(report, "PO11/repeat-perpetrators/total/hampshire-constabulary");
    expect(rise.direction).toBe("down");
    expect(rise.status).toBe("worsening");
    expect(rise.exception).toBe(true);
    expect(report.exceptions).toEqual([rise.key]);

    // A rise the strategy wants is improving; a move within the tolerance is stable.
    expect(resultOf(report, "PO4/requests/total/hampshire-constabulary").status).toBe("improving");
    expect(resultOf(report, "PO10/notices-and-orders/orders/hampshire-constabulary").status).toBe("stable");
    expect(resultOf(report, "PO2/would-change-own-behaviour/total/portsmouth-city-council").direction).toBe("none");
    // An annual figure, tracked, is not due in Q2: not-due, and not an exception.
    const annual = resultOf(report, "PO1/schools-referencing-framework/total/portsmouth-city-council");
    expect(annual).toMatchObject({ direction: "target", status: "not-due", exception: false, frequency: "annual" });
    for (const r of report.results.filter((x) => x.indicator === "PO2")) expect(r.status).toBe("not-due");

    expect(document.querySelector("h1 .partnership")?.textContent).toBe("Safer Portsmouth Partnership");
    expect(document.querySelector("title")?.textContent).toMatch(/^Safer Portsmouth Partnership: /);
    expect(document.body.textContent).toContain("PO11");
  });
});

describe("the bundled Portsmouth framework", () => {
  const dir = join(ROOT, "schemas", "portsmouth");

  it("loads, with the strategy's five priorities as its themes", async () => {
    const fw = await loadFramework(dir);
    expect(fw.name).toBe("portsmouth");
    expect(fw.info.themes).toHaveLength(5);
    expect(fw.info.themes[0]).toBe("Priority A: Promote healthy relationships");
    const themeIndex = fw.indicators.map((i) => fw.info.themes.indexOf(i.theme));
    expect([...themeIndex].sort((a, b) => a - b)).toEqual(themeIndex);
  });

  it.each(readdirSync(dir).filter((f) => f.endsWith(".json")))("%s is valid, and each measure's direction gives its reason", async (file) => {
    const data = JSON.parse(await readFile(join(dir, file), "utf8")) as unknown;
    if (file === "framework.json") {
      expect(FrameworkInfo.safeParse(data).success).toBe(true);
      return;
    }
    const parsed = Indicator.safeParse(data);
    expect(parsed.error?.issues ?? []).toEqual([]);
    const ind = parsed.data!;
    expect(`${ind.ref}.json`).toBe(file);
    expect(ind.measures.length).toBeGreaterThanOrEqual(1);
    for (const m of ind.measures) {
      expect(m.direction.reason.trim(), `${ind.ref}/${m.id}`).not.toBe("");
      // A reason says what in the strategy it rests on, or that it is darep's reading.
      expect(m.direction.reason, `${ind.ref}/${m.id}`).toMatch(/'.+'|\(our reading\)/);
      for (const [c, d] of Object.entries(m.direction.categories ?? {})) expect(d.reason.trim(), `${ind.ref}/${m.id}/${c}`).not.toBe("");
    }
  });
});

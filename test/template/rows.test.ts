// The template's rows and the value column's rule, built from the Doncaster framework.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadFramework } from "../../src/workspace/load-framework.js";
import type { Framework } from "../../src/framework/types.js";
import { templateCsv } from "../../src/template/csv.js";
import { figureText, templateRows } from "../../src/template/rows.js";
import { valueRange, valueRule } from "../../src/template/value-rule.js";
import { ROOT } from "../helpers/cli.js";

let framework: Framework;
beforeAll(async () => {
  framework = await loadFramework(join(ROOT, "schemas", "doncaster"));
});

const riverside = { id: "riverside", name: "Riverside", indicators: ["PM19", "PM17", "PM18"] };

describe("templateRows", () => {
  it("gives one row per indicator, measure and category, the total first, in framework order", () => {
    const rows = templateRows(framework, riverside);
    const expected: string[] = [];
    for (const ref of ["PM17", "PM18", "PM19"]) {
      for (const m of framework.byRef.get(ref)!.measures) {
        expected.push(`${ref}|${m.id}|`);
        for (const c of m.categories?.values ?? []) expected.push(`${ref}|${m.id}|${c.id}`);
      }
    }
    expect(rows.map((r) => `${r.indicator}|${r.measure}|${r.category ?? ""}`)).toEqual(expected);
  });

  it("puts the title and a definition in words beside each row", () => {
    const rows = templateRows(framework, { id: "dbth", name: "DBTH", indicators: ["PM30"] });
    const pm30 = framework.byRef.get("PM30")!;
    const m = pm30.measures[0]!;
    const cat = m.categories!.values[0]!;
    const total = rows[0]!;
    expect(total.title).toBe(pm30.title);
    expect(total.definition).toContain(m.label);
    expect(total.definition).toContain("total");
    expect(total.definition).toContain(m.definition!);
    expect(rows[1]!.definition).toContain(`${m.label}: ${cat.label}`);
  });

  it("shows last quarter's figures as the agency wrote them", () => {
    const base = { agency: "riverside", year: "2026-27", quarter: "Q1" as const, source: { file: "x" } };
    const rows = templateRows(framework, riverside, [
      { ...base, indicator: "PM17", measure: "people-supported", category: null, value: 57, symbol: null },
      { ...base, indicator: "PM17", measure: "waiting-list", category: null, value: null, symbol: "x" },
      { ...base, indicator: "pm18", measure: "outcome-stars-completed", category: null, value: 12, symbol: "u" },
    ]);
    const prev = (m: string) => rows.find((r) => r.measure === m && r.category === null)!.previous;
    expect(prev("people-supported")).toBe(57);
    expect(prev("waiting-list")).toBe("[x]");
    expect(prev("outcome-stars-completed")).toBe("[u] 12");
    expect(prev("moved-on")).toBeNull();
    expect(figureText({ value: null, symbol: "c" })).toBe("[c]");
  });

  it("writes a CSV with a BOM, the contract's columns only and blank values", () => {
    const csv = templateCsv(templateRows(framework, riverside));
    expect(csv.startsWith("\ufeffindicator,measure,category,value,note\r\n")).toBe(true);
    const lines = csv.slice(1).trimEnd().split("\r\n");
    expect(lines[1]).toBe("PM17,people-supported,,,");
    expect(lines.every((l) => l.split(",").length === 5)).toBe(true);
  });
});

describe("valueRule", () => {
  it("guards the number test with IF, so a symbol never meets INT()", () => {
    const [count] = templateRows(framework, riverside);
    const rule = valueRule(count!, "G2");
    const valid = 'IF(ISNUMBER(G2),AND(G2>=0,G2=INT(G2)),OR(G2="[c]",G2="[x]",G2="[z]",AND(LEFT(G2,3)="[u]",ISNUMBER(-SUBSTITUTE(MID(G2,4,40),"%","")))))';
    expect(rule.formula).toBe(valid);
    // A blank cell is not marked red: it is yet to be filled in.
    expect(rule.invalidFormula).toBe(`AND(G2<>"",NOT(${valid}))`);
    expect(rule.errorTitle.length).toBeLessThanOrEqual(32);
    expect(rule.error.length).toBeLessThanOrEqual(255);
  });

  it("bounds percentages to 0-100 and counts to whole numbers from 0", () => {
    expect(valueRange({ unit: "percent" })).toEqual({ min: 0, max: 100, whole: false });
    expect(valueRange({ unit: "count" })).toEqual({ min: 0, max: undefined, whole: true });
    expect(valueRange({ unit: "rate", min: 1 })).toEqual({ min: 1, max: undefined, whole: false });
    const pct = templateRows(framework, riverside).find((r) => r.unit === "percent")!;
    expect(valueRule(pct, "G9").formula).toContain("AND(G9>=0,G9<=100)");
  });

  it("keeps every message within Excel's limits (title 32, text 255 characters)", () => {
    const all = templateRows(framework, { id: "all", name: "All", indicators: framework.indicators.map((i) => i.ref) });
    for (const row of all) {
      const rule = valueRule(row, "G100");
      expect(rule.promptTitle.length).toBeLessThanOrEqual(32);
      expect(rule.prompt.length).toBeLessThanOrEqual(255);
      expect(rule.prompt).toMatch(/\[c\].*\[x\].*\[z\].*\[u\]/);
    }
  });
});

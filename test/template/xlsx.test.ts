// The XLSX template's make-up: sheets, columns, the value column's checks and input message,
// protection, the About and Guidance sheets, formula injection, and repeatable bytes.
import ExcelJS from "exceljs";
import { join } from "node:path";
import yauzl from "yauzl";
import { beforeAll, describe, expect, it } from "vitest";
import { loadFramework } from "../../src/workspace/load-framework.js";
import type { Framework } from "../../src/framework/types.js";
import { templateRows } from "../../src/template/rows.js";
import { RETURN_COLUMNS, templateXlsx, VALUE_COLUMN, type TemplateInput } from "../../src/template/xlsx.js";
import { ROOT } from "../helpers/cli.js";

let framework: Framework;
let input: TemplateInput;
let bytes: Buffer;
let wb: ExcelJS.Workbook;
const createdAt = new Date("2026-09-30T12:00:00Z");

async function load(b: Buffer): Promise<ExcelJS.Workbook> {
  const w = new ExcelJS.Workbook();
  await w.xlsx.load(b as unknown as Parameters<typeof w.xlsx.load>[0]);
  return w;
}

function zipDates(b: Buffer): Promise<Date[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(b, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const dates: Date[] = [];
      zip.on("entry", (e: yauzl.Entry) => {
        dates.push(e.getLastModDate({ timezone: "UTC" } as never));
        zip.readEntry();
      });
      zip.on("end", () => resolve(dates));
      zip.readEntry();
    });
  });
}

beforeAll(async () => {
  framework = await loadFramework(join(ROOT, "schemas", "doncaster"));
  const agency = { id: "riverside", name: "=cmd|' /C calc'!A0", contact: { email: "performance@riverside.example.org" }, indicators: ["PM17", "PM18", "PM19"] };
  const base = { agency: "riverside", year: "2026-27", quarter: "Q1" as const, source: { file: "x" } };
  input = {
    partnership: "Test Partnership",
    agency,
    period: { year: "2026-27", quarter: "Q2" },
    periodLabel: "July to September 2026",
    dueBy: "2026-10-30",
    previousPeriod: { year: "2026-27", quarter: "Q1" },
    rows: templateRows(framework, agency, [{ ...base, indicator: "PM17", measure: "people-supported", category: null, value: 57, symbol: null }]),
    indicators: ["PM17", "PM18", "PM19"].map((r) => framework.byRef.get(r)!),
    createdAt,
  };
  bytes = await templateXlsx(input);
  wb = await load(bytes);
});

describe("the XLSX template", () => {
  it("has the Return, About and Guidance sheets", () => {
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Return", "About", "Guidance"]);
  });

  it("has the contract's columns and helper columns whose headers start with '('", () => {
    const header = (wb.getWorksheet("Return")!.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(["indicator", "measure", "category", "(title)", "(definition)", "(last quarter, 2026-27 Q1)", "value", "note"]);
    const contract = header.filter((h) => !String(h).startsWith("("));
    expect(contract).toEqual(["indicator", "measure", "category", "value", "note"]);
    expect(VALUE_COLUMN).toBe("G");
    expect(RETURN_COLUMNS).toHaveLength(8);
  });

  it("has one row per figure, keys filled in and values blank, last quarter's figure beside them", () => {
    const sheet = wb.getWorksheet("Return")!;
    expect(sheet.actualRowCount).toBe(input.rows.length + 1);
    input.rows.forEach((r, i) => {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(1).value).toBe(r.indicator);
      expect(row.getCell(2).value).toBe(r.measure);
      expect(row.getCell(3).value ?? null).toBe(r.category);
      expect(row.getCell(4).value).toBe(r.title);
      expect(row.getCell(7).value ?? null).toBeNull();
    });
    expect(sheet.getRow(2).getCell(6).value).toBe(57);
  });

  it("gives every value cell a dropdown of symbols that lets numbers through, with an input message", () => {
    const sheet = wb.getWorksheet("Return")!;
    input.rows.forEach((r, i) => {
      const dv = sheet.getCell(`G${i + 2}`).dataValidation;
      expect(dv.type).toBe("list");
      expect(dv.formulae).toEqual(['"[c],[x],[z]"']);
      expect(dv.showInputMessage).toBe(true);
      expect(dv.prompt).toMatch(r.unit === "percent" ? /percentage from 0 to 100/ : /whole number, 0 or more/);
      expect(dv.prompt).toContain("[x] not available");
      // With the alert on, Excel would turn away every number, which is not in the list.
      expect(dv.showErrorMessage).not.toBe(true);
    });
  });

  it("marks in red, cell by cell, a value that is neither a number in range nor a symbol", () => {
    const sheet = wb.getWorksheet("Return")! as unknown as { conditionalFormattings: { ref: string; rules: { type: string; formulae: string[] }[] }[] };
    const cf = sheet.conditionalFormattings;
    expect(cf.map((c) => c.ref)).toEqual(input.rows.map((_, i) => `G${i + 2}`));
    cf.forEach((c, i) => {
      expect(c.rules).toHaveLength(1);
      expect(c.rules[0]!.type).toBe("expression");
      expect(c.rules[0]!.formulae[0]).toMatch(new RegExp(`^AND\\(G${i + 2}<>"",NOT\\(IF\\(ISNUMBER\\(G${i + 2}\\),`));
    });
    const pct = input.rows.findIndex((r) => r.unit === "percent");
    expect(cf[pct]!.rules[0]!.formulae[0]).toContain(`G${pct + 2}<=100`);
  });

  it("protects the sheets, leaving only the value and note cells (and About's contact and submitted) open", () => {
    const sheet = wb.getWorksheet("Return")!;
    for (const s of wb.worksheets) expect((s as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    for (let r = 2; r <= input.rows.length + 1; r++) {
      for (const col of ["A", "B", "C", "D", "E", "F"]) expect(sheet.getCell(`${col}${r}`).protection?.locked).not.toBe(false);
      expect(sheet.getCell(`G${r}`).protection?.locked).toBe(false);
      expect(sheet.getCell(`H${r}`).protection?.locked).toBe(false);
    }
    const about = wb.getWorksheet("About")!;
    expect(about.getCell("B1").protection?.locked).not.toBe(false);
    expect(about.getCell("B3").protection?.locked).toBe(false);
    expect(about.getCell("B4").protection?.locked).toBe(false);
  });

  it("fills in the About sheet with the agency and period as key/value pairs", () => {
    const about = wb.getWorksheet("About")!;
    const pairs = Object.fromEntries([1, 2, 3, 4].map((r) => [about.getCell(`A${r}`).value, about.getCell(`B${r}`).value ?? ""]));
    expect(pairs).toEqual({ agency: "riverside", period: "2026-27 Q2", contact: "performance@riverside.example.org", submitted: "" });
  });

  it("explains each indicator, the symbols and how to send it on the Guidance sheet", () => {
    const text: string[] = [];
    wb.getWorksheet("Guidance")!.eachRow((row) => row.eachCell((c) => text.push(String(c.value))));
    const all = text.join("\n");
    for (const ref of ["PM17", "PM18", "PM19"]) expect(all).toContain(`${ref}: ${framework.byRef.get(ref)!.title}`);
    for (const s of ["[c]", "[x]", "[z]", "[u]"]) expect(text).toContain(s);
    expect(all).toMatch(/How to send it/);
    expect(all).toContain("riverside.xlsx");
    expect(all).toContain("30 October 2026");
  });

  it("neutralises text that would run as a formula", () => {
    const about = wb.getWorksheet("About")!;
    expect(String(about.getCell("C1").value).startsWith("'=cmd")).toBe(true);
    const cells: string[] = [];
    for (const s of wb.worksheets) s.eachRow((row) => row.eachCell((c) => typeof c.value === "string" && cells.push(c.value)));
    expect(cells.filter((t) => /^[=+\-@\t\r]/.test(t))).toEqual([]);
  });

  it("writes the same bytes every time, dated from the input", async () => {
    const again = await templateXlsx(input);
    expect(again.equals(bytes)).toBe(true);
    expect(wb.created.toISOString()).toBe(createdAt.toISOString());
    expect(wb.modified.toISOString()).toBe(createdAt.toISOString());
    const dates = await zipDates(bytes);
    expect(dates.length).toBeGreaterThan(5);
    for (const d of dates) expect(d.toISOString()).toBe(createdAt.toISOString());
  });
});

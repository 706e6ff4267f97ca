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

  it("has the contract's columns, the value beside the keys, and helper columns whose headers start with '('", () => {
    const header = (wb.getWorksheet("Return")!.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(["indicator", "measure", "category", "value", "(check)", "note", "(last quarter, 2026-27 Q1)", "(title)", "(definition)"]);
    const contract = header.filter((h) => !String(h).startsWith("("));
    expect(contract).toEqual(["indicator", "measure", "category", "value", "note"]);
    expect(VALUE_COLUMN).toBe("D");
    expect(RETURN_COLUMNS).toHaveLength(9);
  });

  it("freezes the header row and the three key columns, so the value cell is on screen beside them", () => {
    const view = wb.getWorksheet("Return")!.views[0] as { state?: string; xSplit?: number; ySplit?: number };
    expect(view).toMatchObject({ state: "frozen", xSplit: 3, ySplit: 1 });
  });

  it("has one row per figure, keys filled in and values blank, last quarter's figure beside them", () => {
    const sheet = wb.getWorksheet("Return")!;
    expect(sheet.actualRowCount).toBe(input.rows.length + 1);
    input.rows.forEach((r, i) => {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(1).value).toBe(r.indicator);
      expect(row.getCell(2).value).toBe(r.measure);
      expect(row.getCell(3).value ?? null).toBe(r.category);
      expect(row.getCell(4).value ?? null).toBeNull();
      expect(row.getCell(8).value).toBe(r.title);
    });
    expect(sheet.getRow(2).getCell(7).value).toBe(57);
  });

  it("gives every value cell a custom validation rule whose error alert turns away what darep cannot read, with an input message", () => {
    const sheet = wb.getWorksheet("Return")!;
    input.rows.forEach((r, i) => {
      const dv = sheet.getCell(`D${i + 2}`).dataValidation;
      expect(dv.type).toBe("custom");
      expect(dv.showErrorMessage).toBe(true);
      expect(dv.errorStyle).toBe("stop");
      expect(dv.showInputMessage).toBe(true);
      expect(dv.prompt).toMatch(r.unit === "percent" ? /percentage from 0 to 100/ : /whole number, 0 or more/);
      expect(dv.prompt).toContain("[x] not available");
      expect(dv.error).toMatch(r.unit === "percent" ? /percentage from 0 to 100/ : /whole number, 0 or more/);
    });
  });

  it("adds the rules by range, one per run of rows with the same rule, so no two overlap", async () => {
    const sheetXml = await new Promise<string>((resolve, reject) =>
      yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
        if (err || !zip) return reject(err);
        zip.on("entry", (e: yauzl.Entry) => {
          if (e.fileName !== "xl/worksheets/sheet1.xml") return zip.readEntry();
          zip.openReadStream(e, (e2, s) => {
            if (e2 || !s) return reject(e2);
            const chunks: Buffer[] = [];
            s.on("data", (c: Buffer) => chunks.push(c)).on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
          });
        });
        zip.readEntry();
      }),
    );
    const ranges = [...(/<dataValidations[\s\S]*?<\/dataValidations>/.exec(sheetXml)?.[0] ?? "").matchAll(/sqref="([^"]*)"/g)].map((m) => m[1]);
    const units = input.rows.map((r) => r.unit);
    const runs = units.filter((u, i) => i === 0 || u !== units[i - 1]).length;
    expect(ranges).toHaveLength(runs);
    const covered = ranges.flatMap((r) => {
      const [a, b = a] = r!.split(":").map((x) => Number(x.slice(1)));
      return Array.from({ length: b! - a! + 1 }, (_, k) => a! + k);
    });
    expect(covered.sort((a, b) => a - b)).toEqual(input.rows.map((_, i) => i + 2)); // every value cell exactly once
  });

  it("marks in red, cell by cell, a value that is neither a number in range nor a symbol, and says so in words", () => {
    const sheet = wb.getWorksheet("Return")! as unknown as ExcelJS.Worksheet & { conditionalFormattings: { ref: string; rules: { type: string; formulae: string[] }[] }[] };
    const cf = sheet.conditionalFormattings;
    expect(cf.map((c) => c.ref)).toEqual(input.rows.map((_, i) => `D${i + 2}`));
    cf.forEach((c, i) => {
      expect(c.rules).toHaveLength(1);
      expect(c.rules[0]!.type).toBe("expression");
      expect(c.rules[0]!.formulae[0]).toMatch(new RegExp(`^AND\\(D${i + 2}<>"",NOT\\(IF\\(ISNUMBER\\(D${i + 2}\\),`));
      const check = sheet.getCell(`E${i + 2}`).value as { formula: string };
      expect(check.formula).toContain('"not a figure darep can read"');
    });
    const pct = input.rows.findIndex((r) => r.unit === "percent");
    expect(cf[pct]!.rules[0]!.formulae[0]).toContain(`D${pct + 2}<=100`);
  });

  it("checks next to each breakdown's total that its categories add up to it", () => {
    const sheet = wb.getWorksheet("Return")!;
    const total = input.rows.findIndex((r) => r.parts);
    expect(total).toBeGreaterThanOrEqual(0);
    const parts = input.rows[total]!.parts!;
    const formula = (sheet.getCell(`E${total + 2}`).value as { formula: string }).formula;
    expect(formula).toContain(`SUM(D${total + 3}:D${total + 2 + parts})=D${total + 2}`);
    expect(formula).toContain('"categories add up to "');
  });

  it("protects the sheets, leaving only the value and note cells (and About's contact and submitted) open", () => {
    const sheet = wb.getWorksheet("Return")!;
    for (const s of wb.worksheets) expect((s as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    for (let r = 2; r <= input.rows.length + 1; r++) {
      for (const col of ["A", "B", "C", "E", "G", "H", "I"]) expect(sheet.getCell(`${col}${r}`).protection?.locked).not.toBe(false);
      expect(sheet.getCell(`D${r}`).protection?.locked).toBe(false);
      expect(sheet.getCell(`F${r}`).protection?.locked).toBe(false);
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

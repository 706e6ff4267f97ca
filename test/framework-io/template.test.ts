// darep framework template: the blank spreadsheet, with a dropdown on each column of fixed words and
// a Guidance line for every column; and darep framework export through the CLI.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { COLUMNS } from "../../src/framework-io/index.js";
import { darep } from "../helpers/cli.js";

describe("darep framework template and export", () => {
  it("writes the blank spreadsheet with dropdowns and guidance", async () => {
    const dir = mkdtempSync(join(tmpdir(), "darep-fwt-"));
    const r = await darep(["framework", "template"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Wrote framework-template\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "framework-template.xlsx"));
    const sheet = wb.getWorksheet("Indicators")!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(COLUMNS.map((c) => c.header));
    const unit = COLUMNS.findIndex((c) => c.header === "unit") + 1;
    expect(sheet.getRow(2).getCell(unit).dataValidation).toMatchObject({ type: "list", formulae: ['"count,percent,rate,days,amount"'] });
    const guidance = wb.getWorksheet("Guidance")!;
    const names = guidance.getColumn(1).values as unknown[];
    for (const c of COLUMNS) expect(names).toContain(c.header);
    const again = await darep(["framework", "template"], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
  });

  it("exports a bundled framework and says how to read it back", async () => {
    const dir = mkdtempSync(join(tmpdir(), "darep-fwe-"));
    const r = await darep(["framework", "export", "--framework", "rotherham"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^Wrote rotherham-framework\.xlsx: 9 indicators, \d+ measures/);
    const back = await darep(["framework", "import", "rotherham-framework.xlsx", "--name", "ours"], { cwd: dir });
    expect(back.stdout).toMatch(/Wrote the framework 'ours' into schemas\/ours\/: 9 indicators/);
    expect(back.stdout).toMatch(/To use it, set "framework": "ours"/);
    expect(back.code).toBe(0);
  });
});

// `darep template`: every agency's return, written where documented; filled with plausible values it
// validates clean (exit 0); with a planted error it exits 1 naming the cell.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { ValidationResult } from "../../src/api/validate.js";
import { loadWorkspace } from "../../src/workspace/load.js";
import type { Framework } from "../../src/framework/types.js";
import { darep, darepBin, DEMO } from "../helpers/cli.js";
import { makeWorkspace } from "../helpers/workspace.js";
import { fillCsv, fillXlsx, textOf } from "./fill.js";

const demoConfig = JSON.parse(readFileSync(join(DEMO, "darep.config.json"), "utf8"));
const ids: string[] = demoConfig.agencies.map((a: { id: string }) => a.id);
let framework: Framework;

beforeAll(async () => {
  framework = (await loadWorkspace({ cwd: DEMO })).framework;
});

describe("darep template", () => {
  it("writes every agency's template into <workspace>/templates/<year>-<quarter>/ with --all", async () => {
    const root = makeWorkspace({ config: demoConfig });
    const r = await darep(["template", "Q2", "--all"], { cwd: root });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const dir = join(root, "templates", "2026-27-Q2");
    expect(readdirSync(dir).sort()).toEqual(ids.map((id) => `${id}.xlsx`).sort());
    expect(r.stdout).toContain("templates/2026-27-Q2/riverside.xlsx: Riverside (refuge and outreach), 2026-27 Q2, 13 rows\n");
    expect(r.stdout).toContain("templates/2026-27-Q2/public-health.xlsx: Public Health, City of Doncaster Council, 2026-27 Q2, 1 row\n");
  });

  it("gives templates that, filled with plausible values, validate clean: exit 0, no errors, no warnings", async () => {
    const root = makeWorkspace({ config: demoConfig });
    expect((await darep(["template", "2026-27 Q2", "--all", "--out", "out"], { cwd: root })).code).toBe(0);
    for (const id of ids) {
      const filled = await fillXlsx(readFileSync(join(root, "out", `${id}.xlsx`)), framework);
      const target = join(root, "returns", "2026-27", "Q2");
      mkdirSync(target, { recursive: true });
      writeFileSync(join(target, `${id}.xlsx`), filled);
    }
    const r = await darep(["validate", "2026-27 Q2", "--format", "json"], { cwd: root });
    const result = JSON.parse(r.stdout) as ValidationResult;
    const findings = result.files.flatMap((f) => f.issues).map((i) => `${i.file} ${i.cell ?? ""} ${i.code}: ${i.message}`);
    expect(findings).toEqual([]);
    expect(result.summary).toMatchObject({ files: ids.length, valid: ids.length, invalid: 0, errors: 0, warnings: 0 });
    expect(r.code).toBe(0);
  });

  it("with a planted error, validation exits 1 and names the cell", async () => {
    const root = makeWorkspace({ config: demoConfig });
    expect((await darep(["template", "Q2", "--agency", "riverside", "--out", "out"], { cwd: root })).code).toBe(0);
    const template = readFileSync(join(root, "out", "riverside.xlsx"));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const row = [...Array(20).keys()].map((i) => i + 2).find((n) => textOf(wb.getWorksheet("Return")!.getCell(`B${n}`).value) === "waiting-list")!;
    const filled = await fillXlsx(template, framework, { [`D${row}`]: "about 12" });
    const file = "returns/2026-27/Q2/riverside.xlsx";
    const ws = makeWorkspace({ config: demoConfig, files: { [file]: filled } });
    const r = await darep(["validate", file], { cwd: ws });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`cell D${row}`);
    expect(r.stdout).toMatch(/invalid-value/);
  });

  it("writes a CSV template that, filled in, validates clean", async () => {
    const root = makeWorkspace({ config: demoConfig });
    const r = await darep(["template", "Q2", "--agency", "south-yorkshire-police", "--format", "csv", "--out", "out"], { cwd: root });
    expect(r.code).toBe(0);
    const csv = readFileSync(join(root, "out", "south-yorkshire-police.csv"), "utf8");
    expect(csv.startsWith("\ufeffindicator,measure,category,value,note\r\n")).toBe(true);
    const file = "returns/2026-27/Q2/south-yorkshire-police.csv";
    const ws = makeWorkspace({ config: demoConfig, files: { [file]: fillCsv(csv, framework) } });
    const v = await darep(["validate", file, "--format", "json"], { cwd: ws });
    expect((JSON.parse(v.stdout) as ValidationResult).files[0]!.issues).toEqual([]);
    expect(v.code).toBe(0);
  });

  it("shows last quarter's figures, read-only, near the value column", async () => {
    const out = mkdtempSync(join(tmpdir(), "darep-tpl-"));
    const r = await darep(["template", "Q2", "--agency", "riverside", "--workspace", DEMO, "--out", out], { cwd: out });
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, "riverside.xlsx"));
    const sheet = wb.getWorksheet("Return")!;
    expect(sheet.getCell("G1").value).toBe("(last quarter, 2026-27 Q1)");
    expect(sheet.getCell("B2").value).toBe("people-supported");
    // The demo's riverside supported 61 people in 2026-27 Q1 (fixtures/demo/README.md).
    expect(sheet.getCell("G2").value).toBe(61);
    expect(sheet.getCell("G2").protection?.locked).not.toBe(false);
  });

  it("writes the same bytes twice, dated from SOURCE_DATE_EPOCH", async () => {
    const root = makeWorkspace({ config: demoConfig });
    const env = { SOURCE_DATE_EPOCH: "1790000000" };
    await darep(["template", "Q2", "--agency", "dcst", "--out", "a"], { cwd: root, env });
    await darep(["template", "Q2", "--agency", "dcst", "--out", "b"], { cwd: root, env });
    const a = readFileSync(join(root, "a", "dcst.xlsx"));
    expect(a.equals(readFileSync(join(root, "b", "dcst.xlsx")))).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(a as unknown as Parameters<typeof wb.xlsx.load>[0]);
    expect(wb.created.toISOString()).toBe(new Date(1790000000 * 1000).toISOString());
  });

  it("exits 2 with one sentence for a missing or unknown agency, or an output folder inside returns/", async () => {
    const root = makeWorkspace({ config: demoConfig });
    const none = await darep(["template", "Q2"], { cwd: root });
    expect(none.code).toBe(2);
    expect(none.stderr).toBe("darep: Say which agency the template is for with --agency <id>, or --all for every agency.\n");
    const unknown = await darep(["template", "Q2", "--agency", "nobody"], { cwd: root });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^darep: 'nobody' is not an agency in darep\.config\.json \(agencies: doncaster-council, riverside/);
    const inside = await darep(["template", "Q2", "--agency", "dcst", "--out", "returns/2026-27/Q2"], { cwd: root });
    expect(inside.code).toBe(2);
    expect(inside.stderr).toMatch(/^darep: Templates cannot be written inside the returns folder/);
    expect(existsSync(join(root, "returns"))).toBe(false);
  });

  it("runs as the real binary on the demo workspace, as on a fresh clone", () => {
    const out = mkdtempSync(join(tmpdir(), "darep-tpl-bin-"));
    const r = darepBin(["template", "Q2", "--agency", "st-leger-homes", "--workspace", DEMO, "--out", out], { cwd: out });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(readFileSync(join(out, "st-leger-homes.xlsx")).subarray(0, 2).toString()).toBe("PK");
  });
});

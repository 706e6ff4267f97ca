// The XLSX template as LibreOffice and Gnumeric open and save it (both installed as Debian packages:
// libreoffice-calc, gnumeric; these tests fail, never skip, without them). Opened and saved again,
// its checks survive: a custom validation rule with its error alert on every value cell, in ranges
// that never overlap, and the "(check)" words; filled in and saved by either program it validates
// clean, and with 0.74 typed for a percentage it does not.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { loadWorkspace } from "../../src/workspace/load.js";
import { checkBad } from "../helpers/bad-fixture.js";
import { darepBin, DEMO, ROOT } from "../helpers/cli.js";
import { fillXlsx } from "./fill.js";

const dir = mkdtempSync(join(tmpdir(), "darep-programs-"));

/** Open `file` in LibreOffice headless and save it again as .xlsx; the new file's path. */
function throughLibreOffice(file: string): string {
  const out = join(dir, `lo-${Math.random().toString(36).slice(2)}`);
  // A profile of its own, so parallel test files never share (and lock) one.
  const profile = `file://${mkdtempSync(join(tmpdir(), "darep-lo-profile-"))}`;
  const r = spawnSync("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, file], { encoding: "utf8", timeout: 120_000 });
  expect(r.error, "LibreOffice (soffice) must be installed: apt-get install libreoffice-calc").toBeUndefined();
  expect(r.status, r.stderr).toBe(0);
  return join(out, file.split("/").pop()!);
}

/** Open `file` in Gnumeric (ssconvert) and save it again as .xlsx. */
function throughGnumeric(file: string): string {
  const out = join(dir, `gnumeric-${Math.random().toString(36).slice(2)}.xlsx`);
  const r = spawnSync("ssconvert", ["--export-type=Gnumeric_Excel:xlsx2", file, out], { encoding: "utf8", timeout: 120_000 });
  expect(r.error, "Gnumeric (ssconvert) must be installed: apt-get install gnumeric").toBeUndefined();
  expect(r.status, r.stderr).toBe(0);
  return out;
}

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}

/** The data-validation ranges of a sheet part, as written (exceljs expands them when it reads). */
function sqrefs(path: string): string[] {
  const r = spawnSync("unzip", ["-p", path, "xl/worksheets/sheet1.xml"], { encoding: "latin1" });
  const validations = /<dataValidations[\s\S]*?<\/dataValidations>/.exec(r.stdout)?.[0] ?? "";
  return [...validations.matchAll(/sqref="([^"]*)"/g)].map((m) => m[1]!);
}

let council = "";
let probation = "";
let framework: Awaited<ReturnType<typeof loadWorkspace>>["framework"];

beforeAll(async () => {
  const r = darepBin(["template", "2026-27 Q2", "--workspace", DEMO, "--agency", "doncaster-council", "--agency", "probation-service", "--out", dir], { cwd: ROOT });
  expect(r.code, r.stderr).toBe(0);
  council = join(dir, "doncaster-council.xlsx");
  probation = join(dir, "probation-service.xlsx");
  framework = (await loadWorkspace({ workspace: DEMO, cwd: ROOT })).framework;
});

describe("the template opened and saved by LibreOffice", () => {
  it("keeps a custom rule with a stop alert on every value cell, in ranges that do not overlap", async () => {
    const saved = throughLibreOffice(council);
    const sheet = (await load(saved)).getWorksheet("Return")!;
    const rows = sheet.actualRowCount;
    expect(rows).toBe(63);
    for (let r = 2; r <= rows; r++) {
      const dv = sheet.getCell(`D${r}`).dataValidation;
      expect(dv, `D${r}`).toMatchObject({ type: "custom", showErrorMessage: true, errorStyle: "stop" });
    }
    const ranges = sqrefs(saved);
    expect(ranges).toEqual(["D2:D44", "D45:D46", "D47:D63"]);
    expect(sqrefs(council)).toEqual(ranges); // as darep wrote them
  });

  it("works out the (check) column: a breakdown that adds up says so, one that does not says by how much", async () => {
    const filled = join(dir, "council-filled.xlsx");
    writeFileSync(filled, await fillXlsx(readFileSync(council), framework, { D4: 9999 }));
    const sheet = (await load(throughLibreOffice(filled))).getWorksheet("Return")!;
    const words = (address: string) => {
      const v = sheet.getCell(address).value;
      return String(v !== null && typeof v === "object" && "formula" in v ? (v.result ?? "") : (v ?? ""));
    };
    expect(words("E3")).toMatch(/^categories add up to \d+, not \d+$/); // PM2's total, with its police row changed
    expect(words("E13")).toBe("categories add up"); // PM4
    expect(words("E2")).toBe("");
  });
});

describe("a template filled in and saved by LibreOffice or Gnumeric", () => {
  const filled = async (override: Record<string, ExcelJS.CellValue> = {}) => {
    const path = join(dir, `probation-${Math.random().toString(36).slice(2)}.xlsx`);
    writeFileSync(path, await fillXlsx(readFileSync(probation), framework, override));
    return path;
  };

  it.each([
    ["LibreOffice", throughLibreOffice],
    ["Gnumeric", throughGnumeric],
  ])("validates clean when saved by %s", async (_, program) => {
    const { code, check } = checkBad(program(await filled()), "probation-service.xlsx");
    expect(check.issues).toEqual([]);
    expect(check).toMatchObject({ status: "valid", figures: 2 });
    expect(code).toBe(0);
  });

  it.each([
    ["LibreOffice", throughLibreOffice],
    ["Gnumeric", throughGnumeric],
  ])("does not, with 0.74 typed for a percentage, when saved by %s", async (_, program) => {
    const { code, check } = checkBad(program(await filled({ D3: 0.74 })), "probation-service.xlsx");
    expect(check.issues.map((i) => [i.code, i.row, i.cell])).toEqual([["percent-as-fraction", 3, "D3"]]);
    expect(check.issues[0]!.advice).toMatch(/^Did you mean 74%\?/);
    expect(code).toBe(1);
  });
});

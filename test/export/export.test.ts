// `darep export`: the demo's figures as CSV and XLSX, read back by csv-parse, by exceljs and by
// LibreOffice itself (headless), against report.json. A machine without LibreOffice fails here on
// purpose: people open the export in a spreadsheet.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COLUMNS, EXPORT_VERSION } from "../../src/export/columns.js";
import { exportCsv } from "../../src/export/csv.js";
import { exportTable } from "../../src/export/rows.js";
import { exportXlsx } from "../../src/export/xlsx.js";
import type { Report } from "../../src/report-contract/schema.js";
import { darep, DEMO, ROOT } from "../helpers/cli.js";

let tmp = "";
let ws = "";
let report: Report;
const folder = () => join(ws, "reports", "2026-27-Q2");
const STEM = "doncaster-domestic-abuse-partnership-2026-27-q2-figures";

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "darep-export-"));
  ws = join(tmp, "demo");
  cpSync(DEMO, ws, { recursive: true });
  const r = await darep(["export", "Q2", "--year", "2026-27", "--workspace", ws], { cwd: tmp, env: { SOURCE_DATE_EPOCH: "1795000000" } });
  expect(r.stderr).toMatch(/report\.json for 2026-27 Q2 was missing .*built the report first/);
  expect(r.code).toBe(0);
  report = JSON.parse(readFileSync(join(folder(), "report.json"), "utf8")) as Report;
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** What report.json says for the columns compared. */
const expected = (x: Report["results"][number]) => ({
  key: x.key,
  agency: x.agency,
  indicator: x.indicator,
  measure: x.measure,
  category: x.category ?? "",
  value: x.value,
  symbol: x.symbol ?? "",
  status: x.status,
  direction: x.direction,
  previous: x.previous,
  spc_upper: x.spc?.upper ?? null,
});
const num = (s: string) => (s === "" ? null : Number(s));
const read = (row: Record<string, string>) => ({
  key: row.key,
  agency: row.agency,
  indicator: row.indicator,
  measure: row.measure,
  category: row.category,
  value: num(row.value!),
  symbol: row.symbol,
  status: row.status,
  direction: row.direction,
  previous: num(row.previous!),
  spc_upper: num(row.spc_upper!),
});
const close = (got: ReturnType<typeof read>, want: ReturnType<typeof expected>) => {
  for (const k of ["value", "previous", "spc_upper"] as const) {
    if (want[k] === null) expect(got[k], `${want.key} ${k}`).toBeNull();
    else expect(got[k]!, `${want.key} ${k}`).toBeCloseTo(want[k]!, 5);
  }
  const text = (o: Record<string, unknown>) => ({ ...o, value: 0, previous: 0, spc_upper: 0 });
  expect(text(got)).toEqual(text(want));
};

describe("darep export", () => {
  it("writes one CSV row per figure, with the documented columns, reading back as report.json", () => {
    const text = readFileSync(join(folder(), `${STEM}.csv`), "utf8");
    expect(text.startsWith("\ufeff")).toBe(true);
    const rows = parse(text, { columns: true, bom: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(COLUMNS.map((c) => c.name));
    expect(rows).toHaveLength(report.results.length);
    rows.forEach((row, i) => close(read(row), expected(report.results[i]!)));
    expect(rows.every((r) => r.year === "2026-27" && r.quarter === "Q2" && r.period_end === "2026-09-30")).toBe(true);
    // Figures a return did not give are blank, not 0.
    expect(rows.some((r) => r.status === "missing" && r.value === "")).toBe(true);
  });

  it("writes an XLSX for people: bold frozen header, filters, number formats, an About sheet", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(folder(), `${STEM}.xlsx`));
    const sheet = wb.getWorksheet("Figures")!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.rowCount).toBe(report.results.length + 1);
    const valueCol = COLUMNS.findIndex((c) => c.name === "value") + 1;
    const first = report.results.findIndex((r) => r.unit === "percent" && r.value !== null && Number.isInteger(r.value));
    expect(sheet.getRow(first + 2).getCell(valueCol).numFmt).toBe('#,##0"%"');
    const dateCell = sheet.getRow(2).getCell(COLUMNS.findIndex((c) => c.name === "period_start") + 1);
    expect(dateCell.value).toBeInstanceOf(Date);
    expect(dateCell.numFmt).toBe("yyyy-mm-dd");
    const about = wb.getWorksheet("About")!;
    const aboutText = about.getSheetValues().flat().join(" ");
    expect(aboutText).toContain(`darep export version ${EXPORT_VERSION}`);
    for (const c of COLUMNS) expect(aboutText).toContain(c.meaning);
    expect(aboutText).toContain(report.disclosure!.statement);
    // Withheld figures stay withheld: blank, with their symbol.
    const statusCol = COLUMNS.findIndex((c) => c.name === "status") + 1;
    const withheld = [...Array(sheet.rowCount - 1).keys()].map((i) => sheet.getRow(i + 2)).filter((row) => row.getCell(statusCol).value === "suppressed");
    expect(withheld.length).toBe(report.results.filter((x) => x.status === "suppressed").length);
    expect(withheld.length).toBeGreaterThan(0);
    for (const row of withheld) expect(row.getCell(valueCol).value).toBeNull();
  });

  it("opens in LibreOffice and reads back with the same values as report.json", () => {
    const out = join(tmp, "soffice");
    const r = spawnSync(
      "soffice",
      [
        `-env:UserInstallation=file://${join(tmp, "lo-profile")}`,
        "--headless",
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false",
        "--outdir",
        out,
        join(folder(), `${STEM}.xlsx`),
      ],
      { encoding: "utf8", timeout: 120_000 },
    );
    if (r.error) throw new Error(`LibreOffice (soffice) is needed to check the export and could not be run (${r.error.message}): install it (Debian: apt-get install libreoffice-calc).`);
    expect(r.status, r.stderr).toBe(0);
    const csv = readFileSync(join(out, readdirSync(out).find((n) => n.endsWith(".csv"))!), "utf8");
    const rows = parse(csv, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toHaveLength(report.results.length);
    rows.forEach((row, i) => close(read(row), expected(report.results[i]!)));
    expect(rows[0]!.exception).toMatch(/^(TRUE|FALSE)$/);
  });

  it("writes text that could run as a formula as plain text, in CSV and XLSX", async () => {
    const hostile = { ...report, results: [{ ...report.results[0]!, agencyName: '=HYPERLINK("http://evil","x")', categoryLabel: "+1", measureLabel: "@SUM(A1)" }] } as Report;
    const table = exportTable(hostile);
    const csv = exportCsv(table);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csv).toContain(",'+1,");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportXlsx({ table, partnership: "P", quarter: "2026-27 Q2", generatedAt: report.generatedAt })) as unknown as ArrayBuffer);
    const cells = wb.getWorksheet("Figures")!.getRow(2).values as unknown[];
    expect(cells.some((v) => typeof v === "object" && v !== null && ("formula" in v || "sharedFormula" in v))).toBe(false);
    expect(cells).toContain('\'=HYPERLINK("http://evil","x")');
    expect(cells).toContain("'@SUM(A1)");
  });

  it("gives the same bytes for the same report, and prints the marking in every page's header and footer", async () => {
    const table = exportTable(report);
    const twice = [join(tmp, "bytes-a"), join(tmp, "bytes-b")];
    for (const out of twice) expect((await darep(["export", "Q2", "--year", "2026-27", "--workspace", ws, "--format", "xlsx", "--out", out], { cwd: tmp })).code).toBe(0);
    const [a, b] = twice.map((d) => readFileSync(join(d, `${STEM}.xlsx`)));
    expect(Buffer.compare(a!, b!)).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportXlsx({ table, partnership: "P", quarter: "Q2", generatedAt: report.generatedAt, marking: "OFFICIAL-SENSITIVE" })) as unknown as ArrayBuffer);
    expect(wb.getWorksheet("Figures")!.headerFooter.oddHeader).toBe("&COFFICIAL-SENSITIVE");
    expect(wb.getWorksheet("Figures")!.headerFooter.oddFooter).toBe("&COFFICIAL-SENSITIVE");
  });

  it("has every column, its type and its meaning in README, with the version", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const start = readme.indexOf("### `darep export`");
    const doc = readme.slice(start, readme.indexOf("\n## ", start));
    expect(doc).toContain(`export version ${EXPORT_VERSION}`);
    for (const c of COLUMNS) expect(doc, c.name).toContain(`| \`${c.name}\` | ${c.type} | ${c.meaning} |`);
    expect(doc).toMatch(/Get Data > Text\/CSV/);
  });

  it("refuses Parquet and unknown formats with exit 2, saying why", async () => {
    const r = await darep(["export", "Q2", "--year", "2026-27", "--workspace", ws, "--format", "parquet"], { cwd: tmp });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/does not write Parquet/);
    expect((await darep(["export", "Q2", "--year", "2026-27", "--workspace", ws, "--format", "pdf"], { cwd: tmp })).code).toBe(2);
  });

  it("with --history adds one row per earlier quarter of each figure, its value and symbol only", async () => {
    const out = join(tmp, "history");
    const r = await darep(["export", "Q2", "--year", "2026-27", "--workspace", ws, "--format", "csv", "--history", "--out", out], { cwd: tmp });
    expect(r.code).toBe(0);
    const rows = parse(readFileSync(join(out, `${STEM}.csv`), "utf8"), { columns: true, bom: true }) as Record<string, string>[];
    const earlier = report.results.reduce((n, x) => n + x.history.filter((h) => !(h.year === "2026-27" && h.quarter === "Q2")).length, 0);
    expect(rows).toHaveLength(report.results.length + earlier);
    const pm10 = report.results.find((x) => x.key === "PM10/outcome-stars-completed/total/doncaster-council")!;
    const lastYear = pm10.history.find((h) => h.year === "2025-26" && h.quarter === "Q2")!;
    const row = rows.find((x) => x.key === pm10.key && x.year === "2025-26" && x.quarter === "Q2")!;
    expect(row).toMatchObject({ value: String(lastYear.value), period_start: "2025-07-01", period_end: "2025-09-30", status: "", direction: "", indicator: "PM10" });
    // One row per figure per quarter: keys never repeat within a quarter.
    const seen = new Set(rows.map((x) => `${x.year} ${x.quarter} ${x.key}`));
    expect(seen.size).toBe(rows.length);
  });

  it("uses the report as it is when it is up to date, and writes into --out", async () => {
    const r = await darep(["export", "Q2", "--year", "2026-27", "--workspace", ws, "--format", "csv", "--out", join(tmp, "elsewhere")], { cwd: tmp });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(readdirSync(join(tmp, "elsewhere"))).toEqual([`${STEM}.csv`]);
  });
});

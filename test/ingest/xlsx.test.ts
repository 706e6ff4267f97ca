// XLSX returns: which sheet, how each kind of cell becomes text, merges, the About sheet.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readReturn } from "../../src/ingest/index.js";
import { codes, fixture, place, rowsOf, tempFile } from "./helpers.js";

const HEADER = ["indicator", "measure", "category", "value", "note"];

async function workbookFile(build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return tempFile("return.xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
}

describe("choosing the sheet", () => {
  it("reads the first sheet other than About when none is named Return, with a warning, and the About pairs", async () => {
    const file = fixture("no-return-sheet.xlsx");
    const r = await readReturn(file);
    expect(r.issues.map(place)).toEqual([{ code: "missing-sheet", severity: "warning", file, sheet: "Figures", row: undefined, cell: undefined }]);
    expect(r.table?.sheet).toBe("Figures");
    expect(r.table?.format).toBe("xlsx");
    expect(r.table?.about).toEqual({ agency: "south-yorkshire-police", period: "2026-27 Q2", contact: "Jo Bloggs", submitted: "2026-10-14" });
    expect(rowsOf(r.table)?.[0]).toEqual([2, "PM1", "referrals", "", "412", ""]);
  });

  it("finds the Return sheet whatever its case, wherever it is", async () => {
    const path = await workbookFile((wb) => {
      wb.addWorksheet("Notes").addRow(["not this one"]);
      const ws = wb.addWorksheet("RETURN");
      ws.addRow(HEADER);
      ws.addRow(["PM1", "referrals", null, 5, null]);
    });
    const r = await readReturn(path);
    expect(r.issues).toEqual([]);
    expect(r.table?.sheet).toBe("RETURN");
    expect(rowsOf(r.table)).toEqual([[2, "PM1", "referrals", "", "5", ""]]);
  });

  it("reports an empty Return sheet as an empty file", async () => {
    const path = await workbookFile((wb) => void wb.addWorksheet("Return"));
    const r = await readReturn(path);
    expect(r.table).toBeNull();
    expect(r.issues.map(place)).toEqual([{ code: "empty-file", severity: "error", file: path, sheet: "Return", row: undefined, cell: undefined }]);
  });
});

describe("cell text", () => {
  it("writes percent-formatted numbers as percentages without float noise, and plain numbers plainly", async () => {
    const r = await readReturn(fixture("percent-formatted.xlsx"));
    expect(r.issues).toEqual([]);
    expect(r.table?.rows.map((x) => [x.cells[3], x.cells[4]])).toEqual([
      ["45%", "0% format"],
      ["15%", "0.0% format"],
      ["15%", "typed as text"],
      ["45", "plain number"],
      ["0.3", "float noise"],
      ["1234567", "#,##0 format"],
    ]);
  });

  it("reads formulas by their saved result, flags one without, and passes error values on as text", async () => {
    const file = fixture("formula-cells.xlsx");
    const r = await readReturn(file);
    expect(r.issues).toEqual([]);
    expect(r.table?.rows.map((x) => [x.row, x.cells[3], x.problems ?? null])).toEqual([
      [2, "412", null],
      [3, "", { 3: "formula-without-result" }],
      [4, "#DIV/0!", null],
      [5, "#REF!", null],
      [6, "45%", null],
    ]);
  });

  it("joins rich text, takes a hyperlink's text, writes dates as ISO and booleans as TRUE/FALSE", async () => {
    const r = await readReturn(fixture("rich-text-hyperlink.xlsx"));
    expect(r.issues).toEqual([]);
    expect(rowsOf(r.table)).toEqual([
      [2, "PM1", "referrals", "", "412", "Up because of the new hub"],
      [3, "PM20", "incidents", "crime", "1203", "2026-09-30"],
      [4, "PM20", "incidents", "non-crime", "88", "TRUE"],
    ]);
  });

  it("marks every cell a merge covers after its first, and leaves the first as it is", async () => {
    const r = await readReturn(fixture("merged-cells.xlsx"));
    expect(r.issues).toEqual([]);
    expect(r.table?.rows.map((x) => [x.row, x.cells[0], x.problems ?? null])).toEqual([
      [2, "PM20", null],
      [3, "", { 0: "merged-cells" }],
      [4, "PM1", null],
      [5, "PM2", { 4: "merged-cells" }],
    ]);
  });

  it("ignores the blank rows and columns of the used range", async () => {
    const r = await readReturn(fixture("trailing-used-range.xlsx"));
    expect(r.issues).toEqual([]);
    expect(r.table?.header?.cells).toEqual(HEADER);
    expect(rowsOf(r.table)).toEqual([
      [2, "PM1", "referrals", "", "412", ""],
      [3, "PM20", "incidents", "crime", "1203", ""],
      [4, "PM20", "incidents", "non-crime", "88", "Down since Q1"],
    ]);
  });
});

describe("XLSX header", () => {
  it("cleans invisible characters, and reports blank and duplicate column names by cell", async () => {
    const path = await workbookFile((wb) => {
      const ws = wb.addWorksheet("Return");
      ws.addRow(["indicator\u00a0", "value", "Value", null]);
      ws.addRow(["PM1", 5, 6, "stray"]);
    });
    const r = await readReturn(path);
    expect(r.issues.map((i) => [i.code, i.sheet, i.row, i.cell])).toEqual([
      ["invisible-characters", "Return", 1, "A1"],
      ["duplicate-header", "Return", 1, "C1"],
      ["blank-header", "Return", 1, "D1"],
    ]);
    expect(r.table?.header?.cells).toEqual(["indicator", "value", "Value", ""]);
    expect(r.table?.rows[0]?.cells).toEqual(["PM1", "5", "6", "stray"]);
  });

  it("uses the row where the header really is, after blank rows", async () => {
    const path = await workbookFile((wb) => {
      const ws = wb.addWorksheet("Return");
      ws.getCell("A3").value = "indicator";
      ws.getCell("B3").value = "value";
      ws.getCell("A5").value = "PM1";
      ws.getCell("B5").value = 7;
    });
    const r = await readReturn(path);
    expect(codes(r)).toEqual([]);
    expect(r.table?.header?.row).toBe(3);
    expect(rowsOf(r.table)).toEqual([[5, "PM1", "7"]]);
  });
});

// The safety limits: each one refuses what passes it, and a limit not reached changes nothing.
import { statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, readReturn } from "../../src/ingest/index.js";
import { resolveLimits } from "../../src/ingest/limits.js";
import { codes, fixture, place, rowsOf } from "./helpers.js";

describe("read limits", () => {
  it("has the documented defaults", () => {
    expect(DEFAULT_LIMITS).toEqual({
      maxFileBytes: 20 * 1024 * 1024,
      maxRows: 100_000,
      maxCells: 1_000_000,
      maxCellChars: 10_000,
      maxUnzippedBytes: 200 * 1024 * 1024,
      maxCompressionRatio: 200,
    });
    expect(resolveLimits({ maxRows: 5 })).toEqual({ ...DEFAULT_LIMITS, maxRows: 5 });
    expect(() => resolveLimits({ maxRows: 0 })).toThrow(/positive/);
  });

  it("blanks a cell over the character limit, says where, and reads the rest", async () => {
    const file = fixture("huge-cell.csv");
    const r = await readReturn(file);
    expect(r.issues.map(place)).toEqual([{ code: "limit-exceeded", severity: "error", file, sheet: undefined, row: 3, cell: "E3" }]);
    expect(r.issues[0]?.column).toBe("note");
    expect(rowsOf(r.table)).toEqual([
      [2, "PM1", "referrals", "", "412", ""],
      [3, "PM20", "incidents", "crime", "1203", ""],
      [4, "PM20", "incidents", "non-crime", "88", ""],
    ]);
  });

  it("applies the character limit to workbook cells too", async () => {
    const file = fixture("rich-text-hyperlink.xlsx");
    const r = await readReturn(file, { maxCellChars: 12 });
    expect(r.issues.map(place)).toEqual([{ code: "limit-exceeded", severity: "error", file, sheet: "Return", row: 2, cell: "E2" }]);
    expect(r.table?.rows[0]?.cells).toEqual(["PM1", "referrals", "", "412", ""]);
  });

  it("refuses a file over the size limit unread", async () => {
    const r = await readReturn(fixture("huge-cell.csv"), { maxFileBytes: 1000 });
    expect(r.table).toBeNull();
    expect(codes(r)).toEqual(["limit-exceeded"]);
  });

  it("refuses a CSV with more rows or cells than allowed, and accepts it at the limit", async () => {
    const file = fixture("utf8-bom.csv"); // a header and 2 data rows of 5 cells
    expect((await readReturn(file, { maxRows: 1 })).table).toBeNull();
    expect(codes(await readReturn(file, { maxRows: 1 }))).toEqual(["limit-exceeded"]);
    expect(codes(await readReturn(file, { maxCells: 14 }))).toEqual(["limit-exceeded"]);
    const atLimit = await readReturn(file, { maxRows: 2, maxCells: 15 });
    expect(atLimit.issues).toEqual([]);
    expect(atLimit.table?.rows).toHaveLength(2);
  });

  it("refuses a workbook with more rows or cells than allowed before exceljs parses it", async () => {
    const file = fixture("no-return-sheet.xlsx"); // 3 data rows on its data sheet
    expect(codes(await readReturn(file, { maxRows: 2 }))).toEqual(["limit-exceeded"]);
    expect(codes(await readReturn(file, { maxCells: 10 }))).toEqual(["limit-exceeded"]);
    expect((await readReturn(file, { maxRows: 3 })).table?.rows).toHaveLength(3);
  });

  it("judges a sheet by the rows it holds, not by the million its dimension claims", async () => {
    // formatted and sized rows, and a used range that runs on, are not rows of a return
    const r = await readReturn(fixture("million-rows.xlsx"));
    expect(r.issues).toEqual([]);
    expect(rowsOf(r.table)).toHaveLength(3);
  });

  it("refuses a zip bomb by its compression ratio, from a file under 100 KB", async () => {
    const file = fixture("zip-bomb.xlsx");
    expect(statSync(file).size).toBeLessThan(100 * 1024);
    const r = await readReturn(file);
    expect(r.table).toBeNull();
    expect(r.issues.map(place)).toEqual([{ code: "limit-exceeded", severity: "error", file, sheet: undefined, row: undefined, cell: undefined }]);
    expect(r.issues[0]!.message).toContain("zip bomb");
  });

  it("refuses a workbook that unpacks to more than allowed", async () => {
    const r = await readReturn(fixture("percent-formatted.xlsx"), { maxUnzippedBytes: 1000 });
    expect(r.table).toBeNull();
    expect(codes(r)).toEqual(["limit-exceeded"]);
  });
});

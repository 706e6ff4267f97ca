// CSV returns: encodings, header defects, cell counts, quotes, blank rows and Excel's row numbers.
import { describe, expect, it } from "vitest";
import { readReturn } from "../../src/ingest/index.js";
import { codes, fixture, place, rowsOf, tempFile } from "./helpers.js";

const HEADER = ["indicator", "measure", "category", "value", "note"];

describe("CSV encodings", () => {
  it("reads UTF-8 with a BOM, keeping the BOM out of the first header", async () => {
    const r = await readReturn(fixture("utf8-bom.csv"));
    expect(r.issues).toEqual([]);
    expect(r.table?.encoding).toBe("utf-8");
    expect(r.table?.header?.cells).toEqual(HEADER);
    expect(rowsOf(r.table)).toEqual([
      [2, "PM1", "referrals", "", "412", "Up on Q1 – £2k grant"],
      [3, "PM20", "incidents", "crime", "1203", ""],
    ]);
  });

  it("reads Windows-1252 with a warning pointing at the first such character", async () => {
    const file = fixture("windows-1252.csv");
    const r = await readReturn(file);
    expect(r.issues.map(place)).toEqual([{ code: "legacy-encoding", severity: "warning", file, sheet: undefined, row: 2, cell: "E2" }]);
    expect(r.table?.encoding).toBe("windows-1252");
    expect(r.table?.rows.map((x) => x.cells[4])).toEqual(["£2k grant – Q2", "Police’s new system"]);
  });

  it("reads Excel's tab-separated UTF-16LE 'Unicode text'", async () => {
    const r = await readReturn(fixture("utf16le.csv"));
    expect(r.issues.map((i) => [i.code, i.severity, i.message])).toEqual([
      ["utf-16-text", "warning", "The file is UTF-16 text (little-endian) separated by tabs, as Excel's 'Unicode Text' saves it; it was read as such."],
    ]);
    expect(r.table?.encoding).toBe("utf-16le");
    expect(r.table?.header?.cells).toEqual(HEADER);
    expect(rowsOf(r.table)).toEqual([
      [2, "PM1", "referrals", "", "412", "£2k grant"],
      [3, "PM20", "incidents", "crime", "1,203", ""],
    ]);
  });

  it("reads UTF-16BE with a BOM", async () => {
    const r = await readReturn(fixture("utf16be.csv"));
    expect(r.issues.map((i) => i.code)).toEqual(["utf-16-text"]);
    expect(r.table?.encoding).toBe("utf-16be");
    expect(rowsOf(r.table)).toEqual([[2, "PM1", "referrals", "", "412", "£2k grant"]]);
  });

  it("refuses a lone bad byte in otherwise UTF-8 text, naming its cell, and still reads the rest", async () => {
    const file = fixture("invalid-utf8-middle.csv");
    const r = await readReturn(file);
    expect(r.issues.map(place)).toEqual([{ code: "invalid-encoding", severity: "error", file, sheet: undefined, row: 4, cell: "E4" }]);
    expect(r.issues[0]).toMatchObject({ found: "byte 0x92", column: "note" });
    expect(r.table?.rows.map((x) => x.cells[3])).toEqual(["412", "1203", "88", "150"]);
  });

  it("refuses bytes that are neither UTF-8 nor Windows-1252", async () => {
    // 0x81 is undefined in Windows-1252, and no valid UTF-8 sequence is in the file
    const path = tempFile("bad.csv", Buffer.concat([Buffer.from("indicator,value\r\nPM1,"), Buffer.from([0x81]), Buffer.from("12\r\n")]));
    const r = await readReturn(path);
    expect(r.issues.map(place)).toEqual([{ code: "invalid-encoding", severity: "error", file: path, sheet: undefined, row: 2, cell: "B2" }]);
  });

  it("never falls back to Windows-1252 when a UTF-8 BOM says otherwise", async () => {
    const path = tempFile("bom.csv", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("indicator,value\nPM1,1"), Buffer.from([0xa3]), Buffer.from("\n")]));
    const r = await readReturn(path);
    expect(r.issues.map((i) => [i.code, i.row, i.cell])).toEqual([["invalid-encoding", 2, "B2"]]);
  });
});

describe("CSV header", () => {
  it("strips non-breaking and zero-width spaces from header names, warning once, and leaves data cells alone", async () => {
    const file = fixture("nbsp-zero-width-header.csv");
    const r = await readReturn(file);
    expect(r.issues.map(place)).toEqual([{ code: "invisible-characters", severity: "warning", file, sheet: undefined, row: 1, cell: "B1" }]);
    expect(r.table?.header?.cells).toEqual(HEADER);
    expect(r.table?.rows[1]?.cells[3]).toBe("\u00a01203");
  });

  it("reports a blank header over a column with data, and ignores blank ones without", async () => {
    const file = fixture("blank-header.csv");
    const r = await readReturn(file);
    expect(r.issues.map(place)).toEqual([{ code: "blank-header", severity: "error", file, sheet: undefined, row: 1, cell: "C1" }]);
    expect(r.table?.header?.cells).toEqual(["indicator", "measure", "", "value", "note"]);
    expect(r.table?.rows[0]?.cells).toEqual(["PM20", "incidents", "crime", "1203", ""]);
  });

  it("reports a column named twice (case and spaces aside) and keeps both columns", async () => {
    const file = fixture("duplicate-header.csv");
    const r = await readReturn(file);
    expect(r.issues.map(place)).toEqual([{ code: "duplicate-header", severity: "error", file, sheet: undefined, row: 1, cell: "E1" }]);
    expect(r.issues[0]!.found).toBe("Value");
    expect(r.table?.rows[0]?.cells).toEqual(["PM1", "referrals", "", "412", "400"]);
  });

  it("refuses a semicolon-separated file", async () => {
    const file = fixture("semicolon.csv");
    const r = await readReturn(file);
    expect(r.table).toBeNull();
    expect(r.issues.map(place)).toEqual([{ code: "wrong-delimiter", severity: "error", file, sheet: undefined, row: 1, cell: "A1" }]);
  });

  it("does not mistake a semicolon inside a one-column header for the delimiter when no column name is known", async () => {
    const r = await readReturn(tempFile("x.csv", "foo;bar\n1;2\n"));
    expect(codes(r)).toEqual([]);
    expect(r.table?.header?.cells).toEqual(["foo;bar"]);
  });
});

describe("CSV rows and cells", () => {
  it("reports the first extra cell that holds something, keeps the row, and ignores empty trailing cells", async () => {
    const file = fixture("too-many-cells.csv");
    const r = await readReturn(file);
    expect(r.issues.map(place)).toEqual([{ code: "extra-cell", severity: "error", file, sheet: undefined, row: 3, cell: "F3" }]);
    expect(rowsOf(r.table)).toEqual([
      [2, "PM1", "referrals", "", "412", ""],
      [3, "PM20", "incidents", "crime", "120", "Up on Q1", "see email"],
      [4, "PM20", "incidents", "non-crime", "88", ""],
      [5, "PM2", "referrals", "police", "150", ""],
    ]);
  });

  it("names a value split by an unquoted thousands separator instead of 'too many cells', and keeps every cell", async () => {
    const file = fixture("unquoted-thousands.csv");
    const r = await readReturn(file);
    expect(r.issues).toEqual([]);
    expect(r.table?.rows[0]).toEqual({ row: 2, cells: ["PM32", "completions", "", "1", "032", ""], problems: { 3: "unquoted-thousands" } });
  });

  it("pads a short row with blanks and warns", async () => {
    const file = fixture("too-few-cells.csv");
    const r = await readReturn(file);
    expect(r.issues.map(place)).toEqual([{ code: "missing-cell", severity: "warning", file, sheet: undefined, row: 3, cell: "C3" }]);
    expect(r.table?.rows[1]).toEqual({ row: 3, cells: ["PM20", "incidents", "", "", ""] });
    expect(r.table?.rows[2]?.cells[3]).toBe("88");
  });

  it("reports an unclosed quote at the row where it opened, with no table", async () => {
    const file = fixture("unclosed-quote.csv");
    const r = await readReturn(file);
    expect(r.table).toBeNull();
    expect(r.issues.map(place)).toEqual([{ code: "malformed-csv", severity: "error", file, sheet: undefined, row: 4, cell: "A4" }]);
  });

  it("reads a quote inside an unquoted cell as text, as Excel does", async () => {
    const r = await readReturn(tempFile("q.csv", 'indicator,note\nPM1,12" screen\n'));
    expect(r.issues).toEqual([]);
    expect(r.table?.rows[0]?.cells).toEqual(["PM1", '12" screen']);
  });

  it("drops blank rows silently but counts them, so row numbers match Excel", async () => {
    const r = await readReturn(fixture("blank-rows.csv"));
    expect(r.issues).toEqual([]);
    expect(r.table?.header?.row).toBe(2);
    expect(rowsOf(r.table)).toEqual([
      [3, "PM1", "referrals", "", "412", ""],
      [6, "PM20", "incidents", "crime", "1203", ""],
    ]);
  });

  it("counts a quoted line break as part of one row", async () => {
    const r = await readReturn(fixture("quoted-newline.csv"));
    expect(r.issues).toEqual([]);
    expect(rowsOf(r.table)?.map((x) => x[0])).toEqual([2, 3, 4, 5]);
    expect(r.table?.rows[0]?.cells[4]).toBe("Up because:\r\nnew hub staff\r\nstarted in July");
    expect(r.table?.rows[2]?.cells[4]).toBe('He said "no"');
  });

  it("accepts \\r\\n, \\n and \\r line endings mixed in one file", async () => {
    const r = await readReturn(fixture("mixed-line-endings.csv"));
    expect(r.issues).toEqual([]);
    expect(rowsOf(r.table)).toEqual([
      [2, "PM1", "referrals", "", "412", ""],
      [3, "PM20", "incidents", "crime", "1203", ""],
      [4, "PM20", "incidents", "non-crime", "88", ""],
      [5, "PM2", "referrals", "police", "150", ""],
    ]);
  });

  it("does not trim data cells (the validator does)", async () => {
    const r = await readReturn(tempFile("t.csv", " indicator , value \n PM1 , 12 \n"));
    expect(r.table?.header?.cells).toEqual(["indicator", "value"]);
    expect(r.table?.rows[0]?.cells).toEqual([" PM1 ", " 12 "]);
  });
});

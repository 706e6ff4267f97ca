// Property-based tests of a whole file through ingest and validate: arbitrary bytes named .csv or
// .xlsx, damaged workbooks, workbooks of arbitrary cells, and CSV text written from arbitrary cells
// (which must read back exactly). Reading never throws or hangs, never changes the file, touches no
// prototype, and every issue names the file (and its row, when it is about a row).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readReturn } from "../../src/ingest/index.js";
import type { ReadResult } from "../../src/types.js";
import { checkAbout, validateTable } from "../../src/validate/index.js";
import { demo, PERIOD } from "../validate/builders.js";
import { budget, cellText, checkFigures, checkIssues, expectPrototypesUntouched, NASTY, params } from "./fuzz.js";

const dir = mkdtempSync(join(tmpdir(), "darep-fuzz-"));
const BAD = join(import.meta.dirname, "..", "..", "fixtures", "bad");
const riverside = demo.config.agencies.find((a) => a.id === "riverside")!;

/** Write `bytes` as `name`, read it, validate what was read, and check everything that came back. */
async function readAndCheck(name: string, bytes: Uint8Array): Promise<ReadResult> {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const read = await readReturn(path);
  // The reader's text about a sheet name or a cell may quote what the file holds; the validator's may not.
  checkIssues(read.issues, path, { controls: false });
  if (read.table) {
    const rows = new Set([read.table.header?.row ?? 0, ...read.table.rows.map((r) => r.row)]);
    const v = validateTable({ table: read.table, framework: demo.framework, agency: riverside, period: PERIOD, suddenChangeFactor: 3 });
    checkIssues(v.issues, path, { rows });
    checkFigures(v.figures, v.issues, read.table);
    checkIssues(checkAbout(read.table, riverside, PERIOD), path);
  }
  expect(Buffer.compare(readFileSync(path), Buffer.from(bytes)), "the file was changed").toBe(0);
  expectPrototypesUntouched();
  return read;
}

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));

/** Bytes that are mostly text, so that they get past the first checks into the CSV reader. */
const textyBytes = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...NASTY, "indicator,measure,category,value,note\r\n", "PM17,people-supported,,57,\n", '"', ",", "\r\n", "\n", "\r", ";").map(utf8) },
      { weight: 2, arbitrary: cellText.map(utf8) },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 6 }) },
      { weight: 1, arbitrary: fc.constantFrom(new Uint8Array([0xef, 0xbb, 0xbf]), new Uint8Array([0xff, 0xfe]), new Uint8Array([0xfe, 0xff]), new Uint8Array([0x92]), new Uint8Array([0xa3])) },
    ),
    { maxLength: 60 },
  )
  .map((parts) => new Uint8Array(Buffer.concat(parts)));

describe("any bytes", () => {
  it(
    "named .csv: a table or issues, never a throw",
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 4096 }), textyBytes), (bytes) => readAndCheck("riverside.csv", bytes).then(() => undefined)),
        params(),
      );
    },
    budget(1, 30),
  );

  it(
    "named .xlsx: a table or issues, never a throw",
    async () => {
      const zipStart = fc.uint8Array({ maxLength: 2048 }).map((b) => new Uint8Array(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), b])));
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 4096 }), zipStart, textyBytes), (bytes) => readAndCheck("riverside.xlsx", bytes).then(() => undefined)),
        params(),
      );
    },
    budget(1, 30),
  );
});

describe("damaged workbooks", () => {
  const bases = ["about-mismatch.xlsx", "merged-cells.xlsx", "formula-cells.xlsx", "percent-formatted.xlsx"].map((n) => readFileSync(join(BAD, n)));
  const damage = fc.record({
    base: fc.integer({ min: 0, max: bases.length - 1 }),
    edits: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 12 }),
    cut: fc.option(fc.nat(), { freq: 4 }),
  });

  it(
    "with bytes overwritten or cut off: a table or issues, never a throw or a hang",
    async () => {
      await fc.assert(
        fc.asyncProperty(damage, async ({ base, edits, cut }) => {
          const bytes = Buffer.from(bases[base]!);
          for (const [at, byte] of edits) bytes[at % bytes.length] = byte;
          await readAndCheck("riverside.xlsx", cut === null ? bytes : bytes.subarray(0, cut % bytes.length));
        }),
        params(0.25),
      );
    },
    budget(0.25, 200),
  );
});

describe("workbooks of arbitrary cells", () => {
  const cellValue: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
    { weight: 4, arbitrary: cellText },
    { weight: 2, arbitrary: fc.oneof(fc.integer({ min: -100, max: 100_000 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0.15, 0.45, -0, 1e21, 1e-7, 0.1 + 0.2)) },
    { weight: 1, arbitrary: fc.constantFrom(null, true, false, new Date(Date.UTC(2026, 8, 30)), { error: "#REF!" } as ExcelJS.CellErrorValue, { error: "#DIV/0!" } as ExcelJS.CellErrorValue) },
    {
      weight: 1,
      arbitrary: fc
        .record({ formula: fc.constantFrom("1+1", "A1*2", "SUM(D2:D9)"), result: fc.option(fc.oneof(fc.integer(), cellText), { freq: 2 }) })
        .map(({ formula, result }) => (result === null ? { formula } : { formula, result }) as ExcelJS.CellValue),
    },
    { weight: 1, arbitrary: fc.array(cellText, { minLength: 1, maxLength: 3 }).map((parts) => ({ richText: parts.map((text) => ({ text })) })) },
    { weight: 1, arbitrary: fc.tuple(cellText, fc.constantFrom("https://example.com", "javascript:alert(1)", "file:///etc/passwd")).map(([text, hyperlink]) => ({ text, hyperlink })) },
  );
  const workbook = fc.record({
    sheetName: fc.constantFrom("Return", "RETURN", "Figures", "Sheet1"),
    header: fc.uniqueArray(fc.oneof(fc.constantFrom("indicator", "measure", "category", "value", "note"), cellText), { minLength: 1, maxLength: 6 }),
    rows: fc.array(fc.array(cellValue, { maxLength: 7 }), { maxLength: 20 }),
    formats: fc.array(fc.tuple(fc.integer({ min: 1, max: 21 }), fc.integer({ min: 1, max: 7 }), fc.constantFrom("0%", "0.0%", "General", '0"%"', "#,##0", "@")), { maxLength: 5 }),
    merges: fc.array(fc.tuple(fc.integer({ min: 1, max: 21 }), fc.integer({ min: 1, max: 7 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })), { maxLength: 3 }),
    about: fc.option(fc.array(fc.tuple(fc.oneof(fc.constantFrom("agency", "period", "__proto__", "constructor", "Agency "), cellText), cellText), { maxLength: 6 }), { freq: 2 }),
  });

  async function bytesOf(w: typeof workbook extends fc.Arbitrary<infer T> ? T : never): Promise<Uint8Array | null> {
    const wb = new ExcelJS.Workbook();
    if (w.about) {
      const about = wb.addWorksheet("About");
      for (const pair of w.about) about.addRow(pair);
    }
    const ws = wb.addWorksheet(w.sheetName);
    ws.addRow(w.header);
    for (const r of w.rows) ws.addRow(r);
    for (const [row, col, fmt] of w.formats) ws.getCell(row, col).numFmt = fmt;
    try {
      for (const [row, col, down, across] of w.merges) if (down || across) ws.mergeCells(row, col, row + down, col + across);
      return new Uint8Array(await wb.xlsx.writeBuffer());
    } catch {
      return null; // exceljs will not write it (overlapping merges): nothing to read
    }
  }

  it(
    "read, validated and checked: a table or issues, never a throw",
    async () => {
      await fc.assert(
        fc.asyncProperty(workbook, async (w) => {
          const bytes = await bytesOf(w);
          fc.pre(bytes !== null);
          const read = await readAndCheck("riverside.xlsx", bytes!);
          expect(read.issues.filter((i) => i.code === "unreadable-file")).toEqual([]);
        }),
        params(0.25),
      );
    },
    budget(0.25, 200),
  );
});

describe("CSV text written from arbitrary cells", () => {
  const safeName = fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789_"), minLength: 1, maxLength: 10 });
  const dataChar = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(..."aZ09 .-%[]£é中😀") },
    { weight: 3, arbitrary: fc.constantFrom(",", '"', "\r", "\n", "\r\n", ";", "\t", "'", "=", "+", "@", "\u00a0", "\u200b", "\ufeff", "\u202e", "\u001b") },
    { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }).filter((c) => c !== "\u0000") },
  );
  const cell = fc.oneof(
    fc.string({ unit: dataChar, maxLength: 14 }),
    fc.constantFrom(...NASTY).filter((c) => !c.includes("\u0000")),
  );
  const csv = fc.uniqueArray(fc.oneof(fc.constantFrom("indicator", "measure", "category", "value", "note"), safeName), { minLength: 2, maxLength: 6 }).chain((header) =>
    fc.record({
      header: fc.constant(header),
      rows: fc.array(fc.tuple(...header.map(() => cell)), { maxLength: 15 }),
      quoteAll: fc.boolean(),
      eol: fc.constantFrom("\r\n", "\n", "\r"),
      leadingBlank: fc.integer({ min: 0, max: 2 }),
      finalEol: fc.boolean(),
      encoding: fc.constantFrom("utf-8", "utf-8-bom", "utf-16le"),
    }),
  );

  const field = (s: string, all: boolean) => (all || /[",\r\n]/.test(s) || s.startsWith(" ") ? `"${s.replace(/"/g, '""')}"` : s);
  const isBlank = (s: string) => !/[^\s\u200b-\u200d\u2060]/.test(s);

  it(
    "reads back exactly the cells written, on the rows Excel would show",
    async () => {
      await fc.assert(
        fc.asyncProperty(csv, async ({ header, rows, quoteAll, eol, leadingBlank, finalEol, encoding }) => {
          const lines = [...Array.from({ length: leadingBlank }, () => ""), header.join(","), ...rows.map((r) => r.map((c) => field(c, quoteAll)).join(","))];
          const text = lines.join(eol) + (finalEol ? eol : "");
          const bytes =
            encoding === "utf-16le"
              ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")])
              : Buffer.concat([encoding === "utf-8-bom" ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, "utf8")]);
          const read = await readAndCheck("riverside.csv", new Uint8Array(bytes));
          expect(read.issues.map((i) => i.code)).toEqual(encoding === "utf-16le" ? ["utf-16-text"] : []); // UTF-16 is named, and read
          expect(read.table?.header).toEqual({ row: leadingBlank + 1, cells: header });
          const expected = rows.map((cells, i) => ({ row: leadingBlank + 2 + i, cells })).filter((r) => !r.cells.every(isBlank));
          expect(read.table?.rows).toEqual(expected);
        }),
        params(),
      );
    },
    budget(1, 30),
  );
});

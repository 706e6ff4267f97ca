// A CSV file's bytes -> a RawTable: decode, split into records with csv-parse, number rows as
// Excel shows them (every record counts, blank ones too; a quoted line break stays in one row),
// then shape the table. Blank rows are dropped here without a word.
import { createRequire } from "node:module";
import type * as CsvParse from "csv-parse/sync";
import { issue, quote } from "../issues/catalogue.js";
import type { Issue, Location, RawRow, RawTable, ReadResult } from "../types.js";
import { cellAddress } from "./address.js";
import { addLines } from "../issues/lines.js";
import { recordLines, scanCsv } from "./csv-position.js";
import { decode, type Decoded } from "./decode.js";
import type { ReadLimits } from "./limits.js";
import { isBlankRow } from "../words/characters.js";
import { capCellLength, nameColumns, shapeTable } from "./table.js";

// csv-parse's one-file CommonJS build: one module to load instead of ten ES modules, since checking a
// small CSV return costs little more than starting up.
const { CsvError, parse } = createRequire(import.meta.url)("csv-parse/sync") as typeof CsvParse;

/** The return's own column names (spec/returns.md), used only to recognise a semicolon-separated header. */
const RETURN_COLUMNS = new Set(["indicator", "measure", "category", "value", "note"]);

class TooBig extends Error {}

const hasBom = (b: Buffer) => (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);

/** Say what the encoding means for the user: a warning for Windows-1252, an error for damaged UTF-8. */
function encodingIssues(decoded: Decoded, where: Location): Issue[] {
  if (!decoded.ok) {
    const { at } = scanCsv(decoded.text, ",", decoded.badChar);
    const cell = cellAddress(at.column, at.row);
    const byte = `0x${decoded.badByte.toString(16).toUpperCase().padStart(2, "0")}`;
    return [
      issue("invalid-encoding", { ...where, row: at.row, cell }, `Cell ${cell} holds the byte ${byte}, which is not valid UTF-8 text, in a file that is otherwise UTF-8.`, {
        found: `byte ${byte}`,
        expected: "UTF-8 text",
      }),
    ];
  }
  if (decoded.encoding === "windows-1252") {
    const offset = decoded.firstLegacyChar ?? 0;
    const { at } = scanCsv(decoded.text, ",", offset);
    const cell = cellAddress(at.column, at.row);
    return [
      issue("legacy-encoding", { ...where, row: at.row, cell }, `The file is not UTF-8; it was read as Windows-1252 (first such character '${decoded.text[offset] ?? ""}' in ${cell}).`, {
        found: "Windows-1252",
        expected: "UTF-8",
      }),
    ];
  }
  return [];
}

/**
 * Cells are separated by commas, unless the first line leaves no doubt they are separated by tabs:
 * it has tabs and no comma, and (outside Excel's UTF-16 "Unicode text", always tab-separated) one of
 * the return's column names between them.
 */
function chooseDelimiter(text: string, encoding: string): string {
  const firstLine = text.split(/\r\n|\n|\r/).find((l) => l.trim() !== "") ?? "";
  if (!firstLine.includes("\t") || firstLine.includes(",")) return ",";
  if (encoding.startsWith("utf-16")) return "\t";
  return firstLine.split("\t").some((p) => RETURN_COLUMNS.has(p.trim().toLowerCase())) ? "\t" : ",";
}

/** Excel's `sep=;` first line names the separator and is not a row (Excel hides it): its separator and length. */
function separatorLine(text: string): { delimiter: string; length: number } | null {
  const m = /^sep=(.)(\r\n|\n|\r|$)/i.exec(text);
  return m ? { delimiter: m[1]!, length: m[0].length } : null;
}

/** A header that is one cell and splits on ';' into the return's column names was saved with semicolons. */
function isSemicolonHeader(header: RawRow): boolean {
  const [only] = header.cells;
  return header.cells.length === 1 && only !== undefined && only.includes(";") && only.split(";").some((p) => RETURN_COLUMNS.has(p.trim().toLowerCase()));
}

export function readCsv(bytes: Buffer, file: string, limits: ReadLimits): ReadResult {
  const where: Location = { file };
  const decoded = decode(bytes);
  const issues = encodingIssues(decoded, where);
  const sep = separatorLine(decoded.text);
  const text = sep ? decoded.text.slice(sep.length) : decoded.text;
  const delimiter = sep?.delimiter ?? chooseDelimiter(text, decoded.encoding);
  const utf16 = decoded.encoding.startsWith("utf-16");
  if (utf16) {
    const how = `${decoded.encoding === "utf-16le" ? "little" : "big"}-endian${hasBom(bytes) ? "" : ", without a byte-order mark"}`;
    const tabs = delimiter === "\t" ? " separated by tabs, as Excel's 'Unicode Text' saves it" : "";
    issues.push(issue("utf-16-text", where, `The file is UTF-16 text (${how})${tabs}; it was read as such.`, { found: decoded.encoding.toUpperCase(), expected: "UTF-8" }));
  } else if (delimiter === "\t") issues.push(issue("tab-separated", where, "The file separates its cells with tabs, not commas; it was read as such.", { found: "tabs", expected: "commas" }));

  const records: RawRow[] = [];
  let row = 0;
  let cellCount = 0;
  try {
    parse(text, {
      delimiter,
      record_delimiter: ["\r\n", "\n", "\r"],
      relax_column_count: true,
      // A quote inside a field (12" screen) is text, as Excel reads it; only a field's first quote opens one.
      relax_quotes: true,
      // Empty lines are skipped by the parser but still counted (empty_lines), so numbering matches Excel.
      // Letting them through instead costs csv-parse ~18 µs each (it builds an error object for every
      // record whose cell count differs from the first's), so a file of blank lines took minutes.
      skip_empty_lines: true,
      on_record: (cells: string[], context: { records: number; empty_lines: number }) => {
        row = context.records + context.empty_lines;
        if (isBlankRow(cells)) return null;
        cellCount += cells.length;
        if (records.length > limits.maxRows) throw new TooBig(`more than ${limits.maxRows} rows`);
        if (cellCount > limits.maxCells) throw new TooBig(`more than ${limits.maxCells} cells`);
        const record: RawRow = { row, cells };
        capCellLength(record, limits, where, issues);
        records.push(record);
        return null; // collected here, so the parser keeps nothing
      },
    });
  } catch (e) {
    if (e instanceof TooBig) {
      issues.push(issue("limit-exceeded", where, `The file has ${e.message}, more than a return can have; it was not read.`, { found: e.message }));
      return { table: null, issues };
    }
    if (!(e instanceof CsvError)) throw e;
    const open = scanCsv(text, delimiter).openQuote;
    const at = open ?? { row: row + 1, column: 0 }; // the row after the last one read
    const cell = cellAddress(at.column, at.row);
    const message = open
      ? `The quote that opens cell ${cell} is never closed, so the file cannot be split into cells from row ${at.row} on.`
      : `Row ${at.row} cannot be split into cells (${e.message}).`;
    issues.push(issue("malformed-csv", { ...where, row: at.row, cell }, message, open ? { found: quote(text.slice(open.offset, open.offset + 40)) } : {}));
    return { table: null, issues };
  }

  const [first] = records;
  if (!first) {
    issues.push(issue("empty-file", where, "The file has no rows with anything in them."));
    return { table: null, issues };
  }
  if (isSemicolonHeader(first)) {
    issues.push(
      issue("wrong-delimiter", { ...where, row: first.row, cell: cellAddress(0, first.row) }, "The header row is separated by semicolons, not commas.", {
        found: quote(first.cells[0] ?? ""),
        expected: "indicator,measure,category,value,note",
      }),
    );
    return { table: null, issues };
  }
  const shaped = shapeTable(records, "csv", where);
  if (!shaped) return { table: null, issues };
  issues.push(...shaped.issues);
  nameColumns(issues, shaped.header);
  const lines = Object.fromEntries(recordLines(text, delimiter, sep ? 1 : 0));
  addLines(issues, lines);
  const table: RawTable = { file, format: "csv", header: shaped.header, rows: shaped.rows, encoding: decoded.encoding };
  if (Object.keys(lines).length > 0) table.lines = lines;
  return { table, issues };
}

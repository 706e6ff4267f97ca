// Where a character offset falls in CSV text, as the row and column a user sees in Excel.
// It follows the same rules as the parser (csv-parse with relax_quotes): a quote only opens a
// field when it is the field's first character; "" inside quotes is a literal quote; \r\n, \n and
// \r all end a record outside quotes. Used where csv-parse cannot say: the cell of a bad byte, and
// the row where a never-closed quote opened.

export interface CsvPosition {
  /** 1-based record number, blank lines included. */
  row: number;
  /** 0-based field index in that record. */
  column: number;
}

export interface CsvScan {
  /** The position of the character at `offset` (or of the end of the text). */
  at: CsvPosition;
  /** Where the quoted field still open at `offset` began (and the quote's own offset), if one is. */
  openQuote: (CsvPosition & { offset: number }) | null;
}

export function scanCsv(text: string, delimiter: string, offset = text.length): CsvScan {
  let row = 1;
  let column = 0;
  let fieldStart = true;
  let openQuote: CsvScan["openQuote"] = null;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const c = text[i];
    if (openQuote) {
      if (c === '"') {
        if (text[i + 1] === '"' && i + 1 < end) i++;
        else openQuote = null;
      }
      continue;
    }
    if (c === '"' && fieldStart) {
      openQuote = { row, column, offset: i };
      fieldStart = false;
    } else if (c === delimiter) {
      column++;
      fieldStart = true;
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row++;
      column = 0;
      fieldStart = true;
    } else {
      fieldStart = false;
    }
  }
  return { at: { row, column }, openQuote };
}

/**
 * For each record (numbered as rows are, blank ones included) the file's line where it starts, when
 * that differs from its number: after a quoted line break, or after lines the reader set aside
 * (`linesBefore`, such as Excel's `sep=,`). Editors, GitHub annotations and CI test reports count
 * lines, not records.
 */
export function recordLines(text: string, delimiter: string, linesBefore = 0): Map<number, number> {
  const lines = new Map<number, number>();
  let row = 1;
  let line = 1;
  let fieldStart = true;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      line++;
      if (quoted) continue;
      row++;
      fieldStart = true;
      if (line + linesBefore !== row) lines.set(row, line + linesBefore);
      continue;
    }
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') i++;
        else quoted = false;
      }
      continue;
    }
    if (c === '"' && fieldStart) quoted = true;
    fieldStart = c === delimiter;
  }
  if (linesBefore > 0) lines.set(1, 1 + linesBefore);
  return lines;
}

// One worksheet part's XML, made safe for exceljs and measured, in one pass over its tags:
// - data validations are dropped (darep never needs them, and exceljs expands a whole-column rule
//   into a million cells: exceljs issue #1842, 96 s and 1.2 GB for a 12.7 KB file);
// - rows and cells without an `r` address get the one their position gives (exceljs fails on them);
// - a shared-string index past the end of the table is blanked, and the cell named;
// - rows with no content (formatted, sized or styled only) are dropped and not counted;
// - a cell address given twice is named, since two programs could read two different returns.
// Handled as a latin1 string, so the bytes of everything kept are unchanged.
import { cellAddress, columnIndex } from "./address.js";

export interface SheetRepair {
  xml: string;
  changed: boolean;
  /** Rows and cells that hold something (a value, inline text or a formula). */
  rows: number;
  cells: number;
  /** The first cell address that appears twice. */
  duplicateCell?: string;
  /** Cells whose shared-string index is past the end of the table, blanked. */
  missingStrings: { cell: string; index: string }[];
}

const TAG = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
const VALIDATIONS = /^(?:[\w.-]+:)?dataValidations$/;
const ATTRS = { r: /\sr\s*=\s*"([^"]*)"/, t: /\st\s*=\s*"([^"]*)"/ };
const attr = (attrs: string, name: keyof typeof ATTRS) => ATTRS[name].exec(attrs)?.[1];

export function repairSheet(xml: string, sharedStrings: number): SheetRepair {
  const out: string[] = [];
  let copied = 0; // xml before this offset is already in `out` (or deliberately left out)
  let changed = false;
  let rows = 0;
  let cells = 0;
  let duplicateCell: string | undefined;
  const missingStrings: SheetRepair["missingStrings"] = [];
  const seen = new Set<string>();

  let rowNumber = 0;
  let row: { start: number; parts: string[]; content: boolean } | null = null;
  let column = -1;
  let cell: { start: number; address: string; shared: boolean; content: boolean; value: string; valueStart: number } | null = null;
  let skipUntil: string | null = null; // the end tag closing a dropped element

  const emit = (s: string) => (row ? row.parts : out).push(s);
  const keepUpTo = (end: number) => {
    if (end > copied) emit(xml.slice(copied, end));
    copied = end;
  };

  for (const m of xml.matchAll(TAG)) {
    const [whole, closing, name = "", attrs = "", selfClosing] = m;
    const at = m.index;
    const end = at + whole.length;
    if (skipUntil) {
      if (closing && name === skipUntil) {
        skipUntil = null;
        copied = end;
      }
      continue;
    }
    if (!closing && VALIDATIONS.test(name)) {
      keepUpTo(at);
      changed = true;
      if (selfClosing) copied = end;
      else skipUntil = name;
      continue;
    }
    if (name === "row") {
      if (!closing) {
        keepUpTo(at);
        const r = attr(attrs, "r");
        rowNumber = r ? Number(r) : rowNumber + 1;
        column = -1;
        if (!r) changed = true;
        const open = r ? whole : `<row r="${rowNumber}"${whole.slice(4)}`;
        row = { start: at, parts: [open], content: false };
        copied = end;
        if (selfClosing) finishRow(end);
      } else finishRow(end);
      continue;
    }
    if (name === "c" && !closing) {
      keepUpTo(at);
      const r = attr(attrs, "r");
      column = r ? columnIndex(r) : column + 1;
      const address = r ?? cellAddress(column, rowNumber);
      if (seen.has(address)) duplicateCell ??= address;
      seen.add(address);
      if (!r) changed = true;
      const open = r ? whole : `<c r="${address}"${whole.slice(2)}`;
      if (selfClosing) {
        emit(open);
        copied = end;
      } else {
        emit(open);
        copied = end;
        cell = { start: at, address, shared: attr(attrs, "t") === "s", content: false, value: "", valueStart: -1 };
      }
      continue;
    }
    if (cell) {
      if (!closing && (name === "v" || name === "is" || name === "f")) {
        cell.content = true;
        if (name === "v") cell.valueStart = end;
      } else if (closing && name === "v" && cell.valueStart >= 0) cell.value = xml.slice(cell.valueStart, at);
      else if (closing && name === "c") {
        const index = cell.value.trim();
        if (cell.shared && cell.content && !(/^\d+$/.test(index) && Number(index) < sharedStrings)) {
          // Blank the cell rather than let exceljs fail on it; the reader reports it by address.
          missingStrings.push({ cell: cell.address, index });
          const parts = row ? row.parts : out;
          // drop everything emitted since the cell opened, and write it empty
          const open = parts.pop()!;
          parts.push(open.replace(/\s*\/?>$/, "/>").replace(/\st\s*=\s*"s"/, ""));
          copied = end;
          changed = true;
          cell = null;
          continue;
        }
        if (cell.content) {
          cells++;
          if (row) row.content = true;
        }
        cell = null;
      }
    }
  }
  keepUpTo(xml.length);
  return { xml: changed ? out.join("") : xml, changed, rows, cells, ...(duplicateCell ? { duplicateCell } : {}), missingStrings };

  function finishRow(end: number): void {
    if (!row) return;
    row.parts.push(xml.slice(copied, end));
    copied = end;
    const kept = row;
    row = null;
    if (kept.content) {
      rows++;
      out.push(...kept.parts);
    } else changed = true; // an empty row: formatting only
  }
}

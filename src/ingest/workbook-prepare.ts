// A workbook's bytes -> bytes exceljs can read, and what darep learnt on the way. The zip is checked
// (zip-check.ts); every XML part loses a namespace prefix exceljs cannot follow (xml-prefix.ts);
// every sheet is repaired and measured (sheet-repair.ts); then the zip is written again, in memory,
// with fflate, stored rather than deflated: the parts are already unpacked here, and exceljs (JSZip
// with pako's JavaScript inflate) reads a stored zip without inflating it a second time. Measured on
// the demo's dbth.xlsx, cold: pako's inflate was 18 ms of CPU, the stored zip costs under 1 ms.
// Why repair rather than switch reader: the maintained fork @cj-tech-master/excelts 10.2.0 reads the
// prefixed, address-less and whole-column-validation files unrepaired, but still throws on a
// shared-string index out of range and reads duplicate parts and cells silently (last wins), so this
// pass would still be needed; exceljs stays, as the design names it.
import { zipSync } from "fflate";
import type { ReadLimits } from "./limits.js";
import { repairSheet, type SheetRepair } from "./sheet-repair.js";
import { hasMacros, sharedStringCount, sheetParts, type SheetPart } from "./workbook-parts.js";
import { dropRootPrefix } from "./xml-prefix.js";
import { checkWorkbookZip, type ZipVerdict } from "./zip-check.js";

export interface SheetFacts extends SheetPart {
  repair: Omit<SheetRepair, "xml">;
}

export type Prepared =
  | { ok: true; bytes: Buffer; sheets: SheetFacts[]; macros: boolean }
  | (Extract<ZipVerdict, { ok: false }> | { ok: false; code: "limit-exceeded"; message: string; found?: string });

const XML_PART = /\.(xml|rels)$/i;

export async function prepareWorkbook(bytes: Buffer, limits: ReadLimits, kindFound: string): Promise<Prepared> {
  const verdict = await checkWorkbookZip(bytes, limits, kindFound);
  if (!verdict.ok) return verdict;
  const text = new Map<string, string>();
  /** The parts whose text was changed here (lower-cased names); the others are written back as they came. */
  const changed = new Set<string>();
  for (const part of verdict.parts) {
    if (!XML_PART.test(part.name)) continue;
    const xml = part.data.toString("latin1");
    const bare = dropRootPrefix(xml);
    if (bare !== null) changed.add(part.name.toLowerCase());
    text.set(part.name.toLowerCase(), bare ?? xml);
  }
  const byName = (path: string) => text.get(path.toLowerCase());
  const strings = sharedStringCount(byName("xl/sharedStrings.xml"));
  const sheets: SheetFacts[] = [];
  let cells = 0;
  for (const sheet of sheetParts(byName)) {
    const xml = byName(sheet.path);
    if (xml === undefined) continue;
    const { xml: repaired, ...repair } = repairSheet(xml, strings);
    if (repair.changed) {
      text.set(sheet.path.toLowerCase(), repaired);
      changed.add(sheet.path.toLowerCase());
    }
    sheets.push({ ...sheet, repair });
    cells += repair.cells;
    // The header row as well as maxRows data rows; only rows with something in them count.
    if (repair.rows > limits.maxRows + 1)
      return {
        ok: false,
        code: "limit-exceeded",
        message: `The sheet '${sheet.name}' has ${repair.rows} rows with something in them; the limit is ${limits.maxRows} rows.`,
        found: `${repair.rows} rows`,
      };
    if (cells > limits.maxCells) return { ok: false, code: "limit-exceeded", message: `The workbook has more than ${limits.maxCells} cells with something in them.`, found: `${cells} cells` };
  }
  const macros = hasMacros(
    verdict.parts.map((p) => p.name),
    byName("[Content_Types].xml"),
  );
  const files: Record<string, Uint8Array> = {};
  for (const part of verdict.parts) {
    const name = part.name.toLowerCase();
    files[part.name] = changed.has(name) ? Buffer.from(text.get(name) ?? "", "latin1") : part.data;
  }
  return { ok: true, bytes: Buffer.from(zipSync(files, { level: 0 })), sheets, macros };
}

// A workbook's zip checked before exceljs unpacks it: the central directory's sizes (a zip bomb
// promises a lot from a little), then every entry streamed once (yauzl checks each inflates to
// no more than it declares), counting rows and cells in the sheets so a sheet of a million rows
// is refused before exceljs builds it in memory.
import type { Readable } from "node:stream";
import yauzl, { type Entry, type ZipFile } from "yauzl";
import { sizeInWords, type ReadLimits } from "./limits.js";

export type ZipVerdict =
  | { ok: true }
  | { ok: false; code: "unreadable-file" | "limit-exceeded" | "wrong-file-type"; message: string; found?: string };

/** Only entries this big are judged by their compression ratio; small XML parts can legitimately pack tightly. */
const RATIO_FLOOR_BYTES = 1024 * 1024;
const SHEET_ENTRY = /^xl\/worksheets\/[^/]+\.xml$/i;
const TAG = /<(?:[A-Za-z_][\w.-]*:)?(row|c)[\s>/]/g;
const DIMENSION = /<(?:[A-Za-z_][\w.-]*:)?dimension\s+ref="[A-Z]*(\d+)(?::[A-Z]*(\d+))?"/;

class Refused extends Error {}

const openZip = (bytes: Buffer) =>
  new Promise<ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true, autoClose: false, validateEntrySizes: true, decodeStrings: true }, (err, zip) => (err ? reject(err) : resolve(zip))),
  );

function listEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on("entry", (e: Entry) => {
      entries.push(e);
      zip.readEntry();
    });
    zip.once("end", () => resolve(entries));
    zip.once("error", reject);
    zip.readEntry();
  });
}

const openStream = (zip: ZipFile, entry: Entry) =>
  new Promise<Readable>((resolve, reject) => zip.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s))));

/** Stream one sheet, refusing it as soon as its rows or the workbook's cells pass the limits. */
async function countSheet(stream: Readable, name: string, limits: ReadLimits, tally: { cells: number }): Promise<void> {
  let rows = 0;
  let carry = "";
  let sawStart = false;
  const maxSheetRows = limits.maxRows + 1; // the header row as well
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const text = carry + chunk.toString("latin1");
    if (!sawStart) {
      // The <dimension> element comes before the data: a claim of more rows than allowed is refused unread.
      const m = DIMENSION.exec(text);
      if (m || text.includes("<sheetData") || text.length > 64 * 1024) {
        sawStart = true;
        const claimed = m ? Number(m[2] ?? m[1]) - Number(m[1]) + 1 : 0;
        if (claimed > maxSheetRows) throw new Refused(`A sheet of the workbook (${name}) says it spans ${claimed} rows; the limit is ${limits.maxRows} rows.`);
      }
    }
    // Count tags only up to the last '<', so a tag split between chunks is counted once, whole.
    const cut = text.lastIndexOf("<");
    const whole = cut >= 0 ? text.slice(0, cut) : text;
    carry = cut >= 0 ? text.slice(cut, cut + 256) : "";
    for (const m of whole.matchAll(TAG)) {
      if (m[1] === "row") rows++;
      else tally.cells++;
    }
    if (rows > maxSheetRows) throw new Refused(`A sheet of the workbook (${name}) has more than ${limits.maxRows} rows.`);
    if (tally.cells > limits.maxCells) throw new Refused(`The workbook has more than ${limits.maxCells} cells.`);
  }
}

async function drain(stream: Readable): Promise<void> {
  for await (const _ of stream) {
    // read and forget: yauzl checks the entry inflates to exactly its declared size
  }
}

export async function checkWorkbookZip(bytes: Buffer, limits: ReadLimits, kindFound: string): Promise<ZipVerdict> {
  let zip: ZipFile;
  try {
    zip = await openZip(bytes);
  } catch (e) {
    return { ok: false, code: "unreadable-file", message: `The workbook is damaged or incomplete and cannot be unpacked (${(e as Error).message}).` };
  }
  try {
    const entries = await listEntries(zip);
    zip.on("error", () => undefined); // later failures come through the streams; an unheard 'error' event would crash
    const total = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
    if (total > limits.maxUnzippedBytes)
      return { ok: false, code: "limit-exceeded", message: `The workbook unpacks to ${sizeInWords(total)}, more than the limit of ${sizeInWords(limits.maxUnzippedBytes)}.`, found: sizeInWords(total) };
    for (const e of entries) {
      const ratio = e.uncompressedSize / Math.max(e.compressedSize, 1);
      if (e.uncompressedSize >= RATIO_FLOOR_BYTES && ratio > limits.maxCompressionRatio)
        return {
          ok: false,
          code: "limit-exceeded",
          message: `The workbook's part ${e.fileName} unpacks ${Math.round(ratio)} times larger than it is packed (to ${sizeInWords(e.uncompressedSize)}), more than the limit of ${limits.maxCompressionRatio}: it looks like a zip bomb.`,
          found: `${Math.round(ratio)}:1`,
        };
    }
    if (!entries.some((e) => e.fileName.toLowerCase() === "xl/workbook.xml"))
      return { ok: false, code: "wrong-file-type", message: `This file is ${kindFound}, not an Excel workbook.`, found: kindFound };
    const tally = { cells: 0 };
    for (const e of entries) {
      if (e.fileName.endsWith("/")) continue;
      const stream = await openStream(zip, e);
      try {
        await (SHEET_ENTRY.test(e.fileName) ? countSheet(stream, e.fileName, limits, tally) : drain(stream));
      } finally {
        stream.destroy();
      }
    }
    return { ok: true };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, code: "limit-exceeded", message: e.message };
    return { ok: false, code: "unreadable-file", message: `The workbook is damaged and cannot be unpacked (${(e as Error).message}).` };
  } finally {
    zip.close();
  }
}

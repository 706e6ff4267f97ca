// A workbook's zip checked before anything unpacks it: the central directory's sizes (a zip bomb
// promises a lot from a little) and its names (two entries of one name are two different files to
// two programs), then every entry read once, inflated to no more than it declares (yauzl finds
// and checks where each entry's data lies; Node's zlib inflates it in one call, which costs a
// fraction of yauzl's streams for a workbook's dozen small parts), so the caller gets the parts in memory. Rows and cells are counted by the caller,
// in src/ingest/sheet-repair.ts, where empty formatted rows can be told from rows with content.
import { inflateRawSync } from "node:zlib";
import yauzl, { type Entry, type ZipFile } from "yauzl";
import { sizeInWords, type ReadLimits } from "./limits.js";

export interface ZipPart {
  name: string;
  data: Buffer;
}

export type ZipVerdict = { ok: true; parts: ZipPart[] } | { ok: false; code: "unreadable-file" | "limit-exceeded" | "wrong-file-type" | "ambiguous-file"; message: string; found?: string };

/** Only entries this big are judged by their compression ratio; small XML parts can legitimately pack tightly. */
const RATIO_FLOOR_BYTES = 1024 * 1024;

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

/** Where the entry's packed data starts: yauzl reads its local header and checks it lies within the file. */
const dataStart = (zip: ZipFile, entry: Entry) =>
  new Promise<number>((resolve, reject) => zip.readLocalFileHeader(entry, { minimal: true }, (err, header) => (err ? reject(err) : resolve(header.fileDataStart))));

/** What is wrong with one part, in darep's words: yauzl's and zlib's own messages never reach the data officer. */
class DamagedPart extends Error {}

/** The entry's bytes, unpacked; more or fewer bytes than the zip declares is an error, as yauzl's streams had it. */
async function readPart(zip: ZipFile, bytes: Buffer, entry: Entry): Promise<Buffer> {
  const part = `its part ${entry.fileName}`;
  if (entry.isEncrypted()) throw new DamagedPart(`${part} is encrypted`);
  const start = await dataStart(zip, entry);
  const packed = bytes.subarray(start, start + entry.compressedSize);
  if (entry.compressionMethod === 0) return packed;
  if (entry.compressionMethod !== 8) throw new DamagedPart(`${part} is packed in a way Excel does not use (method ${entry.compressionMethod})`);
  const expected = entry.uncompressedSize;
  const tooMany = new DamagedPart(`${part} unpacks to more than the ${expected} bytes the workbook declares for it`);
  let data: Buffer;
  try {
    // Never more than the declared size, so a part that lies about its size cannot take the memory.
    data = inflateRawSync(packed, { maxOutputLength: Math.max(expected, 1) });
  } catch (e) {
    if ((e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw tooMany;
    throw new DamagedPart(`${part} does not unpack`);
  }
  if (data.length > expected) throw tooMany;
  if (data.length < expected) throw new DamagedPart(`${part} unpacks to fewer than the ${expected} bytes the workbook declares for it`);
  return data;
}

export async function checkWorkbookZip(bytes: Buffer, limits: ReadLimits, kindFound: string): Promise<ZipVerdict> {
  let zip: ZipFile;
  try {
    zip = await openZip(bytes);
  } catch {
    return { ok: false, code: "unreadable-file", message: "The workbook is damaged or incomplete and cannot be unpacked." };
  }
  try {
    const entries = await listEntries(zip);
    zip.on("error", () => undefined); // later failures come through the streams; an unheard 'error' event would crash
    const total = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
    if (total > limits.maxUnzippedBytes)
      return {
        ok: false,
        code: "limit-exceeded",
        message: `The workbook unpacks to ${sizeInWords(total)}, more than the limit of ${sizeInWords(limits.maxUnzippedBytes)}.`,
        found: sizeInWords(total),
      };
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
    // Part names are case-insensitive in a workbook (Open Packaging Conventions); a name given twice
    // is read as the first copy by one program and the last by another (exceljs: the last).
    const seen = new Set<string>();
    for (const e of entries) {
      const key = e.fileName.toLowerCase();
      if (seen.has(key))
        return { ok: false, code: "ambiguous-file", message: `The workbook holds two parts named '${e.fileName}', so two programs could read two different returns from it.`, found: e.fileName };
      seen.add(key);
    }
    const parts: ZipPart[] = [];
    for (const e of entries) {
      if (e.fileName.endsWith("/")) continue;
      parts.push({ name: e.fileName, data: await readPart(zip, bytes, e) });
    }
    return { ok: true, parts };
  } catch (e) {
    const what = e instanceof DamagedPart ? `: ${e.message}` : "";
    return { ok: false, code: "unreadable-file", message: `The workbook is damaged and cannot be unpacked${what}.` };
  } finally {
    zip.close();
  }
}

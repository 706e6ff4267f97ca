// Ingest: a return file on disk -> a RawTable of text cells with their places, and the issues met
// on the way. Knows nothing of indicators. Never throws on bad data, only on a programmer's error
// (a non-string path, an impossible limit). Files are opened read-only and never written.
//
// No time limit is applied here: exceljs cannot be interrupted part-way, so a caller that wants a
// per-file deadline should race readReturn against a timer (or read in a worker it can terminate).
import { open, type FileHandle } from "node:fs/promises";
import { extname } from "node:path";
import { issue } from "../issues/catalogue.js";
import type { ReadResult } from "../types.js";
import { readCsv } from "./csv.js";
import { resolveLimits, sizeInWords, type ReadLimits } from "./limits.js";
import { sniff } from "./sniff.js";

export { DEFAULT_LIMITS, type ReadLimits } from "./limits.js";

const FORMAT_NAMES = { ".csv": "a CSV file", ".xlsx": "an Excel .xlsx workbook" } as const;

function why(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "there is no such file";
  if (code === "EACCES" || code === "EPERM") return "darep is not allowed to read it";
  if (code === "EISDIR") return "it is a folder";
  return "it could not be opened";
}

/**
 * Read a return from `path` (as given; every issue carries it as `file`). In a workbook the table is
 * on the sheet named `sheet` (default "Return"), else the first sheet; the action plan passes "Actions".
 */
export async function readReturn(path: string, options: Partial<ReadLimits> = {}, sheet = "Return"): Promise<ReadResult> {
  if (typeof path !== "string" || path === "") throw new Error("readReturn needs a file path.");
  const limits = resolveLimits(options);
  const file = path;
  const fail = (...args: Parameters<typeof issue>): ReadResult => ({ table: null, issues: [issue(...args)] });

  const ext = extname(path).toLowerCase();
  if (ext !== ".csv" && ext !== ".xlsx")
    return fail("unsupported-format", { file }, `Files ending '${ext || "(no extension)"}' are not read; a return is a .csv or .xlsx file.`, {
      found: ext || "no extension",
      expected: ".csv or .xlsx",
    });

  let bytes: Buffer;
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, "r");
    const info = await handle.stat();
    if (info.isDirectory()) return fail("unreadable-file", { file }, "This is a folder, not a file.");
    if (!info.isFile()) return fail("unreadable-file", { file }, "This is not a regular file.");
    if (info.size > limits.maxFileBytes)
      return fail("limit-exceeded", { file }, `The file is ${sizeInWords(info.size)}, more than the limit of ${sizeInWords(limits.maxFileBytes)}; it was not read.`, { found: sizeInWords(info.size) });
    bytes = await handle.readFile();
  } catch (e) {
    return fail("unreadable-file", { file }, `The file cannot be read: ${why(e)}.`);
  } finally {
    await handle?.close().catch(() => undefined);
  }
  return parseReturn(bytes, file, options, sheet);
}

/**
 * A return already read into memory (`file` names it in every issue and gives the format by its
 * extension): the caller opens the file, so a workspace reads each return once and hashes the very
 * bytes it parses.
 */
export async function parseReturn(bytes: Buffer, file: string, options: Partial<ReadLimits> = {}, sheet = "Return"): Promise<ReadResult> {
  const limits = resolveLimits(options);
  const fail = (...args: Parameters<typeof issue>): ReadResult => ({ table: null, issues: [issue(...args)] });
  const ext = extname(file).toLowerCase();
  if (ext !== ".csv" && ext !== ".xlsx")
    return fail("unsupported-format", { file }, `Files ending '${ext || "(no extension)"}' are not read; a return is a .csv or .xlsx file.`, {
      found: ext || "no extension",
      expected: ".csv or .xlsx",
    });
  // Checked again on the bytes read, in case the file grew while it was being opened.
  if (bytes.length > limits.maxFileBytes) return fail("limit-exceeded", { file }, `The file is more than the limit of ${sizeInWords(limits.maxFileBytes)}; it was not read.`);
  if (bytes.length === 0) return fail("empty-file", { file }, "The file is empty (0 bytes).");

  const expected = FORMAT_NAMES[ext];
  const kind = sniff(bytes);
  if (kind.kind === "ole2" && kind.encrypted) return fail("encrypted-workbook", { file }, "The workbook is protected by a password, so it cannot be read.", { found: kind.found });
  if (ext === ".xlsx") {
    // The workbook reader (and its zip and spreadsheet libraries) is loaded only for a workbook.
    if (kind.kind === "zip") return (await import("./xlsx.js")).readXlsx(bytes, file, limits, kind.found, sheet);
    const found = kind.kind === "text" ? "a text file (perhaps a CSV renamed .xlsx)" : kind.found;
    return fail("wrong-file-type", { file }, `This file is ${found}, not ${expected}.`, { found, expected });
  }
  if (kind.kind !== "text") return fail("wrong-file-type", { file }, `This file is ${kind.found}, not ${expected}.`, { found: kind.found, expected });
  return readCsv(bytes, file, limits);
}

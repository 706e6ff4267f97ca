// What a file really is, judged from its first bytes (magic numbers), not from its name.
import { utf16WithoutBom } from "./decode.js";

export type Sniffed = { kind: "zip"; found: string } | { kind: "ole2"; encrypted: boolean; found: string } | { kind: "other-binary"; found: string } | { kind: "text" };

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

const utf16le = (s: string): Buffer => Buffer.from(s, "utf16le");

/** Formats people send by mistake, by their magic bytes. */
const BINARY_KINDS: readonly { magic: readonly number[]; found: string }[] = [
  { magic: [0x25, 0x50, 0x44, 0x46], found: "a PDF document" }, // %PDF
  { magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], found: "a PNG image" },
  { magic: [0xff, 0xd8, 0xff], found: "a JPEG image" },
  { magic: [0x47, 0x49, 0x46, 0x38], found: "a GIF image" }, // GIF8
  { magic: [0x7b, 0x5c, 0x72, 0x74, 0x66], found: "a rich-text (RTF) document" }, // {\rtf
];

const ZIP_MAGICS = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06], // an empty archive
] as const;
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

/** Name the kind of zip from the entry names near its start (the first local headers). */
function describeZip(bytes: Buffer): string {
  const head = bytes.subarray(0, 64 * 1024).toString("latin1");
  if (head.includes("xl/")) return "an Excel .xlsx workbook";
  if (head.includes("word/")) return "a Word .docx document";
  if (head.includes("ppt/")) return "a PowerPoint .pptx presentation";
  if (head.includes("mimetypeapplication/vnd.oasis.opendocument")) return "an OpenDocument file";
  return "a zip archive";
}

/**
 * Office 97-2003 files and encrypted OOXML workbooks are both OLE2 compound files; the stream
 * names in the directory (UTF-16LE) tell them apart. Excel wraps an encrypted .xlsx in OLE2 with an
 * "EncryptedPackage" stream.
 */
function describeOle2(bytes: Buffer): { encrypted: boolean; found: string } {
  if (bytes.includes(utf16le("EncryptedPackage"))) return { encrypted: true, found: "a password-protected workbook" };
  if (bytes.includes(utf16le("Workbook")) || bytes.includes(utf16le("Book"))) return { encrypted: false, found: "an old Excel 97-2003 .xls workbook" };
  if (bytes.includes(utf16le("WordDocument"))) return { encrypted: false, found: "an old Word 97-2003 .doc document" };
  return { encrypted: false, found: "an old Microsoft Office 97-2003 file" };
}

export function sniff(bytes: Buffer): Sniffed {
  if (ZIP_MAGICS.some((m) => startsWith(bytes, m))) return { kind: "zip", found: describeZip(bytes) };
  if (startsWith(bytes, OLE2_MAGIC)) return { kind: "ole2", ...describeOle2(bytes) };
  for (const k of BINARY_KINDS) if (startsWith(bytes, k.magic)) return { kind: "other-binary", found: k.found };
  // Text never holds NUL bytes, except UTF-16: Excel starts it with a byte-order mark, other programs
  // may not, and then its zero bytes fall in every other place.
  const utf16 = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]) || utf16WithoutBom(bytes) !== null;
  if (!utf16 && bytes.subarray(0, 8192).includes(0)) return { kind: "other-binary", found: "binary data, not text" };
  return { kind: "text" };
}

// Bytes of a CSV -> text, choosing the encoding from the bytes and never guessing silently:
// a BOM says UTF-8 or UTF-16; valid UTF-8 is UTF-8; bytes that are no UTF-8 at all are read as
// Windows-1252 (Excel's plain "CSV"), flagged; a mix of both is refused.
import { isUtf8 } from "node:buffer";
import { createRequire } from "node:module";
import type * as Iconv from "iconv-lite";

// iconv-lite is needed only for a file that is not UTF-8, so it is loaded on first use.
let loaded: typeof Iconv | undefined;
const iconv = {
  decode(...args: Parameters<typeof Iconv.decode>): string {
    loaded ??= createRequire(import.meta.url)("iconv-lite") as typeof Iconv;
    return loaded.decode(...args);
  },
};

export type Decoded =
  | {
      ok: true;
      text: string;
      encoding: "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";
      /** For windows-1252: the character offset of the first non-ASCII character, to show the user where. */
      firstLegacyChar?: number;
    }
  | {
      ok: false;
      /** The text with each bad byte replaced by U+FFFD, so the rest can still be read. */
      text: string;
      encoding: "utf-8";
      /** Character offset in `text` of the first bad byte, and the byte itself. */
      badChar: number;
      badByte: number;
    };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Bytes Windows-1252 leaves undefined: a file holding them is not Windows-1252 either. */
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** Length of the valid UTF-8 sequence starting at i, or 0 when the byte there starts none. */
function sequenceLength(b: Uint8Array, i: number): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < b.length && b[i + k]! >= lo && b[i + k]! <= hi;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    // E0 needs A0.. (no overlongs), ED stops at 9F (no surrogates)
    const ok = cont(1, c === 0xe0 ? 0xa0 : 0x80, c === 0xed ? 0x9f : 0xbf) && cont(2);
    return ok ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const ok = cont(1, c === 0xf0 ? 0x90 : 0x80, c === 0xf4 ? 0x8f : 0xbf) && cont(2) && cont(3);
    return ok ? 4 : 0;
  }
  return 0;
}

/** Where the first byte invalid as UTF-8 is, and whether any valid multi-byte sequence exists. */
export function scanUtf8(b: Uint8Array): { firstInvalid: number; hasMultiByte: boolean } {
  let firstInvalid = -1;
  let hasMultiByte = false;
  for (let i = 0; i < b.length; ) {
    const n = sequenceLength(b, i);
    if (n === 0) {
      if (firstInvalid < 0) firstInvalid = i;
      i += 1;
    } else {
      if (n > 1) hasMultiByte = true;
      i += n;
    }
    if (firstInvalid >= 0 && hasMultiByte) break;
  }
  return { firstInvalid, hasMultiByte };
}

const utf8 = (b: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(b);

/**
 * UTF-16 saved without a byte-order mark, told by its zero bytes: text that is mostly ASCII has a zero
 * in every other byte (the second of each pair in little-endian, the first in big-endian) and none in
 * the other half. Anything less clear-cut is not guessed at.
 */
export function utf16WithoutBom(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (even === 0 && odd >= pairs * 0.6) return "utf-16le";
  if (odd === 0 && even >= pairs * 0.6) return "utf-16be";
  return null;
}

export function decode(bytes: Buffer): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: iconv.decode(bytes.subarray(2), "utf-16le", { stripBOM: false }), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: iconv.decode(bytes.subarray(2), "utf-16be", { stripBOM: false }), encoding: "utf-16be" };
  const bomless = utf16WithoutBom(bytes);
  if (bomless) return { ok: true, text: iconv.decode(bytes, bomless, { stripBOM: false }), encoding: bomless };
  const hasBom = UTF8_BOM.every((b, i) => bytes[i] === b);
  const body = hasBom ? bytes.subarray(3) : bytes;
  if (isUtf8(body)) return { ok: true, text: utf8(body), encoding: "utf-8" };

  const { firstInvalid, hasMultiByte } = scanUtf8(body);
  const undefined1252 = body.findIndex((b) => UNDEFINED_IN_1252.has(b));
  // A BOM declares UTF-8, and real UTF-8 elsewhere in the file says the same: either way the bad
  // byte is damage, not another encoding.
  if (hasBom || hasMultiByte || undefined1252 >= 0) {
    const bad = hasBom || hasMultiByte ? firstInvalid : undefined1252;
    return { ok: false, text: utf8(body), encoding: "utf-8", badChar: utf8(body.subarray(0, bad)).length, badByte: body[bad]! };
  }
  return { ok: true, text: iconv.decode(body, "windows-1252"), encoding: "windows-1252", firstLegacyChar: body.findIndex((b) => b >= 0x80) };
}

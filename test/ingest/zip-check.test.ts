// checkWorkbookZip unpacks each part to exactly the size the zip declares for it: a part that unpacks
// to more (a zip that lies to get past the size limits) or to less (a truncated or doctored file) is
// refused as unreadable, and never held in memory beyond its declared size.
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../src/ingest/limits.js";
import { checkWorkbookZip } from "../../src/ingest/zip-check.js";

const WORKBOOK = Buffer.from(`<workbook>${"<sheet/>".repeat(600)}</workbook>`);

/** A one-part workbook zip whose central directory declares `declared` bytes for the part. */
function zipDeclaring(declared: number, level: 0 | 6 = 6): Buffer {
  const zip = Buffer.from(zipSync({ "xl/workbook.xml": WORKBOOK }, { level }));
  const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  zip.writeUInt32LE(declared, central + 24);
  return zip;
}

describe("checkWorkbookZip", () => {
  it("unpacks a part to the bytes it holds", async () => {
    const r = await checkWorkbookZip(zipDeclaring(WORKBOOK.length), DEFAULT_LIMITS, "a zip file");
    expect(r.ok && r.parts.map((p) => [p.name, p.data.equals(WORKBOOK)])).toEqual([["xl/workbook.xml", true]]);
    const stored = await checkWorkbookZip(zipDeclaring(WORKBOOK.length, 0), DEFAULT_LIMITS, "a zip file");
    expect(stored.ok && stored.parts[0]?.data.equals(WORKBOOK)).toBe(true);
  });

  it("refuses a part that unpacks to more than it declares", async () => {
    const r = await checkWorkbookZip(zipDeclaring(100), DEFAULT_LIMITS, "a zip file");
    expect(r).toMatchObject({ ok: false, code: "unreadable-file" });
    expect(!r.ok && r.message).toContain("too many bytes");
  });

  it("refuses a part that unpacks to less than it declares", async () => {
    const r = await checkWorkbookZip(zipDeclaring(WORKBOOK.length + 10), DEFAULT_LIMITS, "a zip file");
    expect(r).toMatchObject({ ok: false, code: "unreadable-file" });
    expect(!r.ok && r.message).toContain("not enough bytes");
  });
});

// checkWorkbookZip unpacks each part to exactly the size the zip declares for it: a part that unpacks
// to more (a zip that lies to get past the size limits) or to less (a truncated or doctored file) is
// refused as unreadable, and never held in memory beyond its declared size.
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../src/ingest/limits.js";
import { checkWorkbookZip } from "../../src/ingest/zip-check.js";
import { readReturn } from "../../src/ingest/index.js";
import { CATALOGUE } from "../../src/issues/catalogue.js";
import { fixture } from "./helpers.js";

/** Wording of yauzl's and zlib's own messages, which mean nothing to a data officer. */
const LIBRARY_WORDING = /\(|central directory|signature|invalid|distance|block|stream|expected \d/i;

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
    expect(!r.ok && r.message).toBe("The workbook is damaged and cannot be unpacked: its part xl/workbook.xml unpacks to more than the 100 bytes the workbook declares for it.");
  });

  it("refuses a part that unpacks to less than it declares", async () => {
    const r = await checkWorkbookZip(zipDeclaring(WORKBOOK.length + 10), DEFAULT_LIMITS, "a zip file");
    expect(r).toMatchObject({ ok: false, code: "unreadable-file" });
    expect(!r.ok && r.message).toBe(`The workbook is damaged and cannot be unpacked: its part xl/workbook.xml unpacks to fewer than the ${WORKBOOK.length + 10} bytes the workbook declares for it.`);
  });

  it("says a corrupted deflated part in its own words, naming the part", async () => {
    const zip = zipDeclaring(WORKBOOK.length);
    zip.fill(0xff, 30 + "xl/workbook.xml".length, 34 + "xl/workbook.xml".length); // the packed data's first bytes: zlib says "invalid block type"
    const r = await checkWorkbookZip(zip, DEFAULT_LIMITS, "a zip file");
    expect(r).toEqual({ ok: false, code: "unreadable-file", message: "The workbook is damaged and cannot be unpacked: its part xl/workbook.xml does not unpack." });
  });

  it("says a truncated workbook in its own words, naming the file and what to do", async () => {
    const r = await readReturn(fixture("truncated.xlsx"));
    expect(r.issues).toHaveLength(1);
    const [found] = r.issues;
    expect(found).toMatchObject({ code: "unreadable-file", file: fixture("truncated.xlsx"), advice: CATALOGUE["unreadable-file"].advice });
    expect(found!.message).toBe("The workbook is damaged or incomplete and cannot be unpacked.");
    expect(found!.message).not.toMatch(LIBRARY_WORDING);
  });
});

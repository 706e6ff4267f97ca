// The file as a whole: missing, empty, the wrong kind of file, encrypted, damaged.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readReturn } from "../../src/ingest/index.js";
import { sniff } from "../../src/ingest/sniff.js";
import { codes, fixture, place, tempFile } from "./helpers.js";

describe("reading the file as a whole", () => {
  it("reports a missing path as unreadable, with the path as given", async () => {
    const path = join(tmpdir(), "darep-no-such-dir", "riverside.csv");
    const r = await readReturn(path);
    expect(r.table).toBeNull();
    expect(r.issues.map(place)).toEqual([{ code: "unreadable-file", severity: "error", file: path, sheet: undefined, row: undefined, cell: undefined }]);
    expect(r.issues[0]!.message).toContain("no such file");
  });

  it("reports a folder named like a return as unreadable", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "darep-ingest-")), "riverside.csv");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(dir);
    expect(codes(await readReturn(dir))).toEqual(["unreadable-file"]);
  });

  it("reports an empty file", async () => {
    const r = await readReturn(fixture("empty.csv"));
    expect(r.table).toBeNull();
    expect(r.issues.map(place)).toEqual([{ code: "empty-file", severity: "error", file: fixture("empty.csv"), sheet: undefined, row: undefined, cell: undefined }]);
  });

  it("reports a CSV of blank lines only as empty", async () => {
    const r = await readReturn(fixture("blank-lines-only.csv"));
    expect(r.table).toBeNull();
    expect(codes(r)).toEqual(["empty-file"]);
  });

  it.each([
    ["pdf-renamed.csv", "a PDF document"],
    ["png-renamed.csv", "a PNG image"],
    ["xlsx-renamed.csv", "an Excel .xlsx workbook"],
    ["xls-renamed.xlsx", "an old Excel 97-2003 .xls workbook"],
    ["csv-renamed.xlsx", "a text file (perhaps a CSV renamed .xlsx)"],
  ])("judges %s by its content: %s", async (name, found) => {
    const r = await readReturn(fixture(name));
    expect(r.table).toBeNull();
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: "wrong-file-type", severity: "error", file: fixture(name), found });
  });

  it("recognises an encrypted workbook by its EncryptedPackage stream", async () => {
    const r = await readReturn(fixture("encrypted.xlsx"));
    expect(r.table).toBeNull();
    expect(r.issues.map(place)).toEqual([{ code: "encrypted-workbook", severity: "error", file: fixture("encrypted.xlsx"), sheet: undefined, row: undefined, cell: undefined }]);
  });

  it("reports a truncated workbook as unreadable", async () => {
    const r = await readReturn(fixture("truncated.xlsx"));
    expect(r.table).toBeNull();
    expect(codes(r)).toEqual(["unreadable-file"]);
  });

  it("refuses other extensions", async () => {
    const r = await readReturn(fixture("unsupported-format.ods"));
    expect(r.issues[0]).toMatchObject({ code: "unsupported-format", found: ".ods", file: fixture("unsupported-format.ods") });
    expect(codes(await readReturn(tempFile("riverside", "indicator,value\n")))).toEqual(["unsupported-format"]);
  });

  it("reports a zip that is not a workbook as the wrong type", async () => {
    // A zip whose only entry is word/document.xml: built by hand, stored (no compression).
    const name = Buffer.from("word/document.xml");
    const data = Buffer.from("<w:document/>");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(0, 14); // crc is not checked by the central-directory pass, but by streaming
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(46 + name.length, 12);
    end.writeUInt32LE(30 + name.length + data.length, 16);
    const bytes = Buffer.concat([local, name, data, central, name, end]);
    const r = await readReturn(tempFile("riverside.xlsx", bytes));
    expect(r.issues[0]).toMatchObject({ code: "wrong-file-type", found: "a Word .docx document" });
  });

  it("throws only on a programmer's error", async () => {
    await expect(readReturn("")).rejects.toThrow(/file path/);
    await expect(readReturn(fixture("utf8-bom.csv"), { maxRows: -1 })).rejects.toThrow(/positive/);
  });
});

describe("sniffing magic bytes", () => {
  const b = (...bytes: number[]) => Buffer.from(bytes);
  it("names the kinds people send by mistake", () => {
    expect(sniff(b(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))).toEqual({ kind: "other-binary", found: "a JPEG image" });
    expect(sniff(Buffer.from("GIF89a..."))).toEqual({ kind: "other-binary", found: "a GIF image" });
    expect(sniff(Buffer.from("{\\rtf1\\ansi"))).toEqual({ kind: "other-binary", found: "a rich-text (RTF) document" });
    expect(sniff(Buffer.from("ab\0cd"))).toEqual({ kind: "other-binary", found: "binary data, not text" });
  });
  it("lets UTF-16 text (with its BOM) and plain text through", () => {
    expect(sniff(Buffer.concat([b(0xff, 0xfe), Buffer.from("a,b", "utf16le")]))).toEqual({ kind: "text" });
    expect(sniff(Buffer.from("indicator,value\n"))).toEqual({ kind: "text" });
  });
});

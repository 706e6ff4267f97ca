// The demo's PDF read back with qpdf and poppler, not with the library that wrote it: what PDF/UA asks
// of its structure (every Figure has alt text, every link a description, XMP metadata with the PDF/UA
// identifier, the language and the title shown) and that it is packed into object streams.
import { rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDemo, tool } from "../helpers/demo-pdf.js";

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
type Dict = { [k: string]: Json };

const TITLE = "Doncaster Domestic Abuse Partnership: exception report, 2026-27 Q2";
const PARTNERSHIP = "Doncaster Domestic Abuse Partnership";

let out = "";
let pdf = "";
let objects: Record<string, { value?: Json; stream?: { dict: Dict } }> = {};

/** The dictionary an object holds (a stream's own dictionary for a stream), or null. */
function dictOf(ref: Json | undefined): Dict | null {
  if (typeof ref !== "string") return ref && typeof ref === "object" && !Array.isArray(ref) ? ref : null;
  const o = objects[`obj:${ref}`];
  const v = o?.stream ? o.stream.dict : o?.value;
  return v && typeof v === "object" && !Array.isArray(v) ? v : null;
}

const all = () =>
  Object.keys(objects)
    .map((k) => dictOf(k.slice(4)))
    .filter((d): d is Dict => d !== null);
/** qpdf writes text strings as "u:<text>". */
const text = (v: Json | undefined) => (typeof v === "string" && v.startsWith("u:") ? v.slice(2) : null);

beforeAll(async () => {
  tool("qpdf", ["--version"], "qpdf");
  tool("pdfinfo", ["-v"]);
  out = await buildDemo("pdf", "darep-pdf-ua-");
  pdf = join(out, "exception-report.pdf");
  const json = JSON.parse(tool("qpdf", ["--json=2", "--json-key=qpdf", pdf], "qpdf")) as { qpdf: [unknown, typeof objects] };
  objects = json.qpdf[1];
});

afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

describe("the demo's PDF for PDF/UA", () => {
  it("gives every Figure alt text", () => {
    const figures = all().filter((d) => d["/S"] === "/Figure");
    expect(figures.length).toBeGreaterThan(0); // a chart on every exception card
    for (const f of figures) expect(text(f["/Alt"])?.trim(), JSON.stringify(f).slice(0, 200)).toBeTruthy();
  });

  it("gives every link a description", () => {
    const links = all().filter((d) => d["/Subtype"] === "/Link");
    expect(links.length).toBeGreaterThanOrEqual(10); // the contents and the list of exceptions
    const described = links.map((l) => text(l["/Contents"]));
    expect(described.filter((d) => !d?.trim())).toEqual([]);
    expect(described).toContain("Summary");
    expect(described).toContain("PM26 Homeless applications due to domestic abuse");
  });

  it("names its language and shows its title, and is marked as tagged", () => {
    const trailer = objects["trailer"]?.value as Dict;
    const catalog = dictOf(trailer["/Root"])!;
    expect(text(catalog["/Lang"])).toBe("en-GB");
    expect(dictOf(catalog["/ViewerPreferences"])?.["/DisplayDocTitle"]).toBe(true);
    expect(dictOf(catalog["/MarkInfo"])?.["/Marked"]).toBe(true);
    expect(dictOf(catalog["/StructTreeRoot"])).not.toBeNull();
    const info = tool("pdfinfo", [pdf]);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Metadata Stream:\s+yes$/m);
    expect(info.match(/^Title:\s+(.*)$/m)?.[1]).toBe(TITLE);
    expect(info.match(/^Author:\s+(.*)$/m)?.[1]).toBe(PARTNERSHIP);
    expect(info.match(/^Subject:\s+(.*)$/m)?.[1]).toContain("exception report for the DA Strategic Board, Q2 2026-27");
  });

  it("carries XMP metadata with the title, language, author, subject, dates and the PDF/UA identifier", () => {
    const xmp = tool("pdfinfo", ["-meta", pdf]);
    expect(xmp).toContain("<pdfuaid:part>1</pdfuaid:part>");
    expect(xmp).toContain('xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"');
    expect(xmp).toContain(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${TITLE}</rdf:li>`);
    expect(xmp).toContain("<dc:language><rdf:Bag><rdf:li>en-GB</rdf:li></rdf:Bag></dc:language>");
    expect(xmp).toContain(`<dc:creator><rdf:Seq><rdf:li>${PARTNERSHIP}</rdf:li></rdf:Seq></dc:creator>`);
    expect(xmp).toMatch(/<dc:description><rdf:Alt><rdf:li xml:lang="x-default">[^<]*exception report/);
    // SOURCE_DATE_EPOCH=1795000000, never the clock.
    expect(xmp).toContain("<xmp:CreateDate>2026-11-18T11:06:40Z</xmp:CreateDate>");
  });

  it("is packed into object streams, half the size it was without them", async () => {
    const xref = tool("qpdf", ["--show-xref", pdf], "qpdf")
      .split("\n")
      .filter((l) => l.trim());
    const packed = xref.filter((l) => /: compressed;/.test(l)).length;
    expect(packed / xref.length).toBeGreaterThan(0.9);
    expect(tool("qpdf", ["--check", pdf], "qpdf")).toMatch(/No syntax or stream encoding errors/);
    // 1.14 MB as Chromium wrote it (PDF 1.4, the tag tree uncompressed).
    expect((await stat(pdf)).size).toBeLessThan(0.6 * 1024 * 1024);
  });
});

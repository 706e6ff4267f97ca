// finishPdf on a small tagged PDF made here in the shape Chromium prints (an outer Figure around a chart
// Figure with Alt and a caption, a link annotation with a named destination): no browser needed.
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from "@cantoo/pdf-lib";
import { describe, expect, it } from "vitest";
import { finishPdf, type PdfFacts } from "../../src/report/pdf-finish.js";

const FACTS: PdfFacts = {
  title: "Doncaster Domestic Abuse Partnership: exception report, 2026-27 Q2",
  lang: "en-GB",
  author: "Doncaster Domestic Abuse Partnership",
  subject: "The exception report for the DA Strategic Board, Q2 2026-27 & more",
  created: "2026-11-18T11:06:40.000Z",
  links: [
    { href: "#summary", text: "  Summary\n " },
    { href: "#summary", text: "Another summary link" },
    { href: "https://example.org/guide", text: "the guide" },
  ],
};

/** A one-page PDF whose structure and annotations look like Chromium's, with the clock's date and a random id. */
async function chromiumLike(clock: Date, id: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const page = doc.addPage([595, 842]);
  const ctx = doc.context;
  const link = (extra: Record<string, unknown>) => ctx.register(ctx.obj({ Type: "Annot", Subtype: "Link", Rect: [10, 10, 50, 20], Border: [0, 0, 0], ...extra }));
  const toSummary = link({ Dest: PDFName.of("summary") });
  const toGuide = link({ A: ctx.obj({ S: "URI", URI: PDFString.of("https://example.org/guide") }) });
  const toNowhere = link({ Dest: PDFName.of("exception-9") });
  page.node.set(PDFName.of("Annots"), ctx.obj([toSummary, toGuide, toNowhere]));
  const elem = (s: string, k: unknown, extra: Record<string, unknown> = {}) => ctx.register(ctx.obj({ Type: "StructElem", S: s, K: k, ...extra } as never));
  const inner = elem("Figure", 0, { Alt: PDFHexString.fromText("Homeless applications rose from 98 to 149."), Pg: page.ref });
  const caption = elem("P", 1, { Pg: page.ref });
  const outer = elem("Figure", ctx.obj([inner, caption]));
  const bare = elem("Figure", 2, { Pg: page.ref });
  const linkElem = elem("Link", ctx.obj([ctx.obj({ Type: "OBJR", Obj: toSummary, Pg: page.ref })]));
  const root = elem("Document", ctx.obj([outer, bare, linkElem]));
  doc.catalog.set(PDFName.of("StructTreeRoot"), ctx.register(ctx.obj({ Type: "StructTreeRoot", K: root })));
  doc.setTitle("Chromium's title");
  doc.setCreator("Chromium");
  doc.setProducer("Skia/PDF m156");
  doc.setCreationDate(clock);
  doc.setModificationDate(clock);
  ctx.trailerInfo.ID = ctx.obj([PDFHexString.of(id), PDFHexString.of(id)]);
  return doc.save({ useObjectStreams: false });
}

const load = (bytes: Uint8Array) => PDFDocument.load(bytes, { updateMetadata: false });
const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString("latin1");

function elems(doc: PDFDocument): PDFDict[] {
  const out: PDFDict[] = [];
  const walk = (o: unknown): void => {
    const v = o instanceof PDFRef ? doc.context.lookup(o) : o;
    if (v instanceof PDFArray) v.asArray().forEach(walk);
    else if (v instanceof PDFDict && v.get(PDFName.of("S"))) {
      out.push(v);
      walk(v.get(PDFName.of("K")));
    }
  };
  walk(doc.context.lookup(doc.catalog.get(PDFName.of("StructTreeRoot")), PDFDict).get(PDFName.of("K")));
  return out;
}

const role = (e: PDFDict) => (e.get(PDFName.of("S")) as PDFName).decodeText();
const textOf = (o: unknown) => (o instanceof PDFHexString || o instanceof PDFString ? o.decodeText() : undefined);

describe("finishPdf", () => {
  it("turns the Figure that holds a chart and its caption into a Div, and keeps the chart's Figure and Alt", async () => {
    const doc = await load(await finishPdf(await chromiumLike(new Date("2031-03-07T08:15:00Z"), "0123456789abcdef0123456789abcdef"), FACTS));
    expect(elems(doc).map(role)).toEqual(["Document", "Div", "Figure", "P", "Figure", "Link"]);
    const figures = elems(doc).filter((e) => role(e) === "Figure");
    expect(textOf(figures[0]!.get(PDFName.of("Alt")))).toBe("Homeless applications rose from 98 to 149.");
    // A figure with no alt text and nothing inside to read is left as it is, for the test of the demo to catch.
    expect(figures[1]!.has(PDFName.of("Alt"))).toBe(false);
  });

  it("describes every link with the words it shows, or says where it goes", async () => {
    const doc = await load(await finishPdf(await chromiumLike(new Date(), "00"), FACTS));
    const page = doc.getPages()[0]!;
    const annots = page.node
      .lookup(PDFName.of("Annots"), PDFArray)
      .asArray()
      .map((a) => doc.context.lookup(a, PDFDict));
    expect(annots.map((a) => textOf(a.get(PDFName.of("Contents"))))).toEqual(["Summary", "the guide", "Go to exception-9"]);
    expect(page.node.get(PDFName.of("Tabs"))).toBe(PDFName.of("S"));
  });

  it("writes the title, author, subject, language and the report's date, and shows the title", async () => {
    const doc = await load(await finishPdf(await chromiumLike(new Date("2031-03-07T08:15:00Z"), "00"), FACTS));
    expect(doc.getTitle()).toBe(FACTS.title);
    expect(doc.getAuthor()).toBe(FACTS.author);
    expect(doc.getSubject()).toBe(FACTS.subject);
    expect(doc.getLanguage()).toBe("en-GB");
    expect(doc.getCreationDate()?.toISOString()).toBe(FACTS.created);
    expect(doc.getModificationDate()?.toISOString()).toBe(FACTS.created);
    const prefs = doc.catalog.lookup(PDFName.of("ViewerPreferences"), PDFDict);
    expect(prefs.get(PDFName.of("DisplayDocTitle"))?.toString()).toBe("true");
    expect(doc.catalog.lookup(PDFName.of("MarkInfo"), PDFDict).get(PDFName.of("Marked"))?.toString()).toBe("true");
  });

  it("adds XMP metadata with the PDF/UA identifier, escaped", async () => {
    const out = latin1(await finishPdf(await chromiumLike(new Date(), "00"), FACTS));
    const xmp = out.slice(out.indexOf("<?xpacket begin"), out.indexOf("<?xpacket end"));
    expect(xmp).toContain("<pdfuaid:part>1</pdfuaid:part>");
    expect(xmp).toContain(`<rdf:li xml:lang="x-default">${FACTS.title}</rdf:li>`);
    expect(xmp).toContain("<dc:language><rdf:Bag><rdf:li>en-GB</rdf:li></rdf:Bag></dc:language>");
    expect(xmp).toContain("<dc:creator><rdf:Seq><rdf:li>Doncaster Domestic Abuse Partnership</rdf:li></rdf:Seq></dc:creator>");
    expect(xmp).toContain("Q2 2026-27 &amp; more");
    expect(xmp).toContain("<xmp:CreateDate>2026-11-18T11:06:40Z</xmp:CreateDate>");
    expect(xmp).toContain("<pdf:Producer>Skia/PDF m156</pdf:Producer>");
  });

  it("packs the objects into object streams", async () => {
    const out = latin1(await finishPdf(await chromiumLike(new Date(), "00"), FACTS));
    expect(out).toMatch(/\/Type \/ObjStm/);
    expect(out).toMatch(/\/Type \/XRef/);
  });

  it("gives the same bytes whatever the printing clock and id were, and another id for another report", async () => {
    const a = await finishPdf(await chromiumLike(new Date("2031-03-07T08:15:00Z"), "0123456789abcdef0123456789abcdef"), FACTS);
    const b = await finishPdf(await chromiumLike(new Date("2032-06-21T19:45:00Z"), "fedcba9876543210fedcba9876543210"), FACTS);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const idOf = (bytes: Uint8Array) =>
      latin1(bytes)
        .match(/\/ID \[ <([0-9a-f]{32})> <([0-9a-f]{32})> \]/)
        ?.slice(1);
    const id = idOf(a);
    expect(id?.[0]).toBe(id?.[1]);
    const other = await finishPdf(await chromiumLike(new Date(), "00"), { ...FACTS, title: "Another partnership's report" });
    expect(idOf(other)?.[0]).not.toBe(id?.[0]);
  });

  it("keeps the browser's date when the page names none", async () => {
    const doc = await load(await finishPdf(await chromiumLike(new Date("2031-03-07T08:15:00Z"), "00"), { ...FACTS, created: "" }));
    expect(doc.getCreationDate()?.toISOString()).toBe("2031-03-07T08:15:00.000Z");
  });

  it("finishes a PDF that has no structure tree or links", async () => {
    const plain = await PDFDocument.create({ updateMetadata: false });
    plain.addPage();
    const doc = await load(await finishPdf(await plain.save(), FACTS));
    expect(doc.getTitle()).toBe(FACTS.title);
    expect(doc.getPageCount()).toBe(1);
  });
});

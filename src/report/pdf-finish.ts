// The PDF as Chromium printed it -> the PDF the board receives: PDF/UA's metadata and descriptions
// added, the dates and document id made the report's own, and every object packed into compressed
// object streams. Chromium tags the page well but writes no XMP, leaves links undescribed and the
// <figure> around each chart without alt text, stamps the clock's time and a random id, and writes
// PDF 1.4, where half the file is the uncompressed tag tree. Pure: bytes and facts in, bytes out.
import { createHash } from "node:crypto";
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString, type PDFObject } from "@cantoo/pdf-lib";
import { pdfXmp } from "./pdf-xmp.js";

export interface PdfFacts {
  title: string;
  /** BCP 47, as the page's <html lang>. */
  lang: string;
  /** The partnership. */
  author: string;
  subject: string;
  /** ISO timestamp the report was produced (SOURCE_DATE_EPOCH when set), never the clock; "" for none. */
  created: string;
  /** Every link on the page, in page order: its target ("#id" or a URL) and the words it shows. */
  links: { href: string; text: string }[];
}

const name = (n: string) => PDFName.of(n);

// pdf-lib keeps one PDFName per name, so a name read from the file is the very object these are: the
// tree's thousands of elements are then told apart by identity, without decoding every name again
// (that decoding was a tenth of the finishing's CPU).
const S = name("S");
const K = name("K");
const FIGURE = name("Figure");
const ALT = name("Alt");
const ACTUAL_TEXT = name("ActualText");

/** A text string a reader sees: UTF-16 hex, so any character and no escaping question. */
const text = (s: string) => PDFHexString.fromText(s);

function asName(o: PDFObject | undefined): string | null {
  return o instanceof PDFName ? o.decodeText() : null;
}

function asText(o: PDFObject | undefined): string | null {
  return o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : null;
}

function deref(doc: PDFDocument, o: PDFObject | undefined): PDFObject | undefined {
  return o instanceof PDFRef ? doc.context.lookup(o) : o;
}

/** Every structure element under the tree's root (marked-content and object references are not). */
function structElems(doc: PDFDocument): PDFDict[] {
  const root = deref(doc, doc.catalog.get(name("StructTreeRoot")));
  if (!(root instanceof PDFDict)) return [];
  const found: PDFDict[] = [];
  const seen = new Set<PDFDict>();
  const stack: (PDFObject | undefined)[] = [root.get(K)];
  while (stack.length) {
    const o = deref(doc, stack.pop());
    if (o instanceof PDFArray) stack.push(...o.asArray());
    else if (o instanceof PDFDict && !seen.has(o) && o.get(S) instanceof PDFName) {
      seen.add(o);
      found.push(o);
      stack.push(o.get(K));
    }
  }
  return found;
}

function hasElemKids(doc: PDFDocument, elem: PDFDict): boolean {
  const k = deref(doc, elem.get(K));
  const kids = k instanceof PDFArray ? k.asArray().map((x) => deref(doc, x)) : [k];
  return kids.some((x) => x instanceof PDFDict && x.get(S) instanceof PDFName);
}

/**
 * Chromium tags both the <figure> and the chart inside it as Figure, with the chart's aria-label as
 * Alt on the inner one only. The outer one holds the chart and its caption, so it is a group, not an
 * image: alt text on it would hide the caption from a screen reader. It becomes a Div.
 */
function regroupFigures(doc: PDFDocument): void {
  for (const elem of structElems(doc)) {
    if (elem.get(S) !== FIGURE || elem.has(ALT) || elem.has(ACTUAL_TEXT)) continue;
    if (hasElemKids(doc, elem)) elem.set(S, name("Div"));
  }
}

/** A link annotation's target in the page's own terms: "#id" for a named destination, else the URL. */
function linkTarget(doc: PDFDocument, annot: PDFDict): string | null {
  const dest = deref(doc, annot.get(name("Dest")));
  const named = asName(dest) ?? asText(dest);
  if (named !== null) return `#${named}`;
  const action = deref(doc, annot.get(name("A")));
  if (action instanceof PDFDict) {
    const uri = asText(deref(doc, action.get(name("URI"))));
    if (uri !== null) return uri;
    const d = deref(doc, action.get(name("D")));
    const n = asName(d) ?? asText(d);
    if (n !== null) return `#${n}`;
  }
  return null;
}

/** PDF/UA wants a description on every link: the words the link shows on the page. */
function describeLinks(doc: PDFDocument, links: PdfFacts["links"]): void {
  const words = new Map<string, string>();
  for (const l of links) {
    const t = l.text.replace(/\s+/g, " ").trim();
    if (t && !words.has(l.href)) words.set(l.href, t);
  }
  for (const page of doc.getPages()) {
    const annots = deref(doc, page.node.get(name("Annots")));
    if (!(annots instanceof PDFArray)) continue;
    // Keyboard order follows the structure tree, as PDF/UA asks (Chromium sets it already).
    page.node.set(name("Tabs"), name("S"));
    for (const a of annots.asArray()) {
      const annot = deref(doc, a);
      if (!(annot instanceof PDFDict) || asName(annot.get(name("Subtype"))) !== "Link" || annot.has(name("Contents"))) continue;
      const target = linkTarget(doc, annot);
      const described = target === null ? "Link" : (words.get(target) ?? (target.startsWith("#") ? `Go to ${target.slice(1)}` : target));
      annot.set(name("Contents"), text(described));
    }
  }
}

// Sixteen bytes that stand in for the document id while the file is hashed, then give way to the hash.
const ID_PLACEHOLDER = Buffer.from("darep:pdf-id:tmp").toString("hex");

/**
 * The document id from the file's own bytes: the same report gives the same id, a changed one a new
 * id. Written in place of the placeholder, which has the same length, so no offset moves.
 */
function stampId(bytes: Uint8Array): Uint8Array {
  const out = Buffer.from(bytes);
  const placeholder = Buffer.from(`<${ID_PLACEHOLDER}>`, "latin1");
  const at: number[] = [];
  for (let i = out.indexOf(placeholder); i >= 0; i = out.indexOf(placeholder, i + 1)) at.push(i);
  if (at.length !== 2) throw new Error(`the PDF's document id was written ${at.length} times, not twice`);
  const id = createHash("sha256").update(out).digest("hex").slice(0, ID_PLACEHOLDER.length);
  for (const i of at) out.write(`<${id}>`, i, "latin1");
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

export async function finishPdf(printed: Uint8Array, facts: PdfFacts): Promise<Uint8Array> {
  // updateMetadata: false, or pdf-lib stamps its own name and the clock's time into the file.
  const doc = await PDFDocument.load(printed, { updateMetadata: false, parseSpeed: Infinity });
  doc.setTitle(facts.title, { showInWindowTitleBar: true });
  if (facts.author) doc.setAuthor(facts.author);
  if (facts.subject) doc.setSubject(facts.subject);
  doc.setLanguage(facts.lang);
  // A page that names no date of its own keeps the browser's.
  const named = new Date(facts.created);
  const created = Number.isNaN(named.getTime()) ? (doc.getCreationDate() ?? new Date(0)) : named;
  doc.setCreationDate(created);
  doc.setModificationDate(created);
  const markInfo = doc.context.obj({ Marked: true });
  doc.catalog.set(name("MarkInfo"), markInfo);
  const xmp = pdfXmp({ ...facts, created, producer: doc.getProducer() ?? "", creator: doc.getCreator() ?? "" });
  // Left uncompressed, as is usual for XMP, so that any tool can find and read it.
  const metadata = doc.context.stream(new TextEncoder().encode(xmp), { Type: "Metadata", Subtype: "XML" });
  doc.catalog.set(name("Metadata"), doc.context.register(metadata));
  regroupFigures(doc);
  describeLinks(doc, facts.links);
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(ID_PLACEHOLDER), PDFHexString.of(ID_PLACEHOLDER)]);
  // rewrite: the whole file anew (never Chromium's bytes plus an update), which is what packs it small.
  const saved = await doc.save({ rewrite: true, useObjectStreams: true, objectsPerTick: Infinity, updateFieldAppearances: false, addDefaultPage: false });
  return stampId(saved);
}

// The page's margin boxes (title, page numbers, marking): the words go in as CSS strings that cannot be
// broken out of, and the style goes where it wins and keeps the page in standards mode.
import { describe, expect, it } from "vitest";
import { cssString, drawsMarginBoxes, pageMarginStyle, pageTemplates, withPageMargins } from "../../src/report/page-margins.js";

describe("cssString", () => {
  it("keeps plain words as they are", () => {
    expect(cssString("Doncaster Partnership: exception report, 2026-27 Q2")).toBe('"Doncaster Partnership: exception report, 2026-27 Q2"');
  });

  it("escapes every character that could end the string or the style element", () => {
    const s = cssString('a"b\\c\nd</style><script>');
    expect(s).toBe('"a\\22 b\\5c c\\a d\\3c \\2f style\\3e \\3c script\\3e "');
    expect(s.slice(1, -1)).not.toMatch(/["\\\n<>](?![0-9a-f]+ )/);
  });
});

describe("withPageMargins", () => {
  const style = pageMarginStyle("T", null);

  it("adds the style last in the head, so that it wins over the page's own @page", () => {
    const html = "<!doctype html><html><head><style>@page { size: A4 }</style></head><body>x</body></html>";
    expect(withPageMargins(html, "T", null)).toBe(`<!doctype html><html><head><style>@page { size: A4 }</style>${style}</head><body>x</body></html>`);
  });

  it("puts it after the doctype in a page with no head (before it, the page would be in quirks mode)", () => {
    expect(withPageMargins("<!DOCTYPE html><p>x", "T", null)).toBe(`<!DOCTYPE html>${style}<p>x`);
    expect(withPageMargins("<p>x", "T", null)).toBe(`${style}<p>x`);
  });

  it("draws the title and page numbers at the foot, and the marking at the head and foot only when there is one", () => {
    expect(style).toContain('@bottom-left { content: "T";');
    expect(style).toContain('content: "Page " counter(page) " of " counter(pages);');
    expect(style).not.toContain("@top-center");
    const marked = pageMarginStyle("T", "OFFICIAL-SENSITIVE");
    expect(marked).toContain('@top-center { content: "OFFICIAL-SENSITIVE";');
    expect(marked).toContain('@bottom-center { content: "OFFICIAL-SENSITIVE";');
  });
});

describe("an older browser", () => {
  it("is told apart by its version: margin boxes from Chromium 131", () => {
    expect(drawsMarginBoxes("HeadlessChrome/156.0.8078.114")).toBe(true);
    expect(drawsMarginBoxes("Chrome/131.0.6778.85")).toBe(true);
    expect(drawsMarginBoxes("Chrome/130.0.6723.116")).toBe(false);
    expect(drawsMarginBoxes("Edg/120.0.2210.91")).toBe(false);
    expect(drawsMarginBoxes("something else")).toBe(false);
  });

  it("gets the same words as header and footer templates, escaped", () => {
    const t = pageTemplates("A & B <report>", "OFFICIAL-SENSITIVE");
    expect(t.headerTemplate).toContain(">OFFICIAL-SENSITIVE</div>");
    expect(t.footerTemplate).toContain("<span>A &amp; B &lt;report&gt;</span>");
    expect(t.footerTemplate).toContain('Page <span class="pageNumber"></span> of <span class="totalPages"></span>');
    expect(pageTemplates("T", null).headerTemplate).toBe("<div></div>");
  });
});

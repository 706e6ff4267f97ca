// What every printed page carries in its margins: the report's title and "Page n of m" at the foot,
// and a protective marking (when there is one) at the head and the foot of every page, as the
// Government Security Classifications ask. Drawn by CSS page margin boxes, which Chromium lays out
// with the page itself (Chrome 131 and later); the header and footer templates, kept for an older
// browser, cost a second render of a small page for every sheet.
import { escapeHtml } from "../words/index.js";

/** The report's page margins, matched by the margin boxes that sit in them. */
export const PAGE_MARGIN = { top: "15mm", bottom: "18mm", left: "15mm", right: "15mm" } as const;

/**
 * A CSS string that says exactly `s`: every character but letters, digits and a few plain marks is
 * written as a code point escape, so no quote, backslash, newline or `</style>` can end it early.
 */
export function cssString(s: string): string {
  let out = '"';
  for (const c of s) out += /[\p{L}\p{N} ,.:;()'&–—-]/u.test(c) ? c : `\\${c.codePointAt(0)!.toString(16)} `;
  return `${out}"`;
}

const FOOT = "font-family: Arial, Helvetica, sans-serif; font-size: 8pt; color: #444;";
const MARK = "font-family: Arial, Helvetica, sans-serif; font-weight: bold; letter-spacing: 0.05em; color: #000;";

/** The `<style>` element to add to the page's head before it prints. */
export function pageMarginStyle(title: string, marking: string | null): string {
  const m = PAGE_MARGIN;
  const rules = [
    `margin: ${m.top} ${m.right} ${m.bottom} ${m.left};`,
    `@bottom-left { content: ${cssString(title)}; ${FOOT} vertical-align: middle; }`,
    `@bottom-right { content: "Page " counter(page) " of " counter(pages); ${FOOT} vertical-align: middle; white-space: nowrap; }`,
  ];
  if (marking) {
    const mark = cssString(marking);
    rules.push(`@top-center { content: ${mark}; ${MARK} font-size: 9pt; vertical-align: middle; }`);
    // Centred and on one line; a long title beside it wraps in its half of the foot.
    rules.push(`@bottom-center { content: ${mark}; ${MARK} font-size: 8pt; vertical-align: middle; white-space: nowrap; }`);
  }
  return `<style>@page { ${rules.join(" ")} }</style>`;
}

/**
 * The page with its margins' style added last in its head (so it wins over the page's own @page), or,
 * in a page with no head, first after its doctype (before it, the page would be laid out in quirks mode).
 */
export function withPageMargins(html: string, title: string, marking: string | null): string {
  const style = pageMarginStyle(title, marking);
  const head = html.search(/<\/head\s*>/i);
  const at = head !== -1 ? head : (html.match(/^\s*<!doctype[^>]*>/i)?.[0].length ?? 0);
  return html.slice(0, at) + style + html.slice(at);
}

/** The first Chromium that draws CSS page margin boxes. */
const MARGIN_BOXES_SINCE = 131;

/** Whether the browser that says this version ("HeadlessChrome/156.0.8078.114", "Edg/120...") draws margin boxes. */
export function drawsMarginBoxes(version: string): boolean {
  const major = Number(version.match(/\/(\d+)\./)?.[1]);
  return Number.isFinite(major) && major >= MARGIN_BOXES_SINCE;
}

// For an older browser: the same words as header and footer templates. Chromium draws them at a zero
// font size unless told otherwise, and an empty template would bring back its default header (date and
// title), hence the empty div.
const MARK_INLINE = "font-weight:bold;letter-spacing:0.05em;color:#000";

/** puppeteer's headerTemplate and footerTemplate with the same words as the margin boxes. */
export function pageTemplates(title: string, marking: string | null): { headerTemplate: string; footerTemplate: string } {
  const font = "font-family:Arial,Helvetica,sans-serif";
  return {
    headerTemplate: marking ? `<div style="font-size:9pt;${font};width:100%;text-align:center;${MARK_INLINE}">${escapeHtml(marking)}</div>` : "<div></div>",
    footerTemplate:
      `<div style="font-size:8pt;${font};color:#444;width:100%;margin:0 15mm;display:flex;justify-content:space-between;gap:4mm">` +
      `<span>${escapeHtml(title)}</span>${marking ? `<span style="${MARK_INLINE}">${escapeHtml(marking)}</span>` : ""}` +
      `<span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
  };
}

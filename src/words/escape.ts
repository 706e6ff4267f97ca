// Escaping for the markup darep writes by string: HTML, XML (SVG charts, JUnit) and markdown
// (status for an email or ticket, the GitHub job summary). Text from files and config is hostile
// until escaped: it must never become markup, a link, an image, emphasis or a table break.
import { showControls } from "./characters.js";

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text safe in an HTML element or a double- or single-quoted attribute. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Characters XML 1.0 cannot carry at all (most controls, lone surrogates). */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text safe in XML content, or (attribute = true) in a quoted attribute value. What XML cannot
 * carry becomes U+FFFD, so the document always parses.
 */
export function escapeXml(s: string, attribute = false): string {
  const text = s
    .replace(NOT_XML, "\ufffd")
    .replace(/[&<>"']/g, (c) => ENTITIES[c]!)
    .replace(/\r/g, "&#13;");
  // Line breaks and tabs in an attribute would be read back as spaces: write them as references.
  return attribute ? text.replace(/\n/g, "&#10;").replace(/\t/g, "&#9;") : text;
}

/**
 * Text safe in a markdown table cell, list item or heading (CommonMark and GitHub's extensions):
 * one line; & < > as entities (no HTML, no <autolink>); every character that opens emphasis, code,
 * a link, an image, a table cell, strikethrough, a heading or math backslash-escaped; "http://" and
 * "www." broken so GitHub does not make them links; a leading "- ", "+ " or "1. " kept from starting
 * a list (a figure such as "-2" is left alone); controls and bidi characters shown as \uXXXX.
 */
export function escapeMarkdown(s: string): string {
  const text = s
    .replace(/[\r\n\u2028\u2029]+/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_[\]|#~!$])/g, "\\$1")
    .replace(/:(?=\/\/)/g, "\\:")
    .replace(/\b(www)\./gi, "$1\\.")
    .replace(/^(\s*)([-+])(?=\s|$)/, "$1\\$2")
    .replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, "$1\\$2");
  return showControls(text);
}

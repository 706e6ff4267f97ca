// Escaping for the markup the report builds by string (the SVG charts): every character that could
// end a text node or an attribute value is replaced, so report text can never become markup.

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text safe inside an element or a double- or single-quoted attribute. */
export function escapeXml(s: string): string {
  // Control characters other than tab and newline are not allowed in XML at all.
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "").replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

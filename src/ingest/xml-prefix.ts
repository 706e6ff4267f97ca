// A workbook part written with a namespace prefix on every element (`<x:worksheet xmlns:x="...">`,
// as Microsoft's Open XML SDK writes it) -> the same part with the prefix dropped, the form exceljs
// reads (exceljs matches element names literally: exceljs issue #1437). The XML means the same.
// Parts are handled as latin1 strings so every byte comes back unchanged.

const SPREADSHEET_ML = ["http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main"];

/** The root element's name and its attributes' text, skipping the XML declaration and comments. */
const ROOT = /^(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)*<([A-Za-z_][\w.-]*):([A-Za-z_][\w.-]*)([^>]*)>/;

/** Drop the root's namespace prefix from every element of that prefix, or return null when the part has none. */
export function dropRootPrefix(xml: string): string | null {
  const root = ROOT.exec(xml);
  if (!root) return null;
  const [, prefix, , attributes = ""] = root;
  // Only when the prefix is declared on the root and no default namespace is (which the bare names would then take).
  // Only SpreadsheetML's own parts (transitional or strict), when the prefix is declared on the root
  // and no default namespace is (which the bare names would then take). Other parts keep their prefixes:
  // exceljs reads `cp:coreProperties` with them.
  const declared = new RegExp(`\\sxmlns:${prefix}\\s*=\\s*"([^"]*)"`).exec(attributes)?.[1] ?? "";
  if (!SPREADSHEET_ML.includes(declared) || /\sxmlns\s*=/.test(attributes)) return null;
  return xml.replace(new RegExp(`<(/?)${prefix}:`, "g"), "<$1").replace(new RegExp(`(\\s)xmlns:${prefix}(\\s*=)`), "$1xmlns$2");
}

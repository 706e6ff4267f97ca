// What a workbook's parts say before exceljs reads them: which part holds which sheet (and whether
// it is hidden), how many shared strings there are, and whether the file carries macros. Read from
// the XML text directly (latin1 strings, prefixes already dropped), so these facts do not depend on
// how exceljs handles a file it half understands.

export interface SheetPart {
  name: string;
  /** The zip entry, e.g. "xl/worksheets/sheet1.xml". */
  path: string;
  hidden: boolean;
}

const attr = (tag: string, name: string): string | undefined =>
  new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)
    .exec(tag)
    ?.slice(1)
    .find((v) => v !== undefined);

/** XML's five entities, as sheet names and targets may hold them. */
const unescapeXml = (s: string) => s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[e]!);

/** "worksheets/sheet1.xml" relative to xl/workbook.xml -> "xl/worksheets/sheet1.xml" (an absolute target starts with /). */
function resolveTarget(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = ["xl"];
  for (const p of target.split("/")) {
    if (p === "..") parts.pop();
    else if (p !== "." && p !== "") parts.push(p);
  }
  return parts.join("/");
}

/** The sheets in workbook order, with their parts; `text(path)` gives an entry's text or undefined. */
export function sheetParts(text: (path: string) => string | undefined): SheetPart[] {
  const workbook = text("xl/workbook.xml") ?? "";
  const rels = text("xl/_rels/workbook.xml.rels") ?? "";
  const targets = new Map<string, string>();
  for (const [tag] of rels.matchAll(/<(?:[\w.-]+:)?Relationship\s[^>]*>/g)) {
    const id = attr(tag, "Id");
    const target = attr(tag, "Target");
    if (id && target) targets.set(id, resolveTarget(unescapeXml(target)));
  }
  const sheets: SheetPart[] = [];
  for (const [tag] of workbook.matchAll(/<sheet\s[^>]*>/g)) {
    const name = unescapeXml(attr(tag, "name") ?? "");
    const id = attr(tag, "r:id") ?? /\s[\w.-]+:id\s*=\s*"([^"]*)"/.exec(tag)?.[1];
    const path = id ? targets.get(id) : undefined;
    const state = attr(tag, "state");
    if (path) sheets.push({ name, path, hidden: state === "hidden" || state === "veryHidden" });
  }
  return sheets;
}

/** How many shared strings the workbook holds (its <si> items). */
export function sharedStringCount(sst: string | undefined): number {
  if (!sst) return 0;
  let n = 0;
  for (const _ of sst.matchAll(/<si[\s>/]/g)) n++;
  return n;
}

/** Whether the workbook carries a macro project (a .xlsm renamed .xlsx, or one saved with macros). */
export function hasMacros(entries: readonly string[], contentTypes: string | undefined): boolean {
  return entries.some((e) => /(^|\/)vbaProject\.bin$/i.test(e)) || /macroEnabled/i.test(contentTypes ?? "");
}

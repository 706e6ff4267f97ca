// The analyst's commentary (markdown source) and agencies' notes as plain text blocks: paragraphs
// and simple bullet lists. Markdown's markup is taken off, never turned into HTML, so nothing in a
// commentary can become a tag, a link or a request; the templates escape every word.

export interface TextBlock {
  /** A paragraph's text; empty for a list. */
  text: string;
  /** A list's items; empty for a paragraph. */
  items: string[];
  ordered: boolean;
}

const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}\d{1,3}[.)]\s+(.*)$/;
const HEADING = /^\s{0,3}#{1,6}\s+(.*?)[\s#]*$/;
const FENCE = /^\s{0,3}(```|~~~)/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;

/** Inline markdown to words: **bold**, _em_, `code`, [text](url) -> "text (url)", <tag> and images dropped. */
export function inlineText(s: string): string {
  return s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\(([^)\s]+)[^)]*\)/g, (_m, text: string, url: string) => (text === url ? text : `${text} (${url})`))
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, "$2")
    .replace(/(^|[^\w*])[*_](?=\S)([^*_]+?)(?<=\S)[*_](?![\w*])/g, "$1$2")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

/** Split markdown into paragraphs and lists, as plain text. */
export function markdownBlocks(source: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let para: string[] = [];
  let list: { items: string[]; ordered: boolean } | null = null;
  const flush = () => {
    if (para.length) blocks.push({ text: inlineText(para.join(" ")), items: [], ordered: false });
    if (list) blocks.push({ text: "", items: list.items.map(inlineText), ordered: list.ordered });
    para = [];
    list = null;
  };
  for (const raw of source.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/)) {
    const line = raw.replace(/^\s{0,3}>\s?/, "");
    if (!line.trim() || FENCE.test(line) || RULE.test(line)) {
      flush();
      continue;
    }
    const heading = HEADING.exec(line);
    const item = BULLET.exec(line) ?? NUMBERED.exec(line);
    if (heading) {
      flush();
      para.push(heading[1] ?? "");
      flush();
    } else if (item) {
      const ordered = NUMBERED.test(line);
      if (para.length || (list && list.ordered !== ordered)) flush();
      list ??= { items: [], ordered };
      list.items.push(item[1] ?? "");
    } else if (list && /^\s+\S/.test(line)) {
      list.items[list.items.length - 1] += ` ${line.trim()}`;
    } else {
      if (list) flush();
      para.push(line.trim());
    }
  }
  flush();
  return blocks.filter((b) => b.text || b.items.some(Boolean));
}

/** An agency's note: plain text kept as written, split into paragraphs at blank lines. */
export function noteParagraphs(note: string): string[] {
  return note
    .split(/(?:\r\n|\r|\n)\s*(?:\r\n|\r|\n)/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter(Boolean);
}

// The analyst's commentary (commentary/<year>-<quarter>.md), split into one section per indicator.
// A section starts at a heading whose first word is a reference ("## PM3", "## PM3 – Title",
// "### pm3") and runs to the next heading of the same or a higher level. Other headings ("# Summary")
// are not sections, but they still end the one before them. Headings inside ``` fences are text.
// A first word counts as a reference only when its letters are those of some framework reference
// ("PM"), so "## Q2 highlights" or "## P1.5 actions" are ordinary headings, not unknown indicators.
import { issue } from "../issues/catalogue.js";
import type { Issue } from "../types.js";

export interface Commentary {
  /** Section text by upper-case reference; two sections for one reference are joined. */
  sections: Map<string, string>;
  issues: Issue[];
}

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/;
const REF_FIRST = /^([a-z]{1,8}[0-9]{1,4}[a-z]?)(?=$|[\s:.,;–—-])/i;
const FENCE = /^ {0,3}(```|~~~)/;

const prefixOf = (ref: string) => /^[A-Za-z]*/.exec(ref)![0].toUpperCase();

/**
 * `knownRefs` are the framework's references. A section for an unknown one is a warning
 * (`unknown-commentary`) located at its heading's line, and is left out.
 */
export function parseCommentary(source: string, file: string, knownRefs: readonly string[]): Commentary {
  const known = new Set(knownRefs.map((r) => r.toUpperCase()));
  const prefixes = new Set(knownRefs.map(prefixOf));
  const lines = source.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const sections = new Map<string, string>();
  const issues: Issue[] = [];
  let open: { ref: string | null; level: number; body: string[] } | null = null;
  let fence: string | null = null;

  const close = () => {
    if (!open?.ref) return;
    const text = open.body.join("\n").trim();
    if (!text) return;
    const before = sections.get(open.ref);
    sections.set(open.ref, before ? `${before}\n\n${text}` : text);
  };

  lines.forEach((line, i) => {
    const f = FENCE.exec(line);
    if (f) fence = fence === null ? f[1]! : fence === f[1] ? null : fence;
    const h = fence === null && !f ? HEADING.exec(line) : null;
    if (!h) {
      open?.body.push(line);
      return;
    }
    const level = h[1]!.length;
    const word = REF_FIRST.exec(h[2]!)?.[1]?.toUpperCase();
    const ref = word !== undefined && prefixes.has(prefixOf(word)) ? word : null;
    if (ref === null && open && level > open.level) {
      open.body.push(line); // a sub-heading inside a section is part of it
      return;
    }
    close();
    if (ref !== null && !known.has(ref)) {
      issues.push(
        issue("unknown-commentary", { file, row: i + 1 }, `The commentary has a section for ${ref}, which is not an indicator in the framework.`, {
          indicator: ref,
          found: h[2]!.trim(),
        }),
      );
      open = { ref: null, level, body: [] };
      return;
    }
    open = { ref, level, body: [] };
  });
  close();
  return { sections, issues };
}

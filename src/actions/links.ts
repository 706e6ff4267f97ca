// The references an action's measures name ("Analysis of PM1- PM8, PM20, PM21", "PM26-29, QA11,")
// -> the indicators and assurance items it is meant to move. Pure. Every spelling in the seed's
// action plan is read: single references, lists with commas, spaces or "and", and ranges written
// PM20-PM25, PM26-29, PM1- PM8, PM1 – PM9 (en dash, spaces) or PM1 to PM8. What looks like a
// reference but cannot be read (a range running backwards, mixing kinds, with no end, or absurdly
// long) is given back as unreadable, never guessed at.

export interface ParsedReferences {
  /** Upper-case references, ranges expanded, each once, in the order first named. */
  refs: string[];
  /** The fragments that look like references but could not be read, as written. */
  unreadable: string[];
}

/** A range longer than this is a slip of the keyboard (PM1-PM199), not a list of indicators. */
export const MAX_RANGE = 60;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Read the references in `text` whose letters are one of `prefixes` (e.g. ["PM", "QA"]).
 * Letters are matched in any case; numbers lose leading zeros (PM03 is PM3).
 */
export function parseReferences(text: string, prefixes: readonly string[]): ParsedReferences {
  const refs: string[] = [];
  const unreadable: string[] = [];
  if (prefixes.length === 0) return { refs, unreadable };
  const alt = [...prefixes]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join("|");
  // prefix, number, optional suffix letter; then an optional range end: a dash (hyphen, en or em
  // dash, with or without spaces) or "to", and a number with or without the prefix.
  const pattern = new RegExp(`\\b(${alt}) ?0*(\\d+)([a-z]?)\\b(?:(\\s*[-\\u2013\\u2014]\\s*|\\s+to\\s+)(?:(${alt}) ?)?0*(\\d+)\\b)?(\\s?[-\\u2013\\u2014](?!\\s*\\d))?`, "gi");
  const add = (ref: string) => {
    if (!refs.includes(ref)) refs.push(ref);
  };
  for (const m of text.matchAll(pattern)) {
    const prefix = m[1]!.toUpperCase();
    const from = Number(m[2]);
    const suffix = m[3] ?? "";
    const endPrefix = m[5]?.toUpperCase();
    const to = m[6] === undefined ? null : Number(m[6]);
    // "PM1-" with nothing after it: the dash is stuck to the reference, so a range was meant.
    if (to === null && m[7] !== undefined && !/^\s/.test(m[7])) {
      unreadable.push(m[0].trim());
      continue;
    }
    if (to === null) {
      add(`${prefix}${from}${suffix}`);
      continue;
    }
    const bad = suffix !== "" || (endPrefix !== undefined && endPrefix !== prefix) || to < from || to - from > MAX_RANGE;
    if (bad) {
      unreadable.push(m[0].trim());
      continue;
    }
    for (let n = from; n <= to; n++) add(`${prefix}${n}`);
  }
  return { refs, unreadable };
}

/** The letters of a framework's references: ["PM"] for PM1-PM38, ["QA"] for QA1-QA20. */
export function prefixesOf(refs: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const r of refs) {
    const m = /^([A-Za-z]+)\d/.exec(r);
    if (m) out.add(m[1]!.toUpperCase());
  }
  return [...out];
}

// Page 1's reason for each figure, in a few plain words a board member reads at a glance ("rising
// for nine quarters in a row", "above its usual range"): no limits, tolerances or rule names. The
// exception cards keep the full reasons.
import type { Result } from "../report-contract/schema.js";
import { formatFigure } from "../words/index.js";

type Why = Pick<Result, "status" | "spc" | "reading" | "target" | "unit" | "agencyName" | "decidedBy" | "change" | "record">;

const RULE_WORDS: Record<string, { high: string; low: string }> = {
  "beyond-limits": { high: "above its usual range", low: "below its usual range" },
  "run-of-seven": { high: "a long run above its average", low: "a long run below its average" },
  "trend-of-seven": { high: "rising quarter after quarter", low: "falling quarter after quarter" },
  "two-of-three-near-limit": { high: "near the top of its usual range, again", low: "near the bottom of its usual range, again" },
};

/** "the ninth rise in a row" is already plain; a reading that quotes limits is not. */
const plainReading = (reading: string | null | undefined) => (reading && /in a row$/.test(reading) && !/\d/.test(reading) ? reading : null);

function signalWords(r: Why): string | null {
  const mark = r.spc?.marks?.[r.spc.marks.length - 1] ?? null;
  if (!mark) return null;
  if (mark.rule === "trend-of-seven") {
    const said = plainReading(r.reading);
    if (said) return said;
  }
  return RULE_WORDS[mark.rule]?.[mark.side] ?? null;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function whyInWords(r: Why): string {
  const record = r.record === "high" ? "; the highest on record" : r.record === "low" ? "; the lowest on record" : "";
  switch (r.status) {
    case "missing":
      return `No figure: the return from ${r.agencyName} has not come in`;
    case "invalid":
      return `No figure: the return from ${r.agencyName} has errors`;
    case "suppressed":
      return "Withheld to protect people who could be identified";
    case "off-track":
    case "on-track": {
      const t = r.target;
      const way = r.status === "off-track" ? "Behind its target" : "Meeting its target";
      return t && t.actualToDate !== null ? `${way}: ${formatFigure(t.actualToDate, r.unit)} so far against ${formatFigure(t.toDate, r.unit)} by now` : way;
    }
    case "worsening":
    case "improving": {
      const signal = r.decidedBy === "limits" ? signalWords(r) : null;
      if (signal) return capital(signal) + record;
      const way = (r.change ?? 0) >= 0 ? "A bigger rise" : "A bigger fall";
      if (r.decidedBy === "year") return `${r.status === "worsening" ? "Worse" : "Better"} than a year ago, beyond chance`;
      return `${way} than chance would give${record}`;
    }
    default:
      return capital(plainReading(r.reading) ?? "within its usual ups and downs");
  }
}

// A series as its measure is reported, before it is judged: a six-monthly or annual figure's own
// points (Q2 and Q4; Q4), so that "last time" is its previous due period and process limits count its
// own points; and a year-to-date figure turned into each period's own figure (the first period of the
// year as given, each later one the difference), so that April's reset is no fall.
import { isDue } from "../framework/frequency.js";
import type { Frequency } from "../framework/schema.js";
import { tidy } from "./compare.js";
import type { HistoryPoint } from "./history.js";

/** Only the quarters a figure of this frequency is due in. */
export function ownPoints(history: readonly HistoryPoint[], frequency: Frequency): HistoryPoint[] {
  return frequency === "quarterly" ? [...history] : history.filter((p) => isDue(frequency, p.quarter));
}

/**
 * Each period's own figure from year-to-date totals. A year's first point on record is taken as its
 * own period only when it is the year's first due period; a later period whose earlier total is not
 * on record (a gap, [c], [x]) cannot be worked out, and reads as a gap. A symbol stays with its point.
 */
export function fromYearToDate(history: readonly HistoryPoint[], firstDue: HistoryPoint["quarter"]): HistoryPoint[] {
  return history.map((p, i) => {
    if (p.value === null) return p;
    if (p.quarter === firstDue) return p;
    const before = history[i - 1];
    if (!before || before.year !== p.year || before.value === null) return { ...p, value: null, symbol: null, gap: true };
    return { ...p, value: tidy(p.value - before.value) };
  });
}

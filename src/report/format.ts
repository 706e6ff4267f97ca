// Quarters as the board reads them: "Q3 2023-24", "Quarter 2", "23/24" on a chart's axis. Numbers,
// changes and dates are in words/, shared with the sentences, the chase list and the templates.
import type { Result } from "../report-contract/schema.js";
import { formatFigure } from "../words/index.js";

/** "Q3 2023-24". */
export function quarterLong(p: { year: string; quarter: string }): string {
  return `${p.quarter} ${p.year}`;
}

/** "Quarter 2". */
export function quarterWord(quarter: string): string {
  return `Quarter ${quarter.slice(1)}`;
}

/** "23/24" from "2023-24", for the chart's axis; the label itself when it is not a year. */
export function yearShort(year: string): string {
  const m = /^\d{2}(\d{2})-(\d{2})$/.exec(year);
  return m ? `${m[1]}/${m[2]}` : year;
}

/**
 * A result's figure `back` quarters before its latest (0: this quarter), as the tables show it: a
 * withheld one ([c], by the agency or by disclosure control) says so instead of "no figure".
 */
export function figureOf(r: Pick<Result, "history" | "unit">, n: number | null, back: number): string {
  const p = r.history[r.history.length - 1 - back];
  return n === null && p?.symbol === "c" ? "[c] withheld" : formatFigure(n, r.unit);
}

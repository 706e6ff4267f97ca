// The analyst's check before the board meets (`darep build --check`): what still needs doing in a
// quarter's report. Pure: a judged report in, a list out. Two kinds of gap:
// - an exception the board will read with no analyst's commentary (moves and targets only: a figure
//   that cannot be judged because its return is missing or has errors is chased by `darep status`,
//   and the report already says why it has no figure);
// - a figure the validator warned moved suddenly, whose agency gave no note to explain it.
import type { Report, Result } from "../report-contract/schema.js";
import { chartSubject } from "./chart-words.js";

export interface CheckItem {
  kind: "exception-without-commentary" | "sudden-change-without-note";
  indicator: string;
  agency: string;
  /** "PM3 Repeat Hub referrals, from City of Doncaster Council". */
  figure: string;
  /** What to do, in one sentence. */
  todo: string;
}

const judged = (r: Result) => r.status !== "missing" && r.status !== "invalid";
const name = (r: Result) => `${r.indicator} ${chartSubject(r)}, from ${r.agencyName}`;

export function preBoardCheck(report: Report): CheckItem[] {
  const items: CheckItem[] = [];
  const byKey = new Map(report.results.map((r) => [r.key, r]));
  const said = new Set<string>();
  for (const key of report.exceptions) {
    const r = byKey.get(key);
    if (!r || !judged(r) || r.commentary || said.has(r.indicator)) continue;
    said.add(r.indicator);
    items.push({
      kind: "exception-without-commentary",
      indicator: r.indicator,
      agency: r.agency,
      figure: name(r),
      todo: `Add a "## ${r.indicator}" section to commentary/${report.year}-${report.quarter}.md: the board will ask why.`,
    });
  }
  for (const r of report.results) {
    if (r.note || !r.reasons.some((x) => x.code === "sudden-change")) continue;
    items.push({
      kind: "sudden-change-without-note",
      indicator: r.indicator,
      agency: r.agency,
      figure: name(r),
      todo: `Ask ${r.agencyName} to check the figure and say why it moved in the note column of their return.`,
    });
  }
  return items;
}

// Page 1's view: the summary, each item needing attention with its change, its reason in plain words
// and its Making Data Count icons, what went well, and how to read the statuses and icons. One way of
// counting runs through the page: an item is one measure of one agency, its categories with it.
import type { Report, Result } from "../report-contract/schema.js";
import { chartSubject } from "./chart-words.js";
import { figureOf, quarterLong, quarterWord } from "./format.js";
import { assuranceIcon, assuranceOf, variationIcon, variationOf, type IconView } from "./icons.js";
import { STATUS_ORDER, statusLook } from "./status.js";
import { byMeasure, rankedExceptions, statusView } from "./view-exceptions.js";
import type { CoverView, GlanceRow } from "./view-types.js";
import { whyInWords } from "./why-words.js";
import { dateInWords, formatChange, plural } from "../words/index.js";

/** The board's items: one per measure of an agency, headed by its worst-ranked exception, else its total. */
export function measureItems(report: Report): { head: Result; results: Result[] }[] {
  const groups = new Map<string, Result[]>();
  for (const r of report.results) {
    const key = `${r.agency}/${r.indicator}/${r.measure}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((results) => {
    const ranked = results.filter((r) => r.rank !== null).sort((a, b) => a.rank! - b.rank!);
    return { head: ranked[0] ?? results.find((r) => r.category === null) ?? results[0]!, results };
  });
}

const absent = (r: Result) => r.status === "missing" || r.status === "invalid";

function icons(r: Result): { variation: IconView | null; assurance: IconView | null } {
  const v = variationOf(r);
  const a = assuranceOf(r);
  return { variation: v ? variationIcon(v) : null, assurance: a ? assuranceIcon(a) : null };
}

function row(r: Result, rank: string, others: number): GlanceRow {
  return {
    rank,
    anchor: `exception-${rank}`,
    // The measure's own words: one indicator often holds several figures (PM37 has five).
    figure: `${r.indicator} ${chartSubject(r)}${others ? ` (and ${plural(others, "other category", "other categories")})` : ""}`,
    value: figureOf(r, r.value, 0),
    change: formatChange(r.change, r.changePercent, r.previous, r.value, r.unit),
    why: whyInWords(r),
    ...icons(r),
    status: statusView(r),
  };
}

/**
 * The figures of one indicator from one agency that cannot be judged for the same reason (a return
 * missing) are one line: "PM37 ...: 5 figures", numbered 5-9, so page 1 is not a list of "no figure".
 */
function gathered(groups: { r: Result; rank: string }[][]): GlanceRow[] {
  const rows: GlanceRow[] = [];
  let run: { r: Result; rank: string }[] = [];
  const flush = () => {
    if (!run.length) return;
    const [first, last] = [run[0]!, run[run.length - 1]!];
    if (run.length === 1) rows.push(row(first.r, first.rank, 0));
    else rows.push({ ...row(first.r, `${first.rank}–${last.rank}`, 0), anchor: `exception-${first.rank}`, figure: `${first.r.indicator} ${first.r.indicatorTitle}: ${plural(run.length, "figure")}` });
    run = [];
  };
  for (const group of groups) {
    const head = group[0]!;
    const prev = run[run.length - 1]?.r;
    if (group.length === 1 && absent(head.r) && (!prev || (prev.agency === head.r.agency && prev.indicator === head.r.indicator && prev.status === head.r.status))) run.push(head);
    else {
      flush();
      if (group.length === 1 && absent(head.r)) run.push(head);
      else rows.push(row(head.r, head.rank, group.length - 1));
    }
  }
  flush();
  return rows;
}

function iconKey(rows: GlanceRow[]): IconView[] {
  const seen = new Map<string, IconView>();
  for (const r of rows) for (const icon of [r.variation, r.assurance]) if (icon) seen.set(icon.label, icon);
  return [...seen.values()];
}

export function coverView(report: Report): CoverView {
  const s = report.summary;
  const problems = [s.returnsMissing ? `${s.returnsMissing} missing` : "", s.returnsInvalid ? `${s.returnsInvalid} with errors` : ""].filter(Boolean);
  const items = measureItems(report);
  const counts = new Map<string, number>();
  for (const { head } of items) counts.set(head.status, (counts.get(head.status) ?? 0) + 1);
  const measures = byMeasure(rankedExceptions(report));
  const glance = gathered(measures);
  // What went well: the items moving the wanted way beyond chance, or on target, none of them an exception.
  const wentWell = items
    .filter(({ head }) => (head.status === "improving" || head.status === "on-track") && !head.exception)
    .slice(0, 6)
    .map(({ head, results }) => row(head, "", results.filter((r) => r !== head && r.status === head.status).length));
  return {
    heading: "Exception report",
    partnership: report.partnership,
    board: `For the ${report.board}`,
    quarter: `${quarterWord(report.quarter)} of ${report.year}`,
    dates: `${dateInWords(report.period.start)} to ${dateInWords(report.period.end)}`,
    facts: [
      { label: "Period", value: quarterLong(report) },
      { label: "Returns received", value: `${s.returnsReceived + s.returnsInvalid} of ${s.returnsExpected}${problems.length ? ` (${problems.join(", ")})` : ""}` },
      { label: "Data last received", value: s.lastReceived ? dateInWords(s.lastReceived) : "no return received" },
      { label: "Figures needing attention", value: `${measures.length} of ${items.length}` },
      { label: "Report produced", value: dateInWords(report.generatedAt) },
    ],
    summary: s.text,
    counting: `(a figure is one measure from one agency, its breakdown by category part of it: ${plural(items.length, "figure")} in all)`,
    glance,
    wentWell,
    iconKey: iconKey([...glance, ...wentWell]),
    legend: STATUS_ORDER.filter((st) => counts.has(st)).map((st) => {
      const look = statusLook(st);
      return { status: { word: look.word, shape: look.shape, css: look.css }, count: String(counts.get(st)), meaning: look.meaning };
    }),
    disclosure: report.disclosure ? { text: report.disclosure.statement, off: report.disclosure.applyTo === "none" } : null,
  };
}

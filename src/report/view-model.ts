// Report -> the plain data the templates print. Every formatting decision is made here (numbers,
// dates in words, status words and shapes, grouping by theme), so the templates only print and
// loop. Pure: the same report gives the same view, with no clock and no random ids.
import { chartSubject } from "./chart-words.js";
import type { Report, Result } from "../report-contract/schema.js";
import { dateInWords, formatChange, momentInWords, plural } from "../words/index.js";
import { figureOf, quarterLong, quarterWord } from "./format.js";
import { STATUS_ORDER, statusLook } from "./status.js";
import { actionsView, assuranceView } from "./view-actions.js";
import { dataQualityView } from "./view-data-quality.js";
import { byMeasure, exceptionsView, rankedExceptions, statusView } from "./view-exceptions.js";
import type { CoverView, IndicatorRow, ReportView, SourcesView, ThemeView } from "./view-types.js";

export type { ReportView } from "./view-types.js";

export const SECTIONS = [
  { anchor: "summary", label: "Summary" },
  { anchor: "exceptions", label: "Exceptions" },
  { anchor: "data-quality", label: "Data quality: the chase list" },
  { anchor: "action-plan", label: "Action plan" },
  { anchor: "assurance", label: "Quality assurance" },
  { anchor: "all-indicators", label: "All indicators" },
  { anchor: "sources", label: "Sources" },
] as const;

export function reportTitle(report: Report): string {
  return `${report.partnership}: exception report, ${report.year} ${report.quarter}`;
}

function cover(report: Report): CoverView {
  const s = report.summary;
  const problems = [s.returnsMissing ? `${s.returnsMissing} missing` : "", s.returnsInvalid ? `${s.returnsInvalid} with errors` : ""].filter(Boolean);
  const counts = new Map<string, number>();
  for (const r of report.results) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  return {
    heading: "Exception report",
    partnership: report.partnership,
    board: `For the ${report.board}`,
    quarter: `${quarterWord(report.quarter)} of ${report.year}`,
    dates: `${dateInWords(report.period.start)} to ${dateInWords(report.period.end)}`,
    facts: [
      { label: "Period", value: `${quarterLong(report)}: ${dateInWords(report.period.start)} to ${dateInWords(report.period.end)}` },
      { label: "Returns received", value: `${s.returnsReceived + s.returnsInvalid} of ${s.returnsExpected}${problems.length ? ` (${problems.join(", ")})` : ""}` },
      { label: "Data last received", value: s.lastReceived ? dateInWords(s.lastReceived) : "no return received" },
      { label: "Figures needing attention", value: `${s.exceptions} of ${report.results.length}` },
      { label: "Report produced", value: dateInWords(report.generatedAt) },
    ],
    summary: s.text,
    // One line per measure, as the exceptions section gives one card per measure: the categories of
    // one breakdown are one item for the board (the card lists them).
    glance: byMeasure(rankedExceptions(report)).map(([first, ...rest]) => ({
      rank: first!.rank,
      anchor: `exception-${first!.rank}`,
      // The measure's own words: one indicator often holds several figures (PM37 has five).
      figure: `${first!.r.indicator} ${chartSubject(first!.r)}${rest.length ? ` (and ${plural(rest.length, "other category", "other categories")})` : ""}`,
      value: figureOf(first!.r, first!.r.value, 0),
      status: statusView(first!.r),
    })),
    legend: STATUS_ORDER.filter((st) => counts.has(st)).map((st) => {
      const look = statusLook(st);
      return { status: { word: look.word, shape: look.shape, css: look.css }, count: String(counts.get(st)), meaning: look.meaning };
    }),
    disclosure: report.disclosure ? { text: report.disclosure.statement, off: report.disclosure.applyTo === "none" } : null,
  };
}

function rowLabel(r: Result, agencies: number): string {
  const what = r.categoryLabel ? `${r.measureLabel}: ${r.categoryLabel}` : r.measureLabel;
  return agencies > 1 ? `${what} (${r.agencyName})` : what;
}

function themes(report: Report): ThemeView[] {
  const reporters = new Map<string, Set<string>>();
  for (const r of report.results) reporters.set(r.indicator, (reporters.get(r.indicator) ?? new Set()).add(r.agency));
  const byTheme = new Map<string, Result[]>();
  for (const r of report.results) byTheme.set(r.theme, [...(byTheme.get(r.theme) ?? []), r]);
  return [...byTheme.entries()].map(([theme, results], i) => {
    const rows: IndicatorRow[] = results.map((r, j) => ({
      ref: r.indicator,
      // A category row shows only its category, indented under its measure; a screen reader still
      // hears the measure first, since a row read alone must make sense.
      label: r.categoryLabel ? r.categoryLabel : rowLabel(r, reporters.get(r.indicator)?.size ?? 1),
      context: r.categoryLabel ? `${r.indicator} ${rowLabel({ ...r, categoryLabel: null } as Result, reporters.get(r.indicator)?.size ?? 1)}:` : null,
      title: j === 0 || results[j - 1]!.indicator !== r.indicator ? r.indicatorTitle : null,
      value: figureOf(r, r.value, 0),
      previous: figureOf(r, r.previous, 1),
      lastYear: figureOf(r, r.sameQuarterLastYear, 4),
      change: formatChange(r.change, r.changePercent, r.previous, r.value, r.unit),
      status: statusView(r),
    }));
    return { anchor: `theme-${i + 1}`, heading: theme, caption: `${theme}: ${plural(rows.length, "figure")} for ${quarterLong(report)}`, rows };
  });
}

function sources(report: Report): SourcesView {
  const names = new Map(report.returns.map((r) => [r.agency, r.agencyName]));
  return {
    intro: `The figures come from these ${plural(report.sources.length, "file")}. A file's SHA-256 fingerprint changes if a single character of it changes, so anyone can check that a file is the one this report was built from.`,
    rows: report.sources.map((s) => ({ file: s.file, agency: names.get(s.agency) ?? s.agency, sha256: s.sha256, readAt: momentInWords(s.readAt) })),
    generated: `Produced on ${dateInWords(report.generatedAt)} by ${report.generator}. Framework: ${report.framework}.`,
  };
}

export function toViewModel(report: Report): ReportView {
  const actions = actionsView(report);
  const assurance = assuranceView(report);
  // The action plan and assurance sections appear only for a workspace that keeps them.
  const shown = (anchor: string) => (anchor !== "action-plan" || actions !== null) && (anchor !== "assurance" || assurance !== null);
  return {
    lang: "en-GB",
    title: reportTitle(report),
    meta: {
      author: report.partnership,
      description: `The ${report.partnership}'s exception report for the ${report.board}, ${quarterLong(report)}: ${dateInWords(report.period.start)} to ${dateInWords(report.period.end)}.`,
      created: report.generatedAt,
    },
    contents: SECTIONS.filter((s) => shown(s.anchor)).map((s) => ({ anchor: s.anchor, label: s.label })),
    cover: cover(report),
    exceptions: exceptionsView(report),
    dataQuality: dataQualityView(report),
    actions,
    assurance,
    themes: themes(report),
    sources: sources(report),
    marking: report.marking ?? null,
  };
}

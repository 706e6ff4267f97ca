import type { Report, Result } from "../report-contract/schema.js";
import { dateInWords, formatChange, listWords, momentInWords, plural } from "../words/index.js";
import { shapeSuffix, yearBack } from "./shape-words.js";
import { figureOf, quarterLong } from "./format.js";
import { actionsView, assuranceView } from "./view-actions.js";
import { dataQualityView } from "./view-data-quality.js";
import { exceptionsView, statusView } from "./view-exceptions.js";
import { APPENDIX_PDF, APPENDIX_SECTIONS, BOARD_PDF, type PackPart } from "./pack.js";
import { coverView } from "./view-cover.js";
import type { IndicatorRow, ReportView, SourcesView, ThemeView } from "./view-types.js";

export type { ReportView } from "./view-types.js";

export const SECTIONS = [
  { anchor: "summary", label: "Summary" },
  { anchor: "exceptions", label: "Exceptions" },
  { anchor: "data-quality", label: "Data quality: the chase list" },
  { anchor: "action-plan", label: "Action plan" },
  { anchor: "assurance", label: "Quality assurance" },
  { anchor: "every-action", label: "Every action" },
  { anchor: "all-indicators", label: "All indicators" },
  { anchor: "sources", label: "Sources" },
] as const;

export function reportTitle(report: Report): string {
  return `${report.partnership}: exception report, ${report.year} ${report.quarter}`;
}

function rowLabel(r: Result, agencies: number): string {
  const what = r.categoryLabel ? `${r.measureLabel}: ${r.categoryLabel}` : r.measureLabel;
  return agencies > 1 ? `${what} (${r.agencyName})` : what;
}

function themes(report: Report): ThemeView[] {
  const reporters = new Map<string, Set<string>>();
  for (const r of report.results) reporters.set(r.indicator, (reporters.get(r.indicator) ?? new Set()).add(r.agency));
  const byTheme = new Map<string, Result[]>();
  // A figure not due this quarter has no row: the theme says once which are not due.
  for (const r of report.results) byTheme.set(r.theme, [...(byTheme.get(r.theme) ?? []), r]);
  return [...byTheme.entries()].map(([theme, all], i) => {
    const results = all.filter((r) => r.status !== "not-due");
    const notDueRefs = [...new Set(all.filter((r) => r.status === "not-due").map((r) => `${r.indicator} ${r.indicatorTitle}${shapeSuffix({ frequency: r.frequency })}`))];
    const rows: IndicatorRow[] = results.map((r, j) => ({
      ref: r.indicator,
      // A category row shows only its category, indented under its measure; a screen reader still
      // hears the measure first, since a row read alone must make sense.
      label: `${r.categoryLabel ? r.categoryLabel : rowLabel(r, reporters.get(r.indicator)?.size ?? 1)}${r.categoryLabel ? "" : shapeSuffix(r)}`,
      context: r.categoryLabel ? `${r.indicator} ${rowLabel({ ...r, categoryLabel: null } as Result, reporters.get(r.indicator)?.size ?? 1)}:` : null,
      title: j === 0 || results[j - 1]!.indicator !== r.indicator ? r.indicatorTitle : null,
      value: figureOf(r, r.value, 0),
      previous: figureOf(r, r.previous, 1),
      lastYear: figureOf(r, r.sameQuarterLastYear, yearBack(r)),
      change: formatChange(r.change, r.changePercent, r.previous, r.value, r.unit),
      status: statusView(r),
    }));
    const notDue = notDueRefs.length ? `Not due this quarter: ${listWords(notDueRefs)}.` : null;
    return { anchor: `theme-${i + 1}`, heading: theme, caption: `${theme}: ${plural(rows.length, "figure")} for ${quarterLong(report)}`, rows, notDue };
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

export function toViewModel(report: Report, part: PackPart = "full"): ReportView {
  const full = actionsView(report);
  // The board's PDF keeps the action plan's summary, overdue actions and contradicted ratings; the
  // list of every action is reference material, in the appendix with every figure.
  const actions = full && part === "board" ? { ...full, all: [], allElsewhere: `Every action, with the indicators it names: in the appendix, ${APPENDIX_PDF}.` } : full;
  const assurance = assuranceView(report);
  // The action plan and assurance sections appear only for a workspace that keeps them.
  const inPart = (anchor: string) => part === "full" || (part === "appendix") === APPENDIX_SECTIONS.has(anchor);
  const shown = (anchor: string) =>
    inPart(anchor) && (anchor !== "action-plan" || actions !== null) && (anchor !== "assurance" || assurance !== null) && (anchor !== "every-action" || (part === "appendix" && actions !== null));
  return {
    lang: "en-GB",
    title: part === "appendix" ? `${reportTitle(report)}: appendix` : reportTitle(report),
    part: { board: part !== "appendix", appendix: part !== "board", appendixOnly: part === "appendix" },
    // The board PDF says where the rest is; the appendix PDF says what it belongs to.
    elsewhere:
      part === "board"
        ? `(the appendix: ${APPENDIX_PDF})`
        : part === "appendix"
          ? `The appendix to the exception report for ${quarterLong(report)}: every action of the action plan, every figure of the quarter and the files they came from. The summary, the exceptions and the action plan are in ${BOARD_PDF}.`
          : null,
    meta: {
      author: report.partnership,
      description: `The ${report.partnership}'s exception report for the ${report.board}, ${quarterLong(report)}: ${dateInWords(report.period.start)} to ${dateInWords(report.period.end)}.`,
      created: report.generatedAt,
    },
    contents: SECTIONS.filter((s) => shown(s.anchor)).map((s) => ({ anchor: s.anchor, label: s.label })),
    cover: coverView(report),
    exceptions: exceptionsView(report),
    dataQuality: dataQualityView(report),
    actions,
    assurance,
    themes: themes(report),
    sources: sources(report),
    marking: report.marking ?? null,
  };
}

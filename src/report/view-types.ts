// The plain data the templates print: every word and number already formatted, so the templates
// only print fields and loop. Nothing here is HTML; the templates escape all of it.
import type { TextBlock } from "./plain-text.js";

export interface StatusView {
  word: string;
  shape: string;
  css: string;
}

export interface Fact {
  label: string;
  value: string;
}

export interface ContentsEntry {
  anchor: string;
  label: string;
}

export interface GlanceRow {
  rank: string;
  anchor: string;
  figure: string;
  value: string;
  status: StatusView;
}

export interface LegendRow {
  status: StatusView;
  count: string;
  meaning: string;
}

export interface CoverView {
  heading: string;
  partnership: string;
  board: string;
  quarter: string;
  dates: string;
  facts: Fact[];
  summary: string;
  glance: GlanceRow[];
  legend: LegendRow[];
}

export interface ChartView {
  /** Inline SVG built by chart.ts with every text escaped: the one kind of markup the templates take as is. */
  svg: string;
  caption: string;
}

export interface ExceptionCard {
  anchor: string;
  rank: string;
  heading: string;
  /** "Repeat referrals, from City of Doncaster Council". */
  subject: string;
  status: StatusView;
  sentence: string;
  figuresCaption: string;
  figures: Fact[];
  wanted: string;
  wantedWhy: string;
  target: string | null;
  reasons: string[];
  chart: ChartView;
  note: string[] | null;
  commentary: TextBlock[] | null;
  /** The same measure's other exceptions (e.g. more categories of one breakdown), in one table. */
  also: AlsoRow[];
}

/** Another figure of the card's measure that is an exception too, told in one table row. */
export interface AlsoRow {
  anchor: string;
  rank: string;
  figure: string;
  value: string;
  previous: string;
  status: StatusView;
  sentence: string;
}

export interface AbsentItem {
  rank: string;
  anchor: string;
  figure: string;
  status: StatusView;
}

export interface CommentaryView {
  ref: string;
  blocks: TextBlock[];
}

/** Exceptions that are only "no figure to judge", gathered by agency to keep the report short. */
export interface AbsentGroup {
  anchor: string;
  heading: string;
  text: string;
  contact: string | null;
  items: AbsentItem[];
  commentary: CommentaryView[];
}

export interface ExceptionsView {
  intro: string;
  none: boolean;
  cards: ExceptionCard[];
  absent: AbsentGroup[];
}

export interface ChaseRow {
  agency: string;
  state: StatusView;
  received: string;
  problems: string;
  contact: string;
}

export interface IssueRow {
  where: string;
  figure: string;
  problem: string;
  advice: string;
}

export interface AgencyErrors {
  anchor: string;
  heading: string;
  file: string;
  caption: string;
  rows: IssueRow[];
  more: string | null;
}

export interface DataQualityView {
  intro: string;
  chase: ChaseRow[];
  allGood: string | null;
  warningsNote: string | null;
  errors: AgencyErrors[];
  otherWarnings: IssueRow[];
}

export interface IndicatorRow {
  ref: string;
  label: string;
  /** For a category row: the measure it breaks down, for screen readers (shown indented otherwise). */
  context: string | null;
  /** The indicator's title, on the first row of each indicator only. */
  title: string | null;
  value: string;
  previous: string;
  lastYear: string;
  change: string;
  status: StatusView;
}

export interface ThemeView {
  anchor: string;
  heading: string;
  caption: string;
  rows: IndicatorRow[];
}

export interface SourceRow {
  file: string;
  agency: string;
  sha256: string;
  readAt: string;
}

export interface SourcesView {
  intro: string;
  rows: SourceRow[];
  generated: string;
}

export interface ReportView {
  lang: string;
  /** The page's <title>, which Chromium also writes as the PDF's Title. */
  title: string;
  contents: ContentsEntry[];
  cover: CoverView;
  exceptions: ExceptionsView;
  dataQuality: DataQualityView;
  themes: ThemeView[];
  sources: SourcesView;
}

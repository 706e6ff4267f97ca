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

/** An inline SVG icon (src/report/icons.ts escapes its text) with its text alternative and meaning. */
export interface IconView {
  svg: string;
  label: string;
  meaning: string;
}

export interface GlanceRow {
  rank: string;
  anchor: string;
  figure: string;
  value: string;
  /** On last quarter, as the tables say it: "up 59 (65.6%)". */
  change: string;
  /** The reason in a few plain words: "above its usual range". */
  why: string;
  variation: IconView | null;
  assurance: IconView | null;
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
  /** How page 1 counts figures, said once. */
  counting: string;
  glance: GlanceRow[];
  /** Improvements and targets met: "what went well". */
  wentWell: GlanceRow[];
  /** The icons page 1 uses, for its key. */
  iconKey: IconView[];
  legend: LegendRow[];
  /** The disclosure policy in a sentence; `off` when small numbers are not protected. */
  disclosure: { text: string; off: boolean } | null;
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
  /** The action plan's actions meant to move this indicator; null when the workspace keeps no action plan. */
  actions: CardAction[] | null;
  /** Said when the action plan links no action to the indicator. */
  actionsNone: string | null;
}

/** An action named in an exception card: its reference, what it is, and its RAG rating. */
export interface CardAction {
  ref: string;
  what: string;
  rag: StatusView;
  /** "overdue since 31 March 2026", or null. */
  overdue: string | null;
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
  /** The actions meant to move the indicator (null when the workspace keeps no action plan). */
  actions: CardAction[] | null;
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
  /** "Contact: name, address" in pieces, with a line-break opportunity between them (see break-points.ts). */
  contact: string[] | null;
  items: AbsentItem[];
  /** When every item is of one indicator: its name, said once above them, and its actions, said once below. */
  indicator?: string | null;
  actions?: CardAction[] | null;
  commentary: CommentaryView[];
}

export interface ExceptionsView {
  intro: string;
  none: boolean;
  cards: ExceptionCard[];
  absent: AbsentGroup[];
  /** The analyst's commentary on indicators with no exception this quarter: every comment is shown. */
  otherCommentary: (CommentaryView & { heading: string; anchor: string })[];
}

export interface ChaseRow {
  agency: string;
  state: StatusView;
  received: string;
  problems: string;
  /** In pieces, with a line-break opportunity between them (see break-points.ts). */
  contact: string[];
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

/** A count of actions in one priority, one column per RAG rating. */
export interface PriorityRow {
  priority: string;
  counts: string[];
  total: string;
}

export interface ActionRow {
  ref: string;
  what: string;
  lead: string;
  timescale: string;
  rag: StatusView;
  previous: string;
  /** The indicators its measures name, each with its status this quarter. */
  indicators: { ref: string; status: StatusView | null; exception: boolean }[];
  /** The other indicators it names, none an exception, in one line; null when there are none. */
  others: string | null;
}

export interface FindingRow {
  ref: string;
  stated: StatusView;
  expected: StatusView;
  why: string;
  where: string;
}

export interface PlainIssueRow {
  where: string;
  problem: string;
  advice: string;
}

export interface LegendEntry {
  status: StatusView;
  meaning: string;
}

export interface ActionsView {
  anchor: string;
  heading: string;
  intro: string;
  /** The RAG guide, each rating with its word, shape and meaning. */
  guide: LegendEntry[];
  countsCaption: string;
  /** The column headings: each rating's badge, then not rated. */
  columns: StatusView[];
  priorities: PriorityRow[];
  totals: PriorityRow;
  overdueCaption: string;
  overdue: ActionRow[];
  overdueNone: string | null;
  findings: FindingRow[];
  findingsNone: string | null;
  notRated: string | null;
  allCaption: string;
  all: ActionRow[];
  /** Where the list of every action is, when this page leaves it out (the board's PDF). */
  allElsewhere?: string;
  issues: PlainIssueRow[];
}

export interface AssuranceRow {
  ref: string;
  title: string;
  owner: string;
  frequency: string;
  status: StatusView;
  detail: string;
}

export interface AssuranceView {
  anchor: string;
  heading: string;
  intro: string;
  legend: LegendEntry[];
  caption: string;
  rows: AssuranceRow[];
  notDue: string | null;
  issues: PlainIssueRow[];
}

export interface ReportView {
  lang: string;
  /** The page's <title>, which Chromium also writes as the PDF's Title. */
  title: string;
  /** The page's author, description and date, which the PDF's metadata also carries. */
  meta: { author: string; description: string; created: string };
  contents: ContentsEntry[];
  cover: CoverView;
  /** Which sections this page holds: the board's part, the appendix, or both (the HTML report). */
  part: { board: boolean; appendix: boolean; appendixOnly: boolean };
  /** Where the other part of the pack is, for a page that holds only one; null for the full report. */
  elsewhere: string | null;
  exceptions: ExceptionsView;
  dataQuality: DataQualityView;
  /** The action plan section, when the workspace keeps an action plan. */
  actions: ActionsView | null;
  /** The quality assurance section, when the framework has an assurance framework. */
  assurance: AssuranceView | null;
  themes: ThemeView[];
  sources: SourcesView;
  /** The protective marking printed at the top and bottom of the page (options.marking), or null. */
  marking: string | null;
}

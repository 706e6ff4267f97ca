// report.json: the judged results of one quarter. This zod schema is the single source of truth
// for its shape: every TypeScript type of a value that goes into report.json is derived from it with
// z.infer (the stages that build the sections, the renderer, the library face); docs/report.schema.json
// is generated from it and README's report.json section is checked against it. It lives below the
// stages (it imports only zod and the framework's enums) because three of them share it: trends/ writes the results, actions/ the action plan and assurance, report/
// renders them. Change it only by adding optional fields, and bump REPORT_SCHEMA_VERSION's minor
// number; a removal or a change of meaning bumps the major number.
import { z } from "zod";
// The framework's own enums, so that a unit, direction or frequency added there is one report.json carries.
import { Direction, Frequency, Unit } from "../framework/schema.js";

export const REPORT_SCHEMA_VERSION = "2.2.0";

/** UK financial-year quarter: Q1 = April-June ... Q4 = January-March. */
export const QuarterName = z.enum(["Q1", "Q2", "Q3", "Q4"]);
export type QuarterName = z.infer<typeof QuarterName>;
/** GSS shorthand symbols: [c] confidential, [x] not available, [z] not applicable, [u] low reliability. */
export const GssSymbol = z.enum(["c", "x", "z", "u"]);
export type GssSymbol = z.infer<typeof GssSymbol>;
/** A financial year and quarter, e.g. { year: "2026-27", quarter: "Q2" }. */
export const PeriodJson = z.object({ year: z.string(), quarter: QuarterName });
export type PeriodJson = z.infer<typeof PeriodJson>;

export const Status = z.enum([
  "improving",
  "worsening",
  "stable",
  "for-information",
  "baseline",
  "on-track",
  "off-track",
  "missing",
  "invalid",
  "suppressed",
  "insufficient-data",
  /** (since 2.1.0) Missing its target by no more than the schema's amber band ("at risk"). */
  "at-risk",
  /** (since 2.1.0) A six-monthly or annual figure in a quarter it is not due: no exception. */
  "not-due",
]);
export type Status = z.infer<typeof Status>;

/**
 * A finding about the data, as `darep validate --format json` and report.json give it. On the wire the
 * code is any string, so that a reader of an older schema accepts codes added since; inside darep
 * it is narrowed to the catalogue's keys (src/types.ts).
 */
export const IssueJson = z.object({
  /** Stable kebab-case code from the catalogue in src/issues/catalogue.ts. */
  code: z.string(),
  severity: z.enum(["error", "warning"]),
  /** Workspace-relative path (or the path as given to darep validate). */
  file: z.string(),
  sheet: z.string().optional(),
  /** 1-based, as Excel shows rows. */
  row: z.number().int().optional(),
  /** The column's header as the agency wrote it, e.g. "value". */
  column: z.string().optional(),
  /** A spreadsheet cell address, e.g. "D7" (also given for CSV, counting columns A, B, ...). */
  cell: z.string().optional(),
  /** (since 2.0.0) CSV only: the file's line where the row starts, when it is not the row's number. */
  line: z.number().int().optional(),
  indicator: z.string().optional(),
  measure: z.string().optional(),
  category: z.string().optional(),
  /** What was found, quoted safely (truncated when long). */
  found: z.string().optional(),
  /** What was expected instead. */
  expected: z.string().optional(),
  /** One plain sentence saying what is wrong. */
  message: z.string(),
  /** What to do about it, e.g. "Did you mean PM20?". */
  advice: z.string().optional(),
});
export type IssueJson = z.infer<typeof IssueJson>;

/** A machine-readable reason with its plain-English sentence. */
export const Reason = z.object({
  code: z.enum([
    "worsening",
    "improving",
    "within-tolerance",
    "within-usual-variation",
    "off-track",
    "on-track",
    "special-cause-concern",
    "special-cause-improvement",
    "missing",
    "invalid",
    "suppressed",
    "no-comparison",
    "baseline",
    "no-direction",
    "sudden-change",
    "limits-provisional",
    /** (since 2.0.0) A move before the limits lock that chance alone could give. */
    "within-chance",
    /** (since 2.0.0) A move beyond chance on the quarter that is ordinary against the same quarter last year. */
    "ordinary-on-the-year",
    /** (since 2.0.0) An unusual point that the same quarter last year also had: the season. */
    "seasonal",
    /** (since 2.0.0) For the analyst: a sustained shift suggests the baseline no longer holds. */
    "rebase-suggested",
    /** (since 2.1.0) Missing the target, but within its amber band. */
    "at-risk",
    /** (since 2.1.0) Not due this quarter (six-monthly, annual). */
    "not-due",
    /** (since 2.1.0) The target is still to be confirmed, or none is set for this year. */
    "target-to-be-confirmed",
    /** (since 2.1.0) A baseline being established, with no data yet ([x]). */
    "baseline-no-data",
  ]),
  text: z.string(),
});
export type Reason = z.infer<typeof Reason>;

export const HistoryPoint = z.object({
  year: z.string(),
  quarter: QuarterName,
  /** Null for a gap (no return) or a suppressed figure; see symbol. */
  value: z.number().nullable(),
  symbol: GssSymbol.nullable(),
  /** "gap" when no figure is on record for that quarter. */
  gap: z.boolean(),
});
export type HistoryPoint = z.infer<typeof HistoryPoint>;

const SpcRule = z.enum(["beyond-limits", "run-of-seven", "trend-of-seven", "two-of-three-near-limit"]);

export const SpcSignal = z.object({
  rule: SpcRule,
  /** Index into history of the pattern's first point (since 1.1.0): from..at are the points to mark. */
  from: z.number().int().optional(),
  /** Index into history of the point that completes the signal. */
  at: z.number().int(),
  side: z.enum(["high", "low"]),
  reading: z.enum(["improvement", "concern", "neither"]),
});
export type SpcSignal = z.infer<typeof SpcSignal>;

export const SpcState = z.enum(["computed", "provisional", "not-computed"]);
export type SpcState = z.infer<typeof SpcState>;

/** (since 2.0.0) One baseline period of a series and the limits computed from it. */
export const Baseline = z.object({
  /** Index into history of its first quarter, and that quarter ("2025-26 Q1"). */
  from: z.number().int(),
  start: z.string(),
  /** Index into history of its last quarter. */
  to: z.number().int(),
  /** Index into history of the last point the limits come from (null: no limits). */
  fixedTo: z.number().int().nullable(),
  /** The schema's reason for re-baselining here; null for the series' first baseline. */
  reason: z.string().nullable(),
  /** computed: limits locked on the first 12 points (configurable); provisional: trial limits from 6; not-computed. */
  state: SpcState,
  points: z.number().int(),
  mean: z.number().nullable(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
  movingRange: z.number().nullable(),
  /** Moving ranges left out of the mean moving range by screening (options.screenOutliers). */
  screened: z.number().int(),
  /** A count's limits were widened to the Poisson spread, mean +/- 3 x its square root. */
  poissonFloor: z.boolean(),
});

export type Baseline = z.infer<typeof Baseline>;

export const Spc = z.object({
  /** Of the latest baseline. computed: limits locked on its first 12 points (configurable); provisional: trial limits, 6 to 11 points; not-computed: fewer still. */
  state: SpcState,
  /** Points with a value in the latest baseline. */
  points: z.number().int(),
  mean: z.number().nullable(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
  /** (since 2.0.0) Three sigma: the limits' distance from the mean. */
  width: z.number().nullable().optional(),
  /** (since 2.0.0) Every baseline period, first to latest, with its limits and the reason it began. */
  baselines: z.array(Baseline).optional(),
  /** (since 2.0.0) Each history point's reading, by rule priority: null for common cause or no limits. */
  marks: z.array(z.object({ rule: SpcRule, side: z.enum(["high", "low"]), reading: z.enum(["improvement", "concern", "neither"]) }).nullable()).optional(),
  /** (since 2.0.0) For the analyst: the quarter a sustained shift began, when it suggests re-baselining from there. */
  rebaseSuggested: z.string().nullable().optional(),
  /** Signals in priority order, the latest point's first. */
  signals: z.array(SpcSignal),
  /** Whether the latest point itself is special cause, and how to read it. */
  latest: z.enum(["common-cause", "special-cause-improvement", "special-cause-concern", "special-cause-neither"]).nullable(),
  /** Against a target: outside the limits, it will consistently pass or fail; inside, hit and miss. */
  assurance: z.enum(["consistently-passing", "consistently-failing", "hit-and-miss"]).nullable(),
});
export type Spc = z.infer<typeof Spc>;

export const TargetJson = z.object({
  /** The year's amount (for a level target, the level). */
  perYear: z.number(),
  /** at-least: reaching it meets it; more-than: only passing it does (since 2.1.0); at-most; less-than (since 2.1.0). */
  comparison: z.enum(["at-least", "more-than", "at-most", "less-than"]),
  /** (since 2.1.0) per-year: an amount over the year, judged pro rata on the year to date; level: held every period. */
  kind: z.enum(["per-year", "level"]).optional(),
  /** Pro rata for one period of the series: perYear / 4 for a quarterly figure, / 2 six-monthly, the whole for annual; the level itself for a level. */
  perQuarter: z.number(),
  /** Pro rata to the end of this quarter: perYear * periods elapsed / periods in the year. */
  toDate: z.number(),
  /** The year-to-date figure being compared. */
  actualToDate: z.number().nullable(),
  /** A simple projection of the year's outturn: actual to date scaled to four quarters. */
  projectedOutturn: z.number().nullable(),
  /** (since 2.1.0) Missed, but within the schema's amber band (status at-risk). */
  atRisk: z.boolean().optional(),
  /** (since 2.1.0) The year's last due period: actualToDate is the year's outturn. */
  yearComplete: z.boolean().optional(),
});

/** (since 2.1.0) A published figure set beside this one; never judged. */
export const ComparatorJson = z.object({
  value: z.number(),
  label: z.string(),
  source: z.string(),
  period: z.string(),
  unit: z.enum(["count", "percent", "rate", "days", "amount"]),
});
export type TargetJson = z.infer<typeof TargetJson>;

/** The action plan's RAG guide: Red, Amber, Light green, Green. */
export const Rag = z.enum(["red", "amber", "light-green", "green"]);
export type Rag = z.infer<typeof Rag>;

/** An action as an indicator's result lists it. */
export const LinkedAction = z.object({ ref: z.string(), rag: Rag.nullable(), overdue: z.boolean() });
export type LinkedAction = z.infer<typeof LinkedAction>;

export const Result = z.object({
  /** "PM2/referrals/police/doncaster-council": indicator, measure, category (or "total"), agency. Unique. */
  key: z.string(),
  indicator: z.string(),
  indicatorTitle: z.string(),
  theme: z.string(),
  measure: z.string(),
  measureLabel: z.string(),
  category: z.string().nullable(),
  categoryLabel: z.string().nullable(),
  unit: Unit,
  /** The agency whose figure this is (an indicator reported by two agencies gives two results). */
  agency: z.string(),
  agencyName: z.string(),
  value: z.number().nullable(),
  symbol: GssSymbol.nullable(),
  previous: z.number().nullable(),
  sameQuarterLastYear: z.number().nullable(),
  change: z.number().nullable(),
  /** Null when the previous value is 0 or missing: the sentence then says "from 0 to 12". */
  changePercent: z.number().nullable(),
  changeOnYear: z.number().nullable(),
  changeOnYearPercent: z.number().nullable(),
  /** Sum of the year's quarters so far, for counts only; null when a quarter is missing. */
  yearToDate: z.number().nullable(),
  direction: Direction,
  directionReason: z.string(),
  target: TargetJson.nullable(),
  status: Status,
  exception: z.boolean(),
  /** 1 = worst; null for results that are not exceptions. */
  rank: z.number().int().nullable(),
  /** How far the move went against the wanted direction, relative to the figure and to its usual variation; used to rank. */
  severity: z.number(),
  /** (since 2.0.0) The ranking tier: 1 sustained special-cause concern, 2 other concern or off track, 3 a move beyond chance before limits lock, 4 missing or invalid; null when not an exception. */
  tier: z.number().int().nullable().optional(),
  /** (since 2.0.0) What decided the status: the locked limits, the quarter and the year, the quarter alone, the tolerance, chance, the year, or a target. */
  decidedBy: z.enum(["limits", "quarter-and-year", "quarter", "tolerance", "chance", "year", "target"]).nullable().optional(),
  /** (since 2.0.0) The latest point in plain words ("the seventh quarter in a row above the average"); null when there is nothing to say. */
  reading: z.string().nullable().optional(),
  /** (since 2.0.0) The highest or lowest value on record, when this quarter's is. */
  record: z.enum(["high", "low"]).nullable().optional(),
  reasons: z.array(Reason),
  /** One sentence for a board member. */
  sentence: z.string(),
  spc: Spc.nullable(),
  history: z.array(HistoryPoint),
  /** The agency's note on this figure, as plain text. */
  note: z.string().nullable(),
  /** The analyst's commentary for this indicator (markdown source, rendered as plain paragraphs). */
  commentary: z.string().nullable(),
  /** (since 1.2.0) The action-plan actions whose measures name this indicator, when the workspace keeps an action plan. */
  actions: z.array(LinkedAction).optional(),
  /** (since 2.1.0) How often the figure is due: history then holds only its own periods (Q2 and Q4; Q4). */
  frequency: z.enum(["quarterly", "six-monthly", "annual"]).optional(),
  /** (since 2.1.0) "year-to-date": the agency gives totals since the year began; value and history are each period's own figure, yearToDate is as given. */
  reported: z.enum(["period", "year-to-date"]).optional(),
  /** (since 2.1.0) A baseline being established (the schema's baseline: "establishing"). */
  baselineEstablishing: z.boolean().optional(),
  /** (since 2.1.0) Published figures to set beside this one (a national average), as the schema gives them. */
  comparators: z.array(ComparatorJson).optional(),
  /** (since 2.1.0) The figure per head of the population the framework gives, e.g. 40.2 per 10,000 adult women; null without a value. */
  perPopulation: z.object({ value: z.number().nullable(), yearToDate: z.number().nullable(), per: z.number(), of: z.string(), size: z.number() }).nullable().optional(),
});
export type Result = z.infer<typeof Result>;

export const ReturnJson = z.object({
  agency: z.string(),
  agencyName: z.string(),
  contact: z.object({ name: z.string().optional(), email: z.string().optional() }).nullable(),
  status: z.enum(["received", "missing", "invalid"]),
  /** Received after the due date (quarter end + returnsDueDays). */
  late: z.boolean(),
  file: z.string().nullable(),
  sha256: z.string().nullable(),
  receivedAt: z.string().nullable(),
  figuresUsed: z.number().int(),
  /** Indicators this agency owes this quarter. */
  indicators: z.array(z.string()),
  errors: z.array(IssueJson),
  warnings: z.array(IssueJson),
});
export type ReturnJson = z.infer<typeof ReturnJson>;

/** An indicator an action's measures name, with its headline status this quarter. */
export const IndicatorLink = z.object({ ref: z.string(), title: z.string().nullable(), status: Status.nullable(), exception: z.boolean() });
export type IndicatorLink = z.infer<typeof IndicatorLink>;

export const ActionJson = z.object({
  /** e.g. "P2.2". */
  ref: z.string(),
  /** "P2": the priority column's code, else the reference's part before the dot. */
  priority: z.string(),
  priorityName: z.string().nullable(),
  keyAction: z.string(),
  leadOfficer: z.string(),
  /** The timescale as written. */
  timescale: z.string(),
  /** Its last day (ISO), or an ongoing action's first date; null when there is none. */
  due: z.string().nullable(),
  ongoing: z.boolean(),
  measures: z.string(),
  progress: z.string(),
  /** (since 2.1.0) The milestones within the action, each with its rating by the guide (null: none given), when the plan has a milestones column. */
  milestones: z.array(z.object({ text: z.string(), rag: Rag.nullable() })).optional(),
  /** The lead officer's rating, never changed by darep; null for not rated. */
  rag: Rag.nullable(),
  ragText: z.string(),
  /** The rating in the quarter before's file, when there is one. */
  previousRag: Rag.nullable(),
  /** Which RAG rule applies at the quarter's end. */
  rule: z.enum(["complete", "overdue", "in-timescale", "ongoing", "no-timescale"]),
  /** Not Green, and due on or before the quarter's end. */
  overdue: z.boolean(),
  /** The rating the guide gives when the rules decide it (Red when overdue), else null. */
  ruledRag: Rag.nullable(),
  /** The indicators its measures name, each with its headline status this quarter. */
  indicators: z.array(IndicatorLink),
  /** The assurance items its measures name ("QA11"). */
  assurance: z.array(z.string()),
  file: z.string(),
  row: z.number().int().nullable(),
});
export type ActionJson = z.infer<typeof ActionJson>;

/** Counts by RAG rating for one priority. */
export const PriorityCount = z.object({
  priority: z.string(),
  name: z.string().nullable(),
  red: z.number().int(),
  amber: z.number().int(),
  lightGreen: z.number().int(),
  green: z.number().int(),
  notRated: z.number().int(),
  total: z.number().int(),
});
export type PriorityCount = z.infer<typeof PriorityCount>;

/** A rating that contradicts the RAG guide: reported, never overwritten. */
export const RagFinding = z.object({
  ref: z.string(),
  code: z.literal("rag-contradicts-rules"),
  stated: Rag,
  expected: Rag,
  due: z.string().nullable(),
  message: z.string(),
  file: z.string(),
  sheet: z.string().optional(),
  row: z.number().int().optional(),
  cell: z.string().optional(),
});
export type RagFinding = z.infer<typeof RagFinding>;

/** (since 2.2.0) The RAG guide an action plan was judged by: its ratings in order of concern, in its own words. */
export const RagGuideJson = z.object({
  name: z.string(),
  ratings: z.array(z.object({ rag: Rag, words: z.string(), meaning: z.string() })),
});
export type RagGuideJson = z.infer<typeof RagGuideJson>;

export const ActionsJson = z.object({
  /** The action plan file judged, or null when none is at or before the quarter. */
  file: z.string().nullable(),
  /** The quarter that file is for: an earlier one when this quarter's update is missing. */
  year: z.string().nullable(),
  quarter: QuarterName.nullable(),
  previousFile: z.string().nullable(),
  /** The date the RAG rules judge against: the quarter's last day. */
  quarterEnd: z.string(),
  actions: z.array(ActionJson),
  /** Counts by RAG for each priority, P1 first. */
  byPriority: z.array(PriorityCount),
  /** References of the actions overdue at the quarter's end. */
  overdue: z.array(z.string()),
  /** References of the actions with no rating. */
  notRated: z.array(z.string()),
  /** Ratings that contradict the RAG guide, reported, never overwritten. */
  findings: z.array(RagFinding),
  /** Problems in the action plan file, cell by cell. */
  issues: z.array(IssueJson),
  /** (since 2.2.0) The RAG guide the ratings were judged by (the framework's rag.json, else darep's default). */
  guide: RagGuideJson.optional(),
});
export type ActionsJson = z.infer<typeof ActionsJson>;

/** One item of the assurance framework in the quarter: due, received, overdue or not due. */
export const AssuranceStatus = z.object({
  ref: z.string(),
  title: z.string(),
  owner: z.string(),
  frequency: Frequency,
  dueThisQuarter: z.boolean(),
  /** overdue: due earlier and never received; due: due now, not yet received; received; not-due. */
  state: z.enum(["overdue", "due", "received", "not-due"]),
  /** When this quarter's evidence came (ISO date), or null. */
  received: z.string().nullable(),
  /** The evidence file's description of it. */
  evidence: z.string().nullable(),
  /** Earlier quarters it was due in and never received, oldest first. */
  overdueFor: z.array(PeriodJson),
});
export type AssuranceStatus = z.infer<typeof AssuranceStatus>;

export const AssuranceJson = z.object({
  framework: z.string(),
  /** The evidence files read (this quarter's and up to a year before). */
  files: z.array(z.string()),
  /** The first quarter the workspace kept an evidence file for; nothing before it is counted as owed. */
  trackedFrom: PeriodJson.nullable(),
  items: z.array(AssuranceStatus),
  summary: z.object({ due: z.number().int(), received: z.number().int(), overdue: z.number().int(), notDue: z.number().int() }),
  issues: z.array(IssueJson),
});
export type AssuranceJson = z.infer<typeof AssuranceJson>;

export const DisclosureJson = z.object({
  /** breakdowns: categories' counts; all: totals too; none: nothing protected (see reason). */
  applyTo: z.enum(["breakdowns", "all", "none"]),
  /** The smallest count shown; counts from 1 to minimum - 1 are withheld (value null, symbol "c"). */
  minimum: z.number().int(),
  /** Other counts rounded to the nearest multiple of this, or null. */
  roundTo: z.number().int().nullable(),
  /** Why nothing is protected, with applyTo "none". */
  reason: z.string().nullable(),
  /** Figures of this quarter withheld by darep (an agency's own [c] not counted). */
  withheld: z.number().int(),
  /** The policy in a sentence, as the report's first page prints it. */
  statement: z.string(),
});
export type DisclosureJson = z.infer<typeof DisclosureJson>;

export const Report = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  generator: z.string(),
  /** ISO timestamp: from SOURCE_DATE_EPOCH when set, so rebuilds are byte-identical. */
  generatedAt: z.string(),
  partnership: z.string(),
  board: z.string(),
  framework: z.string(),
  year: z.string(),
  quarter: QuarterName,
  period: z.object({ start: z.string(), end: z.string(), label: z.string() }),
  summary: z.object({
    returnsExpected: z.number().int(),
    returnsReceived: z.number().int(),
    returnsMissing: z.number().int(),
    returnsInvalid: z.number().int(),
    /** The latest receivedAt of any return used. */
    lastReceived: z.string().nullable(),
    exceptions: z.number().int(),
    /** Count of results by status. */
    byStatus: z.record(z.string(), z.number().int()),
    /** A paragraph in plain words for the cover. */
    text: z.string(),
  }),
  returns: z.array(ReturnJson),
  /** Every result, in framework order (theme, indicator, measure, category). */
  results: z.array(Result),
  /** Keys of the results that are exceptions, worst first. */
  exceptions: z.array(z.string()),
  /** Workspace-level findings: commentary for unknown indicators, folders that are not quarters. */
  warnings: z.array(IssueJson),
  sources: z.array(z.object({ file: z.string(), agency: z.string(), sha256: z.string(), readAt: z.string() })),
  /** (since 1.2.0) The action plan judged by its RAG guide, when the workspace keeps one (actions/). */
  actions: ActionsJson.optional(),
  /** (since 1.2.0) The assurance evidence due, received and overdue, when the framework has assurance.json. */
  assurance: AssuranceJson.optional(),
  /** (since 1.3.0) The disclosure control applied to every figure in this report (src/disclosure/). */
  disclosure: DisclosureJson.optional(),
  /** (since 1.3.0) The protective marking (e.g. OFFICIAL-SENSITIVE) printed on every page, or null. */
  marking: z.string().nullable().optional(),
});
export type Report = z.infer<typeof Report>;

// The framework spreadsheet's columns, one row per measure, as one table: each column's header, the
// field it fills, how its text reads and writes, and the guidance the template shows. Adding a
// column (say, a field the schema gains) is one entry here; a field no column names still travels,
// as JSON, in the "more (JSON)" columns, so export then import gives the same framework.
import { Direction, Frequency, TargetComparison, Unit } from "./schema.js";

/** Where a column's value lives: on the indicator (repeated on each of its measure rows) or the measure. */
export type Level = "indicator" | "measure";

export interface Column {
  header: string;
  level: Level;
  /** The field's path inside the indicator or measure, e.g. ["direction", "reason"]. */
  path: string[];
  kind: "text" | "number" | "list" | "yes-no" | "categories" | "year-amounts" | "band" | "comparators" | "json";
  /** The allowed words, for a dropdown. */
  choices?: readonly string[];
  required?: boolean;
  /** One line for the template's Guidance sheet and the header's note. */
  guidance: string;
}

export const COLUMNS: Column[] = [
  {
    header: "reference",
    level: "indicator",
    path: ["ref"],
    kind: "text",
    required: true,
    guidance: "The indicator's reference, letters then a number, e.g. SH1. Repeat it on each row of a measure of the same indicator.",
  },
  { header: "title", level: "indicator", path: ["title"], kind: "text", required: true, guidance: "The indicator's title, as the board knows it." },
  { header: "theme", level: "indicator", path: ["theme"], kind: "text", required: true, guidance: "The theme the report groups it under; themes appear in the order they first appear here." },
  { header: "owner", level: "indicator", path: ["owner"], kind: "text", required: true, guidance: "Who provides it: the agency's id or name from darep.config.json (several separated by ';')." },
  { header: "what it tells us", level: "indicator", path: ["tellsUs"], kind: "text", required: true, guidance: "What the indicator is telling the board." },
  { header: "comment", level: "indicator", path: ["comment"], kind: "text", guidance: "(optional) The framework's own comment." },
  { header: "action plan references", level: "indicator", path: ["actionRefs"], kind: "list", guidance: "(optional) Action-plan references it relates to, separated by ';', e.g. P1.5; P4.5." },
  { header: "frequency", level: "indicator", path: ["frequency"], kind: "text", choices: Frequency.options, guidance: "How often it is reported: quarterly (the default), six-monthly or annual." },
  {
    header: "measure id",
    level: "measure",
    path: ["id"],
    kind: "text",
    required: true,
    guidance: "The measure's id: lower-case letters, digits and hyphens, e.g. referrals. Agencies' returns name it.",
  },
  { header: "measure", level: "measure", path: ["label"], kind: "text", required: true, guidance: "What is counted, in words, e.g. Referrals received." },
  { header: "unit", level: "measure", path: ["unit"], kind: "text", choices: Unit.options, required: true, guidance: "count, percent, rate, days or amount." },
  { header: "definition", level: "measure", path: ["definition"], kind: "text", guidance: "(optional) A short definition shown beside the figure." },
  {
    header: "categories",
    level: "measure",
    path: ["categories", "values"],
    kind: "categories",
    guidance: "(optional) The breakdown, as id: Label pairs separated by ';', e.g. police: Police; self: Self-referral.",
  },
  { header: "categories are by", level: "measure", path: ["categories", "dimension"], kind: "text", guidance: "With categories: what the breakdown is by, e.g. referring agency." },
  {
    header: "categories add up to the total",
    level: "measure",
    path: ["categories", "addsUpToTotal"],
    kind: "yes-no",
    choices: ["yes", "no"],
    guidance: "With categories: yes (the default) when the categories add up to the total.",
  },
  {
    header: "direction",
    level: "measure",
    path: ["direction", "wanted"],
    kind: "text",
    choices: Direction.options,
    required: true,
    guidance: "The direction wanted: up, down, none, baseline (too soon to say) or target.",
  },
  { header: "reason for the direction", level: "measure", path: ["direction", "reason"], kind: "text", required: true, guidance: "Why that direction is wanted, in a sentence." },
  {
    header: "target per year",
    level: "measure",
    path: ["direction", "target", "perYear"],
    kind: "number",
    guidance: "With direction 'target': an amount wanted over the financial year, judged pro rata each quarter.",
  },
  {
    header: "target level",
    level: "measure",
    path: ["direction", "target", "level"],
    kind: "number",
    guidance: "With direction 'target': a level each period's figure is held to, e.g. 75 (%). Give this or a target per year, not both.",
  },
  {
    header: "target by year",
    level: "measure",
    path: ["direction", "target", "byYear"],
    kind: "year-amounts",
    guidance: "(optional) Targets that change by financial year, as year: amount pairs separated by ';', e.g. 2025-26: 300; 2026-27: 320.",
  },
  {
    header: "target is",
    level: "measure",
    path: ["direction", "target", "comparison"],
    kind: "text",
    choices: TargetComparison.options,
    guidance: "With a target: at-least (the default), more-than, at-most or less-than.",
  },
  {
    header: "target at risk within",
    level: "measure",
    path: ["direction", "target", "atRisk"],
    kind: "band",
    guidance: "(optional) Missing the target by no more than this reads 'at risk', not 'off track': 5% (of the target), 2 (in the measure's unit) or both, e.g. 5%; 2.",
  },
  {
    header: "target to be confirmed",
    level: "measure",
    path: ["direction", "target", "toBeConfirmed"],
    kind: "yes-no",
    choices: ["yes", "no"],
    guidance: "With direction 'target': yes while the target is still to be agreed (TBC); the figure is reported, not judged against it.",
  },
  {
    header: "reported",
    level: "measure",
    path: ["reported"],
    kind: "text",
    choices: ["period", "year-to-date"],
    guidance: "period (the default): each return gives the quarter's own figure; year-to-date: the total since April (a count or an amount only).",
  },
  {
    header: "baseline",
    level: "measure",
    path: ["baseline"],
    kind: "text",
    choices: ["establishing"],
    guidance: "(optional) establishing: a baseline is being set up, so figures are shown but not yet judged.",
  },
  {
    header: "comparators",
    level: "measure",
    path: ["comparators"],
    kind: "comparators",
    guidance:
      "(optional) Published figures to set beside it, one per line: value | what it is | source | period, and | unit when it differs, e.g. 31 | Repeat rate, England and Wales | SafeLives | 12 months to September 2024 | percent.",
  },
  { header: "population", level: "measure", path: ["population", "size"], kind: "number", guidance: "(optional) The population the figure is shown per head of, e.g. 152000." },
  { header: "population is", level: "measure", path: ["population", "of"], kind: "text", guidance: "With a population: who it is, e.g. women aged 16 and over." },
  { header: "shown per", level: "measure", path: ["population", "per"], kind: "number", guidance: "With a population: the rate is shown per this many, e.g. 10000." },
  { header: "lowest possible", level: "measure", path: ["min"], kind: "number", guidance: "(optional) The smallest value that can be right, e.g. 0." },
  { header: "highest possible", level: "measure", path: ["max"], kind: "number", guidance: "(optional) The largest value that can be right, e.g. 100 for a percentage." },
  { header: "part of", level: "measure", path: ["partOf"], kind: "text", guidance: "(optional) A measure this one never exceeds: its id, or REF/id in another indicator." },
  { header: "tracked", level: "measure", path: ["tracked"], kind: "yes-no", choices: ["yes", "no"], guidance: "yes (the default): a missing figure is an exception; no: shown when sent." },
  { header: "measure: more (JSON)", level: "measure", path: [], kind: "json", guidance: "(optional, for experts) Further measure fields as JSON, e.g. directions by category or from a year on." },
  { header: "indicator: more (JSON)", level: "indicator", path: [], kind: "json", guidance: "(optional, for experts) Further indicator fields as JSON." },
];

export const HEADERS = COLUMNS.map((c) => c.header);

/** A cell of the framework spreadsheet as darep writes it. */
export type CellValue = string | number;

/** What the spreadsheet's About sheet holds: the framework's name, source, themes in order, whose it is and its local terms. */
export interface FrameworkAbout {
  name: string;
  source?: string;
  themes: string[];
  partnership?: string;
  localTerms?: string[];
}

// The values that pass through the action-plan stage: an action as the lead officer wrote it, its
// timescale read, its links to indicators, and the assurance evidence on record.
import type { Issue, Location, Period } from "../types.js";
import type { AssuranceStatus } from "./assurance.js";
import type { RagRule } from "./rag.js";

/** The seed's RAG guide, in order of concern: Red, Amber, Light green, Green. */
export type Rag = "red" | "amber" | "light-green" | "green";
export const RAGS: readonly Rag[] = ["red", "amber", "light-green", "green"];

/** A timescale as read: a last day, an ongoing action (perhaps with a first date), or none given. */
export type Timescale =
  | { kind: "date"; due: string }
  | { kind: "ongoing"; first: string | null }
  | { kind: "none" };

/** One row of the action plan, as the lead officer wrote it, with the few parts darep reads. */
export interface Action {
  /** e.g. "P2.2". */
  ref: string;
  /** e.g. "P2": from the priority column, else the reference's part before the dot. */
  priority: string;
  /** The priority's name when the file gives one ("Support and keep victims, survivors & families safe"). */
  priorityName: string | null;
  keyAction: string;
  leadOfficer: string;
  /** The timescale cell as written. */
  timescaleText: string;
  /** The timescale read; "none" also when it could not be read (an invalid-timescale issue says so). */
  timescale: Timescale;
  measures: string;
  progress: string;
  /** The RAG rating as written. */
  ragText: string;
  /** The rating read, or null for not rated (blank, or unreadable: an unknown-rag issue says so). */
  rag: Rag | null;
  /** Indicator references the measures name, expanded ("PM26-29" gives PM26 ... PM29), in order. */
  indicators: string[];
  /** Assurance references the measures name ("QA11"). */
  assurance: string[];
  /** Where the row is: file, sheet, row, and the cells of the RAG, timescale and measures. */
  source: Location & { ragCell?: string; timescaleCell?: string; measuresCell?: string };
}

/** One row of assurance evidence: an item received (or not yet) for a quarter. */
export interface Evidence {
  ref: string;
  /** The quarter the evidence is for (the file's own unless its `for` column says otherwise). */
  for: Period;
  /** ISO date it was received, or null when the row says nothing came yet. */
  received: string | null;
  evidence: string;
  source: Location;
}

// ---- What the judgement gives: the shapes of report.json's `actions` and `assurance` sections
// (src/trends/report-schema.ts checks them and documents each field).

export interface IndicatorLink {
  ref: string;
  title: string | null;
  status: string | null;
  exception: boolean;
}

export interface ActionJson {
  ref: string;
  priority: string;
  priorityName: string | null;
  keyAction: string;
  leadOfficer: string;
  timescale: string;
  due: string | null;
  ongoing: boolean;
  measures: string;
  progress: string;
  rag: Rag | null;
  ragText: string;
  previousRag: Rag | null;
  rule: RagRule;
  overdue: boolean;
  ruledRag: Rag | null;
  indicators: IndicatorLink[];
  assurance: string[];
  file: string;
  row: number | null;
}

export interface RagFinding {
  ref: string;
  code: "rag-contradicts-rules";
  stated: Rag;
  expected: Rag;
  due: string | null;
  message: string;
  file: string;
  sheet?: string;
  row?: number;
  cell?: string;
}

export interface PriorityCount {
  priority: string;
  name: string | null;
  red: number;
  amber: number;
  lightGreen: number;
  green: number;
  notRated: number;
  total: number;
}

export interface ActionsJson {
  file: string | null;
  year: string | null;
  quarter: Period["quarter"] | null;
  previousFile: string | null;
  quarterEnd: string;
  actions: ActionJson[];
  byPriority: PriorityCount[];
  overdue: string[];
  notRated: string[];
  findings: RagFinding[];
  issues: Issue[];
}

export interface AssuranceJson {
  framework: string;
  files: string[];
  trackedFrom: Period | null;
  items: AssuranceStatus[];
  summary: { due: number; received: number; overdue: number; notDue: number };
  issues: Issue[];
}

/** An action as an indicator's result lists it. */
export interface LinkedAction {
  ref: string;
  rag: Rag | null;
  overdue: boolean;
}

// The values that pass through the action-plan stage: an action as the lead officer wrote it, its
// timescale read, its links to indicators, and the assurance evidence on record.
import type { Rag } from "../report-contract/schema.js";
import type { Location, Period } from "../types.js";
import type { Milestone } from "./milestones.js";

/**
 * The seed's RAG guide, in order of concern: Red, Amber, Light green, Green. Written out rather than
 * taken from the schema's Rag.options, so that reading an action plan never loads zod; a test checks
 * that the two agree.
 */
export const RAGS: readonly Rag[] = ["red", "amber", "light-green", "green"];

/** A timescale as read: a last day, an ongoing action (perhaps with a first date), or none given. */
export type Timescale = { kind: "date"; due: string } | { kind: "ongoing"; first: string | null } | { kind: "none" };

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
  /** The milestones within the action, each with its status (an optional column; absent or empty without it). */
  milestones?: Milestone[];
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

// What the judgement gives (report.json's `actions` and `assurance` sections) is typed by the report
// contract, src/report-contract/schema.ts, which checks and documents each field.

// The one shape every call of the library takes: which workspace, relative to what, and what day it
// is. A call returns a plain result; it never prints and never exits.
import { resolve } from "node:path";
import { ukToday } from "../words/index.js";

export interface WorkspaceRequest {
  /** The workspace folder; default the one holding darep.config.json at or above `cwd`. */
  workspace?: string;
  /** What relative paths in the request are relative to; default the current folder. */
  cwd?: string;
  /** ISO date standing for today (for "Q2" meaning the latest Q2 that has ended); default the clock. */
  today?: string;
}

/** A request about one quarter: "Q2" (the latest that has ended), "2025-26 Q2", or "Q2" with `year`. */
export interface QuarterRequest extends WorkspaceRequest {
  quarter: string;
  /** The financial year, e.g. "2025-26", when `quarter` does not say it. */
  year?: string;
}

export function settled(req: WorkspaceRequest): { cwd: string; today: string } {
  return { cwd: req.cwd ?? resolve(), today: req.today ?? ukToday(Date.now()) };
}

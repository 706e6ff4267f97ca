// The chase list: for one quarter, which agencies' returns are received, missing or invalid, whether
// late, who to contact and what each still owes. Pure: the checked returns and "today" come in.
import { quarterDates } from "../framework/period.js";
import type { Config } from "../framework/schema.js";
import type { Framework } from "../framework/types.js";
import type { Issue, Period, ReturnStatus } from "../types.js";
import { daysLate, dueDate, isLate } from "./due-date.js";
import type { PlanChase } from "./plan.js";

/** One return file of the quarter, as checked. */
export interface CheckedFile {
  agency: string;
  /** Workspace-relative path. */
  file: string;
  /** File modification time (ISO), the nearest thing to when it was received. */
  receivedAt: string | null;
  issues: Issue[];
}

export interface Owed {
  /** "return": the whole return (none came, or an error spoils the whole file); "corrections": figures
   * to correct; "nothing": all is well. */
  kind: "return" | "corrections" | "nothing";
  /** The indicator references concerned, in framework order. */
  indicators: string[];
}

export interface ChaseEntry {
  agency: string;
  name: string;
  status: ReturnStatus;
  file: string | null;
  receivedAt: string | null;
  late: boolean;
  /** Days after the due date it came; 0 when on time or not received. */
  daysLate: number;
  errors: number;
  warnings: number;
  contact: { name?: string; email?: string } | null;
  owed: Owed;
  issues: Issue[];
}

export interface ChaseList {
  partnership: string;
  year: string;
  quarter: Period["quarter"];
  /** e.g. "July to September 2026". */
  periodLabel: string;
  dueBy: string;
  today: string;
  /** Whether the due date has passed. */
  overdue: boolean;
  summary: { expected: number; received: number; invalid: number; missing: number; late: number };
  /** Missing first, then invalid, then late, then the rest; config order within each. */
  agencies: ChaseEntry[];
  /** Problems in the quarter's folder that belong to no agency (e.g. a file named after none). */
  otherIssues: Issue[];
  /** Overdue actions and assurance evidence by owner, when the workspace keeps an action plan or the framework has assurance. */
  actionPlan?: PlanChase;
}

export interface ChaseInput {
  config: Pick<Config, "partnership" | "agencies" | "financialYearStartMonth" | "options">;
  framework: Pick<Framework, "indicators">;
  period: Period;
  today: string;
  files: CheckedFile[];
  /** Problems outside any one file (e.g. two files for one agency), from the same check. */
  issues: Issue[];
}

function owedOf(status: ReturnStatus, issues: Issue[], indicators: string[], order: Map<string, number>): Owed {
  if (status === "received") return { kind: "nothing", indicators: [] };
  const errors = issues.filter((i) => i.severity === "error");
  // An error about the whole file (unreadable, ambiguous: no row, no indicator) leaves nothing usable.
  if (status === "missing" || errors.length === 0 || errors.some((i) => !i.indicator && i.row === undefined)) return { kind: "return", indicators };
  const refs = [...new Set(errors.flatMap((i) => (i.indicator ? [i.indicator.toUpperCase()] : [])))];
  refs.sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9) || a.localeCompare(b));
  return { kind: "corrections", indicators: refs };
}

export function chaseList(input: ChaseInput): ChaseList {
  const { config, period, today } = input;
  const due = dueDate(period, config);
  const order = new Map(input.framework.indicators.map((ind, i) => [ind.ref.toUpperCase(), i]));
  const folder = `returns/${period.year}/${period.quarter}/`;
  const agencyOf = (i: Issue): string | null => {
    if (!i.file.startsWith(folder)) return null;
    const name = i.file.slice(folder.length);
    return config.agencies.find((a) => name.startsWith(`${a.id}.`))?.id ?? null;
  };
  const stray = input.issues.filter((i) => agencyOf(i) === null && !(i.code === "unknown-period" && i.file === folder.slice(0, -1)));

  const entries: ChaseEntry[] = config.agencies.map((a) => {
    const file = input.files.find((f) => f.agency === a.id);
    const issues = [...input.issues.filter((i) => agencyOf(i) === a.id), ...(file?.issues ?? [])];
    const errors = issues.filter((i) => i.severity === "error").length;
    const status: ReturnStatus = errors > 0 ? "invalid" : file ? "received" : "missing";
    const receivedAt = file?.receivedAt ?? null;
    const late = isLate(receivedAt, due);
    const refs = a.indicators.map((r) => r.toUpperCase()).sort((x, y) => (order.get(x) ?? 1e9) - (order.get(y) ?? 1e9));
    return {
      agency: a.id,
      name: a.name,
      status,
      file: file?.file ?? null,
      receivedAt,
      late,
      daysLate: daysLate(receivedAt, due),
      errors,
      warnings: issues.length - errors,
      contact: a.contact ? { ...a.contact } : null,
      owed: owedOf(status, issues, refs, order),
      issues,
    };
  });
  const rank = (e: ChaseEntry) => (e.status === "missing" ? 0 : e.status === "invalid" ? 1 : e.late ? 2 : 3);
  const sorted = entries
    .map((e, i) => ({ e, i }))
    .sort((x, y) => rank(x.e) - rank(y.e) || x.i - y.i)
    .map((x) => x.e);
  return {
    partnership: config.partnership,
    year: period.year,
    quarter: period.quarter,
    periodLabel: quarterDates(period, config.financialYearStartMonth).label,
    dueBy: due,
    today,
    overdue: today > due,
    summary: {
      expected: entries.length,
      received: entries.filter((e) => e.status === "received").length,
      invalid: entries.filter((e) => e.status === "invalid").length,
      missing: entries.filter((e) => e.status === "missing").length,
      late: entries.filter((e) => e.late).length,
    },
    agencies: sorted,
    otherIssues: stray,
  };
}

/** Everything received and valid: what exit code 0 means for `darep status`. */
export const allIn = (list: ChaseList) => list.summary.received === list.summary.expected;

// `--format text`: validation results by file, for an agency's data officer to act on: each file's
// one-line verdict, then its errors, then its warnings; a finding repeated on many rows is one
// entry ("rows 2-63: ..."), so the few errors that matter are never buried under the same warning.
import type { ChalkInstance } from "chalk";
import type { FileCheck, ValidationResult } from "../../index.js";
import type { Issue } from "../../types.js";
import { plural, terminalSafe as safe } from "../../words/index.js";
import { where } from "./location.js";

export interface TextOptions {
  /** Leave warnings out (they are still counted in each file's verdict). */
  errorsOnly?: boolean;
}

/** Findings of one kind on several rows: the same code, column and advice. */
interface Group {
  first: Issue;
  rows: number[];
}

/** "2-5, 7, 9-12" */
export function rowRanges(rows: readonly number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(", ");
}

/** Group findings that differ only in their row; a finding without a row stands alone. */
function grouped(issues: readonly Issue[]): Group[] {
  const groups: Group[] = [];
  const byKey = new Map<string, Group>();
  for (const i of issues) {
    if (i.row === undefined) {
      groups.push({ first: i, rows: [] });
      continue;
    }
    const key = JSON.stringify([i.code, i.sheet, i.column, i.advice, i.expected]);
    const g = byKey.get(key);
    if (g) g.rows.push(i.row);
    else {
      const fresh = { first: i, rows: [i.row] };
      byKey.set(key, fresh);
      groups.push(fresh);
    }
  }
  return groups;
}

function describe(g: Group, c: ChalkInstance): string[] {
  const i = g.first;
  const mark = i.severity === "error" ? c.red("error  ") : c.yellow("warning");
  const many = g.rows.length > 1;
  const place = many ? `${i.sheet ? `sheet ${safe(i.sheet)}, ` : ""}rows ${rowRanges(g.rows)}${i.column ? ` (${safe(i.column)})` : ""}` : safe(where(i));
  const message = many ? `${g.rows.length} times, e.g. ${safe(i.message)}` : safe(i.message);
  const lines = [`  ${mark} ${place ? `${place}: ` : ""}${message} ${c.dim(`[${i.code}]`)}`];
  const detail: string[] = [];
  if (i.found !== undefined && !many) detail.push(`found ${safe(JSON.stringify(i.found))}`);
  if (i.expected !== undefined) detail.push(`expected ${safe(i.expected)}`);
  if (detail.length) lines.push(`          ${c.dim(detail.join("; "))}`);
  if (i.advice) lines.push(`          ${safe(i.advice)}`);
  return lines;
}

function fileBlock(f: FileCheck, c: ChalkInstance, opts: TextOptions): string[] {
  const head = f.status === "valid" ? c.green("✓ valid") : c.red("✗ invalid");
  const counts = [f.errors ? plural(f.errors, "error") : "", f.warnings ? plural(f.warnings, "warning") : ""].filter(Boolean).join(", ");
  const lines = [`${c.bold(safe(f.file))}  ${head}${counts ? ` (${counts})` : ""}, ${plural(f.figures, "figure")} read`];
  // In reading order: the file's own findings, then row by row (the reader's and the validator's together).
  const ordered = [...f.issues].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const errors = ordered.filter((i) => i.severity === "error");
  const warnings = opts.errorsOnly ? [] : ordered.filter((i) => i.severity !== "error");
  for (const g of [...grouped(errors), ...grouped(warnings)]) lines.push(...describe(g, c));
  return lines;
}

export function formatText(result: ValidationResult, c: ChalkInstance, opts: TextOptions = {}): string {
  const out: string[] = [];
  const workspace = opts.errorsOnly ? result.issues.filter((i) => i.severity === "error") : result.issues;
  if (workspace.length) {
    out.push(c.bold("Workspace"));
    for (const i of workspace) out.push(...describe({ first: { ...i, message: `${i.file}: ${i.message}` }, rows: [] }, c));
    out.push("");
  }
  for (const f of result.files) out.push(...fileBlock(f, c, opts), "");
  const s = result.summary;
  out.push(`Checked ${plural(s.files, "file")}: ${s.valid} valid, ${s.invalid} invalid; ${plural(s.errors, "error")}, ${plural(s.warnings, "warning")}.`);
  return out.join("\n") + "\n";
}

/** One finding as the lines a person reads (for the commands that report findings outside a return check). */
export function issueLines(i: Issue, c: ChalkInstance): string[] {
  return describe({ first: i, rows: [] }, c);
}

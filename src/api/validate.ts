// `darep validate`: resolve what the user named (files, folders, a quarter) into returns, check each,
// and gather one result. Every file is checked even when an earlier one fails.
import { existsSync, statSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { ReturnsCache } from "../cache/returns.js";
import { RunError } from "../errors.js";
import { latestEnded, parsePeriodArg, periodKey, previousQuarter } from "../framework/period.js";
import { isClutter, listReturns, placeOf, workspaceFile, type ReturnEntry } from "../framework/returns-folder.js";
import type { Workspace } from "../framework/types.js";
import type { ReadLimits } from "../ingest/index.js";
import { issue } from "../issues/catalogue.js";
import type { Figure, Issue, Period, ValidatedReturn } from "../types.js";
import { checkReturn } from "./check-return.js";

export interface FileCheck {
  file: string;
  agency: string | null;
  year: string | null;
  quarter: string | null;
  /** "valid": no errors (warnings allowed); "invalid": at least one error. */
  status: "valid" | "invalid";
  sha256: string | null;
  /** When it was received: the quarter's receipts log, else the file's modification time. */
  receivedAt: string | null;
  figures: number;
  errors: number;
  warnings: number;
  issues: Issue[];
}

export interface ValidationResult {
  files: FileCheck[];
  /** Problems with names the user gave or the folders themselves, not inside any one file. */
  issues: Issue[];
  summary: { files: number; valid: number; invalid: number; errors: number; warnings: number };
}

export interface ValidateRequest {
  /** Files, folders, or a quarter ("Q2", "2025-26 Q2"); none means the latest quarter with returns. */
  targets: string[];
  cwd: string;
  /** ISO date standing for today, for "Q2" meaning the latest Q2 that has ended. */
  today: string;
  year?: string;
  limits?: Partial<ReadLimits>;
  /** Checked returns by content: a file unchanged since it was last checked is not read again. */
  cache?: ReturnsCache | null;
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const d of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, d.name);
    if (d.isDirectory()) out.push(...(await filesUnder(p)));
    else if (d.isFile() && !isClutter(d.name)) out.push(p);
  }
  return out.sort();
}

/** Turn the user's words into return entries, and issues for the ones that are no return at all. */
async function resolveTargets(ws: Workspace, req: ValidateRequest): Promise<{ entries: ReturnEntry[]; issues: Issue[] }> {
  const entries: ReturnEntry[] = [];
  const issues: Issue[] = [];
  const add = (path: string) => {
    const place = placeOf(ws, path);
    if ("code" in place) issues.push(place);
    else entries.push({ ...place, path, file: workspaceFile(ws, path) });
  };
  let targets = req.targets;
  if (targets.length === 0) {
    const all = await listReturns(ws);
    const last = all.entries.at(-1);
    if (!last) throw new RunError(`There are no returns in ${join(ws.root, "returns")} yet.`);
    targets = [periodKey(last.period)];
  }
  for (const target of targets) {
    const asPeriod = parsePeriodArg(target);
    const path = resolve(req.cwd, target);
    if (asPeriod && !existsSync(path)) {
      const period: Period = asPeriod.year
        ? { year: asPeriod.year, quarter: asPeriod.quarter }
        : req.year
          ? { year: req.year, quarter: asPeriod.quarter }
          : latestEnded(asPeriod.quarter, req.today, ws.config.financialYearStartMonth);
      const listed = await listReturns(ws, period);
      if (listed.entries.length === 0 && listed.issues.length === 0)
        issues.push(issue("unknown-period", { file: `returns/${period.year}/${period.quarter}` }, `There are no returns for ${periodKey(period)} (no files in returns/${period.year}/${period.quarter}).`));
      entries.push(...listed.entries);
      issues.push(...listed.issues);
    } else if (!existsSync(path)) {
      issues.push(issue("unreadable-file", { file: target }, `${target} does not exist.`, { advice: "Check the path, or name a quarter such as Q2." }));
    } else if (statSync(path).isDirectory()) {
      for (const f of await filesUnder(path)) add(f);
    } else add(path);
  }
  const seen = new Set<string>();
  const unique = entries.filter((e) => !seen.has(e.path) && seen.add(e.path));
  for (const a of ambiguous(unique)) if (!issues.some((i) => i.code === a.code && i.file === a.file)) issues.push(a);
  return { entries: unique, issues };
}

/**
 * Two files named as one agency's return for one quarter (a .csv and an .xlsx), when the user named
 * files or folders: both are still checked, so the data officer sees what is in each, but the pair
 * is an error, as it is for build (which uses neither).
 */
function ambiguous(entries: ReturnEntry[]): Issue[] {
  const byReturn = new Map<string, ReturnEntry[]>();
  for (const e of entries) {
    const key = `${e.agency} ${periodKey(e.period)}`;
    byReturn.set(key, [...(byReturn.get(key) ?? []), e]);
  }
  const out: Issue[] = [];
  for (const group of byReturn.values()) {
    if (group.length < 2) continue;
    const { agency, period } = group[0]!;
    const names = group.map((e) => e.file.split("/").pop()!);
    const file = `returns/${period.year}/${period.quarter}/${names.join(" and ")}`;
    out.push(issue("ambiguous-return", { file }, `${agency} has ${group.length} files for ${periodKey(period)} (${names.join(", ")}), so darep cannot tell which is the return.`, { found: names.join(", "), expected: "one file" }));
  }
  return out;
}

/** The figures each agency sent the quarter before, for the cross-quarter warnings. */
async function previousFigures(ws: Workspace, entries: ReturnEntry[], limits?: Partial<ReadLimits>, cache?: ReturnsCache | null): Promise<Map<string, Figure[]>> {
  const out = new Map<string, Figure[]>();
  const periods = new Map<string, Period>();
  const needed = new Set<string>();
  for (const e of entries) {
    const p = previousQuarter(e.period);
    periods.set(periodKey(p), p);
    needed.add(`${e.agency} ${periodKey(p)}`);
  }
  for (const p of periods.values()) {
    const listed = await listReturns(ws, p);
    const wanted = listed.entries.filter((e) => needed.has(`${e.agency} ${periodKey(p)}`));
    const checked = await Promise.all(wanted.map((e) => checkReturn(ws, e, { limits, cache })));
    for (const r of checked) out.set(`${r.agency} ${periodKey(r.period)}`, r.figures);
  }
  return out;
}

export function toFileCheck(r: ValidatedReturn): FileCheck {
  const errors = r.issues.filter((i) => i.severity === "error").length;
  return {
    file: r.file ?? "",
    agency: r.agency,
    year: r.period.year,
    quarter: r.period.quarter,
    status: errors ? "invalid" : "valid",
    sha256: r.sha256,
    receivedAt: r.receivedAt,
    figures: r.figures.length,
    errors,
    warnings: r.issues.length - errors,
    issues: r.issues,
  };
}

export async function validate(ws: Workspace, req: ValidateRequest): Promise<ValidationResult> {
  const { entries, issues } = await resolveTargets(ws, req);
  const previous = await previousFigures(ws, entries, req.limits, req.cache);
  const files: FileCheck[] = [];
  // A few files at a time: enough to overlap reading and checking, few enough to bound memory.
  for (let i = 0; i < entries.length; i += 8) {
    const batch = entries.slice(i, i + 8).map((e) => {
      const prev = previous.get(`${e.agency} ${periodKey(previousQuarter(e.period))}`);
      return checkReturn(ws, e, { limits: req.limits, previous: prev, cache: req.cache });
    });
    files.push(...(await Promise.all(batch)).map(toFileCheck));
  }
  const all = [...issues, ...files.flatMap((f) => f.issues)];
  const errors = all.filter((i) => i.severity === "error").length;
  return {
    files,
    issues,
    summary: {
      files: files.length,
      valid: files.filter((f) => f.status === "valid").length,
      invalid: files.filter((f) => f.status === "invalid").length,
      errors,
      warnings: all.length - errors,
    },
  };
}

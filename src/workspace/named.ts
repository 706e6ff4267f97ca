// The returns the user named for `darep validate` and `darep status` (files, folders, or a quarter),
// found and checked: each with the figures its agency sent the quarter before, for the cross-quarter
// warnings. Every file is checked even when an earlier one fails.
import { join, resolve } from "node:path";
import { RunError } from "../errors.js";
import { parsePeriodArg, periodKey, previousQuarter } from "../framework/period.js";
import type { Workspace } from "../framework/types.js";
import type { ReadLimits } from "../ingest/index.js";
import { issue } from "../issues/catalogue.js";
import type { Figure, Issue, Period, ValidatedReturn } from "../types.js";
import type { ReturnsCache } from "./cache/returns.js";
import { checkReturn, openReturn } from "./check-return.js";
import { inBatches } from "./gather.js";
import { kindOf, listFolder, type Input } from "./input.js";
import { quarterMeant } from "./quarter.js";
import { isClutter, listReturns, placeOf, workspaceFile, type ReturnEntry } from "./returns-folder.js";

export interface NamedRequest {
  /** Files, folders, or a quarter ("Q2", "2025-26 Q2"); none means the latest quarter with returns. */
  targets: string[];
  /** What relative paths in `targets` are relative to. */
  cwd: string;
  /** ISO date standing for today, for "Q2" meaning the latest Q2 that has ended. */
  today: string;
  year?: string;
  limits?: Partial<ReadLimits>;
}

export interface NamedReturns {
  returns: ValidatedReturn[];
  /** Problems with names the user gave or the folders themselves, not inside any one file. */
  issues: Issue[];
}

function filesUnder(dir: string): string[] {
  const listed = listFolder(dir);
  if (!listed) return [];
  const out = listed.files.filter((n) => !isClutter(n)).map((n) => join(dir, n));
  for (const d of listed.folders) out.push(...filesUnder(join(dir, d)));
  return out.sort();
}

/** Turn the user's words into return entries, and issues for the ones that are no return at all. */
async function resolveTargets(ws: Workspace, req: NamedRequest): Promise<{ entries: ReturnEntry[]; issues: Issue[] }> {
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
    const path = resolve(req.cwd, target);
    const kind = kindOf(path);
    if (parsePeriodArg(target) && kind === null) {
      const period: Period = quarterMeant({ quarter: target, year: req.year }, req.today, ws.config.financialYearStartMonth);
      const listed = await listReturns(ws, period);
      if (listed.entries.length === 0 && listed.issues.length === 0)
        issues.push(
          issue("unknown-period", { file: `returns/${period.year}/${period.quarter}` }, `There are no returns for ${periodKey(period)} (no files in returns/${period.year}/${period.quarter}).`),
        );
      entries.push(...listed.entries);
      issues.push(...listed.issues);
    } else if (kind === null) {
      issues.push(issue("unreadable-file", { file: target }, `${target} does not exist.`, { advice: "Check the path, or name a quarter such as Q2." }));
    } else if (kind === "folder") {
      for (const f of filesUnder(path)) add(f);
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
    out.push(
      issue("ambiguous-return", { file }, `${agency} has ${group.length} files for ${periodKey(period)} (${names.join(", ")}), so darep cannot tell which is the return.`, {
        found: names.join(", "),
        expected: "one file",
      }),
    );
  }
  return out;
}

/**
 * The figures each agency sent the quarter before, for the cross-quarter warnings. A return that is
 * both named and the quarter before another (validating Q1 and Q2 together) is opened once: its read
 * is kept in `opened` for its own check.
 */
async function previousFigures(ws: Workspace, entries: ReturnEntry[], limits: Partial<ReadLimits> | undefined, cache: ReturnsCache | null, opened: Map<string, Input>): Promise<Map<string, Figure[]>> {
  const named = new Set(entries.map((e) => e.path));
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
    const checked = await Promise.all(
      wanted.map((e) => {
        if (!named.has(e.path)) return checkReturn(ws, e, { limits, cache });
        const input = openReturn(ws, e, limits);
        opened.set(e.path, input);
        return checkReturn(ws, e, { limits, cache, input });
      }),
    );
    for (const r of checked) out.set(`${r.agency} ${periodKey(r.period)}`, r.figures);
  }
  return out;
}

/** The returns named, each checked; in the order found. */
export async function checkNamed(ws: Workspace, req: NamedRequest, cache: ReturnsCache | null): Promise<NamedReturns> {
  const { entries, issues } = await resolveTargets(ws, req);
  const opened = new Map<string, Input>();
  const previous = await previousFigures(ws, entries, req.limits, cache, opened);
  // A few files at a time: enough to overlap reading and checking, few enough to bound memory.
  const returns = await inBatches(entries, 8, (e) => {
    const prev = previous.get(`${e.agency} ${periodKey(previousQuarter(e.period))}`);
    const input = opened.get(e.path);
    opened.delete(e.path); // its bytes are not needed after this
    return checkReturn(ws, e, { limits: req.limits, previous: prev, cache, input });
  });
  return { returns, issues };
}

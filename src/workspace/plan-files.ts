// The action plan and the assurance evidence of one quarter, read from the workspace's actions/ and
// assurance/ folders into the plain input the action plan's judging takes (src/actions judges it).
import { join, sep } from "node:path";
import { readEvidenceTable } from "../actions/evidence.js";
import type { PlanInput } from "../actions/judge.js";
import { readActionTable, type ActionContext } from "../actions/table.js";
import type { Action, Evidence } from "../actions/types.js";
import { comparePeriods, isQuarterName, isYearLabel, periodKey, previousQuarter, sameQuarterLastYear } from "../framework/period.js";
import type { Workspace } from "../framework/types.js";
import { issue } from "../issues/catalogue.js";
import type { Rag } from "../report-contract/schema.js";
import type { Issue, Period } from "../types.js";
import { ACTIONS_FOLDER, ASSURANCE_FOLDER } from "./folders.js";
import { parseReturn } from "../ingest/index.js";
import type { RawTable } from "../types.js";
import { cachedTable, tableKey, type TableKind } from "./cache/tables.js";
import type { CacheStore } from "./cache/store.js";
import { listFolder } from "./input.js";
import { openTableFile } from "./read-table.js";

export { ACTIONS_FOLDER, ASSURANCE_FOLDER };

interface QuarterFile {
  period: Period;
  /** Workspace-relative, forward slashes. */
  file: string;
  path: string;
}

/** `<folder>/<year>-<quarter>.csv|.xlsx`, oldest first; a quarter with both a .csv and an .xlsx is reported, and neither used. */
function quarterFiles(ws: Workspace, folder: string, upTo: Period): { files: QuarterFile[]; issues: Issue[]; exists: boolean } {
  const names = listFolder(join(ws.root, folder))?.files;
  if (!names) return { files: [], issues: [], exists: false };
  const byKey = new Map<string, QuarterFile[]>();
  for (const name of names) {
    const m = /^(\d{4}-\d{2})-(Q[1-4])\.(csv|xlsx)$/i.exec(name);
    if (!m || !isYearLabel(m[1]!) || !isQuarterName(m[2]!.toUpperCase())) continue;
    const period: Period = { year: m[1]!, quarter: m[2]!.toUpperCase() as Period["quarter"] };
    if (comparePeriods(period, upTo) > 0) continue; // a later quarter's file is not this report's business
    const key = periodKey(period);
    byKey.set(key, [...(byKey.get(key) ?? []), { period, file: `${folder}/${name}`, path: join(ws.root, folder, name) }]);
  }
  const files: QuarterFile[] = [];
  const issues: Issue[] = [];
  for (const group of byKey.values()) {
    if (group.length === 1) files.push(group[0]!);
    else
      issues.push(
        issue(
          "ambiguous-return",
          { file: group[0]!.file },
          `Both ${group.map((g) => g.file).join(" and ")} exist for ${periodKey(group[0]!.period)}; darep will not guess which is meant, so neither was read.`,
        ),
      );
  }
  files.sort((a, b) => comparePeriods(a.period, b.period));
  return { files, issues, exists: true };
}

/**
 * Read one file and make of it what `interpret` makes of its table, with issues' places made
 * workspace-relative; from the cache when the file and everything else it depends on are unchanged.
 */
async function readFile<T extends { issues: Issue[] }>(
  ws: Workspace,
  store: CacheStore | null,
  kind: TableKind,
  f: QuarterFile,
  sheet: string,
  interpret: (table: RawTable | null) => T,
  list: keyof T,
): Promise<T> {
  const opened = openTableFile(f.path);
  if ("issue" in opened) return { ...interpret(null), issues: [{ ...opened.issue, file: f.file }] };
  const key = store ? tableKey(ws, kind, { file: f.file, period: f.period, sheet, bytes: opened.bytes }) : null;
  if (store && key) {
    const hit = await cachedTable<T>(store, kind, key, list);
    if (hit) return hit;
  }
  const read = await parseReturn(opened.bytes, f.path, {}, sheet);
  const issues = read.issues.map((i) => (i.file === f.path ? { ...i, file: f.file } : i));
  const made = interpret(read.table ? { ...read.table, file: f.file } : null);
  const result = { ...made, issues: [...issues, ...made.issues] };
  if (store && key) await store.put(kind, key, result);
  return result;
}

function context(ws: Workspace): ActionContext {
  return {
    indicators: new Set(ws.framework.indicators.map((i) => i.ref.toUpperCase())),
    assurance: new Set(ws.framework.assurance?.items.map((i) => i.ref.toUpperCase()) ?? []),
    financialYearStartMonth: ws.config.financialYearStartMonth,
    ...(ws.framework.rag ? { rag: ws.framework.rag } : {}),
  };
}

function readActions(ws: Workspace, f: QuarterFile, store: CacheStore | null = null): Promise<{ actions: Action[]; issues: Issue[] }> {
  return readFile<{ actions: Action[]; issues: Issue[] }>(ws, store, "actions", f, "Actions", (table) => (table ? readActionTable(table, context(ws)) : { actions: [], issues: [] }), "actions");
}

/** The quarter's action plan (or the latest before it), and the one of the quarter before that for the RAG changes. */
export async function readPlan(ws: Workspace, period: Period, store: CacheStore | null = null): Promise<PlanInput["plan"]> {
  const listed = quarterFiles(ws, ACTIONS_FOLDER, period);
  if (!listed.exists) return null;
  const used = listed.files.at(-1) ?? null;
  const issues: Issue[] = [...listed.issues];
  if (used && periodKey(used.period) !== periodKey(period))
    issues.push(
      issue(
        "missing-action-plan",
        { file: `${ACTIONS_FOLDER}/${period.year}-${period.quarter}.csv` },
        `There is no action plan update for ${periodKey(period)}; ${used.file} was judged against the quarter's end instead.`,
      ),
    );
  if (!used) {
    issues.push(issue("missing-action-plan", { file: `${ACTIONS_FOLDER}/${period.year}-${period.quarter}.csv` }, `There is no action plan for ${periodKey(period)} or any quarter before it.`));
    return { file: null, period: null, actions: [], previous: null, previousFile: null, issues };
  }
  const current = await readActions(ws, used, store);
  const before = listed.files.find((f) => periodKey(f.period) === periodKey(previousQuarter(used.period))) ?? null;
  let previous: Map<string, Rag | null> | null = null;
  if (before) previous = new Map((await readActions(ws, before, store)).actions.map((a) => [a.ref.toUpperCase(), a.rag]));
  return { file: used.file, period: used.period, actions: current.actions, previous, previousFile: before?.file ?? null, issues: [...issues, ...current.issues] };
}

/** The assurance evidence of the year up to the quarter, when the framework has an assurance part. */
export async function readAssurance(ws: Workspace, period: Period, store: CacheStore | null = null): Promise<PlanInput["assurance"]> {
  const framework = ws.framework.assurance;
  if (!framework) return null;
  const listed = quarterFiles(ws, ASSURANCE_FOLDER, period);
  // The assurance list is the workspace's business only when it keeps one: its own framework folder's
  // assurance.json, or an assurance/ folder of evidence. A bundled framework's list alone is not enough.
  const ownFramework = ws.framework.dir.startsWith(ws.root + sep);
  if (!listed.exists && !ownFramework) return null;
  const trackedFrom = listed.files[0]?.period ?? null;
  // Evidence older than a year before the quarter cannot change what is owed now.
  const recent = listed.files.filter((f) => comparePeriods(f.period, sameQuarterLastYear(period)) >= 0);
  const refs = new Set(framework.items.map((i) => i.ref.toUpperCase()));
  const evidence: Evidence[] = [];
  const issues: Issue[] = [...listed.issues];
  for (const f of recent) {
    const t = await readFile<{ evidence: Evidence[]; issues: Issue[] }>(
      ws,
      store,
      "evidence",
      f,
      "Assurance",
      (table) => (table ? readEvidenceTable(table, f.period, refs) : { evidence: [], issues: [] }),
      "evidence",
    );
    evidence.push(...t.evidence);
    issues.push(...t.issues);
  }
  return { framework, evidence, files: recent.map((f) => f.file), trackedFrom, issues };
}

/** The latest action plan at or before `period`, read, for `darep template actions` to pre-fill from. */
export async function latestActions(ws: Workspace, period: Period): Promise<{ file: string; actions: Action[] } | null> {
  const listed = quarterFiles(ws, ACTIONS_FOLDER, period);
  const f = listed.files.at(-1);
  return f ? { file: f.file, actions: (await readActions(ws, f)).actions } : null;
}

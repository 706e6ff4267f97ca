// The only reader of a workspace. A command opens the workspace (config and framework, checked) and
// reads what it needs once, into a plain snapshot that the stages take as arguments: the checked
// returns, the receipts (as each return's date), the commentary, the action plan and the assurance
// evidence. Every file comes through one door (input.ts); the cache is a private detail of this folder.
import type { PlanInput } from "../actions/judge.js";
import { periodKey, previousQuarter } from "../framework/period.js";
import type { Workspace } from "../framework/types.js";
import type { ReadLimits } from "../ingest/index.js";
import type { Figure, Issue, Period, ValidatedReturn } from "../types.js";
import { ReturnsCache } from "./cache/returns.js";
import { openCache, type CacheSetting } from "./cache/store.js";
import { checkReturn } from "./check-return.js";
import { gather } from "./gather.js";
import { loadWorkspace } from "./load.js";
import { checkNamed, type NamedRequest, type NamedReturns } from "./named.js";
import { RunError } from "../errors.js";
import { openInput } from "./input.js";
import { listReturns } from "./returns-folder.js";

export type { CacheSetting } from "./cache/store.js";
export { CONFIG_FILE, findWorkspaceRoot } from "./load.js";
export { parseQuarter, quarterMeant, type QuarterAsked } from "./quarter.js";
export { workspacesIn } from "./workspaces-folder.js";
export { openLone, type LoneRequest, type LoneReturns } from "./lone.js";
export { ACTIONS_FOLDER, ASSURANCE_FOLDER, RETURNS_FOLDER } from "./folders.js";
export type { NamedRequest, NamedReturns } from "./named.js";
export type { Workspace } from "../framework/types.js";
export { checkReturnBytes } from "./check-return.js";

/** A framework folder, loaded and checked: a RunError (`shown` naming the folder) listing every mistake otherwise. Loads zod only when called. */
export async function loadFramework(dir: string, shown = dir): Promise<import("../framework/types.js").Framework> {
  const { FrameworkError, loadFramework: load } = await import("./load-framework.js");
  try {
    return await load(dir);
  } catch (e) {
    if (e instanceof FrameworkError) throw new RunError(`The framework in ${shown} has mistakes:`, e.problems);
    throw e;
  }
}
export { openTableFile, readTableFile } from "./read-table.js";
export { kindOf, listFolder } from "./input.js";
export { makeFolder } from "./make-folder.js";
export { RECEIPTS_FILE } from "./returns-folder.js";

/** A file's text read through the one door, or null when it cannot be read (for files darep rewrites, such as the config). */
export function readText(path: string): string | null {
  const input = openInput(path);
  return input.ok ? input.bytes.toString("utf8") : null;
}
export { newestInput, readReportFile, reportFolder, staleReportFiles } from "./published.js";

export interface OpenRequest {
  /** The workspace folder; default the one holding darep.config.json at or above `cwd`. */
  workspace?: string;
  cwd: string;
  /** Reuse checked returns (and the checked config) from the cache; default: no cache. */
  cache?: CacheSetting;
}

/** Each open workspace's cache of checked returns: kept here, so that the snapshot stays plain data. */
const caches = new WeakMap<Workspace, ReturnsCache>();
const cacheOf = (ws: Workspace) => caches.get(ws) ?? null;

/** The workspace's config and framework, checked: a RunError listing every mistake otherwise. */
export async function openWorkspace(req: OpenRequest): Promise<Workspace> {
  const ws = await loadWorkspace(req);
  const store = openCache(req.cache, ws.root);
  if (store) caches.set(ws, await ReturnsCache.open(store));
  return ws;
}

/** Everything a quarter's report is made from, read once. */
export interface QuarterSnapshot {
  workspace: Workspace;
  period: Period;
  /** Every return on record up to the quarter, checked, and a "missing" one for each agency that sent nothing for it. */
  returns: ValidatedReturn[];
  /** Problems with the returns folders themselves and the receipts logs (not inside a return). */
  issues: Issue[];
  commentary: { source: string; file: string } | null;
  plan: PlanInput["plan"];
  assurance: PlanInput["assurance"];
}

/** The action plan and evidence: loaded only by the commands that read them, not by `darep validate`. */
async function readPlanFiles(ws: Workspace, period: Period) {
  const { readAssurance, readPlan } = await import("./plan-files.js");
  const store = cacheOf(ws)?.store ?? null;
  const [plan, assurance] = await Promise.all([readPlan(ws, period, store), readAssurance(ws, period, store)]);
  return { plan, assurance };
}

export async function readQuarter(ws: Workspace, period: Period, options: { limits?: Partial<ReadLimits> } = {}): Promise<QuarterSnapshot> {
  const gathered = await gather(ws, period, options.limits, cacheOf(ws));
  const { plan, assurance } = await readPlanFiles(ws, period);
  return { workspace: ws, period, returns: gathered.returns, issues: gathered.issues, commentary: gathered.commentary, plan, assurance };
}

/** The returns the user named (files, folders or a quarter), each checked. */
export function readNamed(ws: Workspace, req: NamedRequest): Promise<NamedReturns> {
  return checkNamed(ws, req, cacheOf(ws));
}

/** What the chase list is made from: the quarter's returns, checked, and its action plan. */
export interface StatusSnapshot extends NamedReturns {
  workspace: Workspace;
  period: Period;
  plan: PlanInput["plan"];
  assurance: PlanInput["assurance"];
}

export async function readStatus(ws: Workspace, period: Period, today: string): Promise<StatusSnapshot> {
  const named = await checkNamed(ws, { targets: [periodKey(period)], cwd: ws.root, today }, cacheOf(ws));
  const { plan, assurance } = await readPlanFiles(ws, period);
  return { workspace: ws, period, ...named, plan, assurance };
}

/** The figures an agency sent the quarter before `period` that passed validation; none when it sent nothing. */
export async function previousFigures(ws: Workspace, agency: string, period: Period): Promise<Figure[]> {
  const listed = await listReturns(ws, previousQuarter(period));
  const entry = listed.entries.find((e) => e.agency === agency);
  return entry ? (await checkReturn(ws, entry, { cache: cacheOf(ws) })).figures : [];
}

/** The latest action plan at or before `period`, for `darep template actions` to pre-fill from. */
export async function latestActions(ws: Workspace, period: Period) {
  return (await import("./plan-files.js")).latestActions(ws, period);
}

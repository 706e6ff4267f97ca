// `darep framework import | export | template`: a partnership's framework from the spreadsheet it keeps
// its indicators in, back out to one for review in Excel, and the blank spreadsheet to start from.
import { basename, extname, join, relative, resolve } from "node:path";
import { RunError } from "../errors.js";
import { checkTogether } from "../framework/check-together.js";
import { Slug } from "../framework/schema.js";
import type { Framework } from "../framework/types.js";
import { CONFIG_FILE, DAREP_ROOT } from "../framework/workspace.js";
import { aboutOf, frameworkFiles, frameworkFromTable, frameworkRows } from "../framework-io/index.js";
import { frameworkCsv, frameworkXlsx, INDICATORS_SHEET } from "../template/framework-workbook.js";
import { assignByOwner } from "../init/assign.js";
import { writeAllAtomically } from "./write-atomic.js";
import type { Issue } from "../types.js";
import { findWorkspaceRoot, kindOf, loadFramework, readTableFile, readText } from "../workspace/index.js";
import { settled, type WorkspaceRequest } from "./request.js";

/** The name of the framework a new workspace starts with until its own is imported. */
export const BLANK_FRAMEWORK = "blank";
/** Workbook dates: a fixed moment, so the same framework gives the same bytes. */
const FIXED = new Date("2026-01-01T00:00:00Z");

export interface FrameworkImportRequest extends Pick<WorkspaceRequest, "cwd" | "workspace"> {
  /** The spreadsheet (XLSX or CSV), one row per measure. */
  file: string;
  /** The framework's folder name under schemas/ (default: from the file's name). */
  name?: string;
  /** Make the workspace use it (and give agencies the indicators their owner column names); default only when it uses the blank framework. */
  use?: boolean;
}

export interface ConfigChange {
  changed: boolean;
  /** Agency id -> references now reported. */
  assigned: [string, string[]][];
  /** References whose owner names no agency; agencies that got none. When any, the config is left as it was. */
  unowned: string[];
  idle: string[];
}

export interface FrameworkImportOutcome {
  name: string;
  /** The folder written, as shown to the user; null when the spreadsheet has errors. */
  folder: string | null;
  indicators: number;
  measures: number;
  issues: Issue[];
  config: ConfigChange | null;
}

function workspaceRoot(req: { cwd: string; workspace?: string }): string | null {
  return req.workspace ? resolve(req.cwd, req.workspace) : findWorkspaceRoot(req.cwd);
}

export async function importFramework(req: FrameworkImportRequest): Promise<FrameworkImportOutcome> {
  const { cwd } = settled(req);
  const path = resolve(cwd, req.file);
  const shownFile = relative(cwd, path) || req.file;
  const name =
    req.name ??
    basename(path, extname(path))
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "");
  if (!Slug.safeParse(name).success) throw new RunError(`'${name}' cannot name a framework folder: give --name in lower-case letters, digits and hyphens, e.g. --name sheffield.`);
  const read = await readTableFile(path, {}, INDICATORS_SHEET);
  const issues = read.issues.filter((i) => i.code !== "missing-sheet").map((i) => (i.file === path ? { ...i, file: shownFile } : i));
  if (!read.table) return { name, folder: null, indicators: 0, measures: 0, issues, config: null };
  const made = frameworkFromTable({ ...read.table, file: shownFile }, name);
  issues.push(...made.issues);
  const measures = made.indicators.reduce((n, i) => n + i.measures.length, 0);
  const failed = { name, folder: null, indicators: made.indicators.length, measures, issues, config: null };
  if (issues.some((i) => i.severity === "error") || !made.info) return failed;

  const root = workspaceRoot({ cwd, workspace: req.workspace }) ?? cwd;
  const dir = join(root, "schemas", name);
  const shown = relative(cwd, dir) || dir;
  if (kindOf(dir) !== null) throw new RunError(`${shown} already exists, and darep framework import overwrites nothing: give another --name, or remove the folder first.`);
  const files = frameworkFiles(made.info, made.indicators);
  // The checks across indicators (parts of other indicators' measures), as the loader runs them.
  const across: string[] = [];
  checkTogether(
    `schemas/${name}`,
    made.info,
    made.indicators.map((value) => ({ file: `${value.ref}.json`, shown: `${shownFile}: ${value.ref}`, value })),
    across,
  );
  if (across.length) throw new RunError(`The framework in ${shownFile} has mistakes across indicators:`, across);
  await writeAllAtomically([...files].map(([f, content]) => ({ path: join(dir, f), content })));
  const config = await useFramework(root, name, made.indicators, req.use);
  return { name, folder: shown, indicators: made.indicators.length, measures, issues, config };
}

/** Point the workspace's config at the framework, giving each agency what its owner column names. */
async function useFramework(root: string, name: string, indicators: Framework["indicators"], use: boolean | undefined): Promise<ConfigChange | null> {
  const text = readText(join(root, CONFIG_FILE));
  if (text === null) return null;
  let data: { framework?: unknown; agencies?: { id: string; name: string; indicators?: string[] }[] };
  try {
    data = JSON.parse(text) as typeof data;
  } catch {
    return null;
  }
  if (!(use ?? data.framework === BLANK_FRAMEWORK) || !Array.isArray(data.agencies)) return null;
  const { byAgency, unowned } = assignByOwner(data.agencies, indicators);
  const assigned = [...byAgency];
  const idle = assigned.filter(([, refs]) => refs.length === 0).map(([id]) => id);
  if (unowned.length || idle.length) return { changed: false, assigned, unowned, idle };
  data.framework = name;
  for (const a of data.agencies) a.indicators = byAgency.get(a.id) ?? [];
  await writeAllAtomically([{ path: join(root, CONFIG_FILE), content: `${JSON.stringify(data, null, 2)}\n` }]);
  return { changed: true, assigned, unowned, idle };
}

export interface FrameworkExportRequest extends Pick<WorkspaceRequest, "cwd" | "workspace"> {
  /** A bundled framework's name or a framework folder; default the workspace's own. */
  framework?: string;
  /** The file to write (.xlsx or .csv); default <name>-framework.xlsx in `cwd`. */
  out?: string;
}

export interface FrameworkFileOutcome {
  /** The file written, as shown to the user. */
  file: string;
  indicators: number;
  measures: number;
}

async function frameworkNamed(req: FrameworkExportRequest, cwd: string): Promise<Framework> {
  let dir: string;
  if (req.framework) {
    const given = resolve(cwd, req.framework);
    dir = kindOf(given) === "folder" ? given : join(DAREP_ROOT, "schemas", req.framework);
  } else {
    const root = workspaceRoot({ cwd, workspace: req.workspace });
    if (!root) throw new RunError(`No ${CONFIG_FILE} here or above: run inside a workspace, or name a framework with --framework doncaster.`);
    const { openWorkspace } = await import("../workspace/index.js");
    return (await openWorkspace({ cwd, workspace: root })).framework;
  }
  if (kindOf(dir) !== "folder") throw new RunError(`There is no framework '${req.framework}': give doncaster, rotherham, portsmouth, blank or a framework folder.`);
  return loadFramework(dir, relative(cwd, dir) || dir);
}

async function writeNew(path: string, content: Buffer | string, cwd: string): Promise<string> {
  const shown = relative(cwd, path) || path;
  if (kindOf(path) !== null) throw new RunError(`${shown} already exists, and darep overwrites nothing: give another --out, or remove it first.`);
  await writeAllAtomically([{ path, content }]);
  return shown;
}

export async function exportFramework(req: FrameworkExportRequest = {}): Promise<FrameworkFileOutcome> {
  const { cwd } = settled(req);
  const framework = await frameworkNamed(req, cwd);
  const path = resolve(cwd, req.out ?? `${framework.name}-framework.xlsx`);
  const rows = frameworkRows(framework.indicators);
  const content = extname(path).toLowerCase() === ".csv" ? frameworkCsv(rows) : await frameworkXlsx(aboutOf(framework.info), rows, FIXED);
  const measures = framework.indicators.reduce((n, i) => n + i.measures.length, 0);
  return { file: await writeNew(path, content, cwd), indicators: framework.indicators.length, measures };
}

export interface FrameworkTemplateRequest extends Pick<WorkspaceRequest, "cwd"> {
  /** Default framework-template.xlsx in `cwd`. */
  out?: string;
}

export async function frameworkTemplate(req: FrameworkTemplateRequest = {}): Promise<FrameworkFileOutcome> {
  const { cwd } = settled(req);
  const path = resolve(cwd, req.out ?? "framework-template.xlsx");
  const content = await frameworkXlsx({ name: "Our domestic abuse framework", themes: [] }, [], FIXED);
  return { file: await writeNew(path, content, cwd), indicators: 0, measures: 0 };
}

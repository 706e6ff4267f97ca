// `darep template`: the return each agency owes for a quarter, pre-filled with its rows and last
// quarter's figures, as XLSX or CSV, written whole or not at all.
import { join, resolve } from "node:path";
import { DEFAULT_RAG_GUIDE } from "../framework/rag-guide.js";
import { RunError } from "../errors.js";
import { periodKey, previousQuarter, quarterDates } from "../framework/period.js";
import type { Agency } from "../framework/schema.js";
import type { Workspace } from "../framework/types.js";
import { guardOutputFolder } from "../report/output-guard.js";
import { writeAllAtomically } from "./write-atomic.js";
import { dueDate } from "../status/due-date.js";
import { actionsCsv, actionsXlsx, type ActionTemplateRow } from "../template/actions.js";
import { templateCsv } from "../template/csv.js";
import { templateRows } from "../template/rows.js";
import { templateXlsx } from "../template/xlsx.js";
import type { Period } from "../types.js";
import { ACTIONS_FOLDER, latestActions, openWorkspace, parseQuarter, previousFigures, quarterMeant } from "../workspace/index.js";
import { settled, type WorkspaceRequest } from "./request.js";

export type TemplateFormat = "xlsx" | "csv";

export interface TemplateRequest {
  period: Period;
  /** Agency ids; every agency in the config when empty. */
  agencies: string[];
  format: TemplateFormat;
  /** Absolute folder to write into. */
  outDir: string;
  /** Fixes the workbook's dates, so the same request gives the same bytes; default midday on the quarter's last day. */
  createdAt?: Date;
  /** Show last quarter's figures beside the value column (XLSX only). Default true. */
  previous?: boolean;
}

export interface Template {
  agency: string;
  fileName: string;
  rows: number;
  content: Buffer;
}

export function defaultCreatedAt(ws: Workspace, period: Period): Date {
  return new Date(`${quarterDates(period, ws.config.financialYearStartMonth).end}T12:00:00Z`);
}

/** One agency's template, in memory. */
export async function makeTemplate(ws: Workspace, agency: Agency, period: Period, format: TemplateFormat, options: { createdAt?: Date; previous?: boolean } = {}): Promise<Template> {
  const previous = format === "xlsx" && options.previous !== false ? await previousFigures(ws, agency.id, period) : [];
  const rows = templateRows(ws.framework, agency, previous);
  const fileName = `${agency.id}.${format}`;
  if (format === "csv") return { agency: agency.id, fileName, rows: rows.length, content: Buffer.from(templateCsv(rows), "utf8") };
  const owned = new Set(agency.indicators.map((r) => r.toUpperCase()));
  const content = await templateXlsx({
    partnership: ws.config.partnership,
    agency,
    period,
    periodLabel: quarterDates(period, ws.config.financialYearStartMonth).label,
    dueBy: dueDate(period, ws.config),
    previousPeriod: previousQuarter(period),
    rows,
    indicators: ws.framework.indicators.filter((i) => owned.has(i.ref.toUpperCase())),
    createdAt: options.createdAt ?? defaultCreatedAt(ws, period),
  });
  return { agency: agency.id, fileName, rows: rows.length, content };
}

function agenciesAsked(ws: Workspace, ids: string[]): Agency[] {
  if (ids.length === 0) return ws.config.agencies;
  return ids.map((id) => {
    const found = ws.config.agencies.find((a) => a.id === id);
    if (!found) throw new RunError(`'${id}' is not an agency in darep.config.json (agencies: ${ws.config.agencies.map((a) => a.id).join(", ")}).`);
    return found;
  });
}

/** Write the templates asked for into req.outDir; returns the absolute paths written. */
export async function writeTemplates(ws: Workspace, req: TemplateRequest): Promise<{ agency: string; path: string; rows: number }[]> {
  // A blank template in a returns folder would be read as a return full of blank values, or replace one.
  await guardOutputFolder(ws.root, req.outDir, "Templates");
  const agencies = agenciesAsked(ws, req.agencies);
  const made: Template[] = [];
  for (const a of agencies) made.push(await makeTemplate(ws, a, req.period, req.format, { createdAt: req.createdAt, previous: req.previous }));
  const files = made.map((t) => ({ path: resolve(req.outDir, t.fileName), content: t.content }));
  await writeAllAtomically(files);
  return made.map((t, i) => ({ agency: t.agency, path: files[i]!.path, rows: t.rows }));
}

export const templateFolderName = (period: Period) => periodKey(period).replace(" ", "-");

export interface ActionsTemplateRequest {
  /** The quarter the plan update is for. */
  period: Period;
  format: TemplateFormat;
  /** Absolute folder to write into. */
  outDir: string;
  createdAt?: Date;
}

/**
 * Write the action plan template for a quarter: pre-filled from the latest action plan at or before
 * it, else blank. Returns the path written, the file it was filled from and its number of actions.
 */
export async function writeActionsTemplate(ws: Workspace, req: ActionsTemplateRequest): Promise<{ path: string; from: string | null; rows: number }> {
  // A template in the actions folder would be read as the quarter's plan before anyone had updated it.
  await guardOutputFolder(ws.root, req.outDir, "The action plan template");
  const latest = await latestActions(ws, req.period);
  const rows: ActionTemplateRow[] = (latest?.actions ?? []).map((a) => [
    a.ref,
    a.priorityName ? `${a.priority} ${a.priorityName}` : a.priority,
    a.keyAction,
    a.leadOfficer,
    a.timescaleText,
    a.measures,
    a.progress,
    a.ragText,
  ]);
  const name = `${templateFolderName(req.period)}.${req.format}`;
  const content =
    req.format === "csv"
      ? Buffer.from(actionsCsv(rows), "utf8")
      : await actionsXlsx({
          partnership: ws.config.partnership,
          quarter: periodKey(req.period),
          saveAs: `${ACTIONS_FOLDER}/${name}`,
          from: latest?.file ?? null,
          rows,
          createdAt: req.createdAt ?? defaultCreatedAt(ws, req.period),
          guide: ws.framework.rag ?? DEFAULT_RAG_GUIDE,
        });
  const path = resolve(req.outDir, `actions-${name}`);
  await writeAllAtomically([{ path, content }]);
  return { path, from: latest?.file ?? null, rows: rows.length };
}

export interface TemplatesRequest extends WorkspaceRequest {
  quarter: string;
  year?: string;
  /** Agency ids; every agency in the config when empty or absent. */
  agencies?: string[];
  format?: TemplateFormat;
  /** Default <workspace>/templates/<year>-<quarter>/. */
  out?: string;
  createdAt?: Date;
  /** Show last quarter's figures beside the value column (XLSX only). Default true. */
  previous?: boolean;
}

export interface TemplatesOutcome {
  root: string;
  period: Period;
  written: { agency: string; name: string; path: string; rows: number }[];
}

/** The library's `writeTemplates`: the returns the agencies owe for a quarter, written. */
export async function templatesFor(req: TemplatesRequest): Promise<TemplatesOutcome> {
  parseQuarter(req.quarter);
  const { cwd, today } = settled(req);
  const ws = await openWorkspace({ workspace: req.workspace, cwd });
  const period = quarterMeant(req, today, ws.config.financialYearStartMonth);
  const outDir = req.out ? resolve(cwd, req.out) : join(ws.root, "templates", templateFolderName(period));
  const written = await writeTemplates(ws, {
    period,
    agencies: req.agencies ?? [],
    format: req.format ?? "xlsx",
    outDir,
    createdAt: req.createdAt ?? defaultCreatedAt(ws, period),
    previous: req.previous,
  });
  const nameOf = (id: string) => ws.config.agencies.find((a) => a.id === id)?.name ?? id;
  return { root: ws.root, period, written: written.map((w) => ({ ...w, name: nameOf(w.agency) })) };
}

export interface ActionsTemplateLibraryRequest extends WorkspaceRequest {
  /** The quarter the plan update is for; default the latest quarter that has ended. */
  quarter?: string;
  year?: string;
  format?: TemplateFormat;
  /** Default <workspace>/templates/<year>-<quarter>/. */
  out?: string;
  createdAt?: Date;
}

export interface ActionsTemplateOutcome {
  root: string;
  period: Period;
  path: string;
  /** The action plan it was pre-filled from, or null when blank. */
  from: string | null;
  rows: number;
}

/** The library's `writeActionsTemplate`: the action plan for lead officers to update, written. */
export async function actionsTemplateFor(req: ActionsTemplateLibraryRequest): Promise<ActionsTemplateOutcome> {
  const example = "2026-27 Q3";
  const { cwd, today } = settled(req);
  const ws = await openWorkspace({ workspace: req.workspace, cwd });
  const period = quarterMeant(req, today, ws.config.financialYearStartMonth, example);
  const outDir = req.out ? resolve(cwd, req.out) : join(ws.root, "templates", templateFolderName(period));
  const w = await writeActionsTemplate(ws, { period, format: req.format ?? "xlsx", outDir, createdAt: req.createdAt ?? defaultCreatedAt(ws, period) });
  return { root: ws.root, period, ...w };
}

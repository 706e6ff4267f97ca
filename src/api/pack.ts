// The quarter's published report as `darep send` and `darep export` read it: report.json and the PDF
// from the report folder, the very files `darep build` wrote (and so protected by the disclosure policy
// as the report is), rebuilt first when missing or older than any file they were built from.
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { RunError } from "../errors.js";
import type { Workspace } from "../framework/types.js";
import { Report } from "../trends/report-schema.js";
import type { Period } from "../types.js";

export const REPORT_JSON = "report.json";
export const REPORT_PDF = "exception-report.pdf";

/** The folder `darep build` writes a quarter's report into. */
export const reportFolder = (ws: Workspace, period: Period) => join(ws.root, "reports", `${period.year}-${period.quarter}`);

/** The folders and files of a workspace a report is built from. */
const INPUT_FOLDERS = ["returns", "commentary", "actions", "assurance"];

async function newestIn(path: string, depth = 0): Promise<number> {
  let s;
  try {
    s = await stat(path);
  } catch {
    return 0;
  }
  if (!s.isDirectory()) return s.mtimeMs;
  if (depth > 4) return s.mtimeMs;
  let newest = s.mtimeMs;
  for (const name of await readdir(path).catch(() => [] as string[])) {
    if (name.startsWith(".")) continue;
    newest = Math.max(newest, await newestIn(join(path, name), depth + 1));
  }
  return newest;
}

/** The time of the newest input: the config, the framework's files, and everything under the input folders. */
export async function newestInput(ws: Workspace): Promise<number> {
  const times = await Promise.all([newestIn(ws.configPath), newestIn(ws.framework.dir), ...INPUT_FOLDERS.map((f) => newestIn(join(ws.root, f)))]);
  return Math.max(...times);
}

/** Which of the named report files are missing or older than the workspace's newest input. */
export async function staleFiles(ws: Workspace, period: Period, names: string[]): Promise<string[]> {
  const inputs = await newestInput(ws);
  const dir = reportFolder(ws, period);
  const stale: string[] = [];
  for (const name of names) {
    const s = await stat(join(dir, name)).catch(() => null);
    if (!s || s.mtimeMs < inputs) stale.push(name);
  }
  return stale;
}

/** report.json as published, checked against its schema. */
export async function readReport(ws: Workspace, period: Period): Promise<Report> {
  const path = join(reportFolder(ws, period), REPORT_JSON);
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, "utf8"));
  } catch (e) {
    throw new RunError(`The report for ${period.year} ${period.quarter} cannot be read (${path}): ${(e as Error).message.split("\n")[0]}. Run 'darep build ${period.quarter} --year ${period.year}' again.`);
  }
  const parsed = Report.safeParse(data);
  if (!parsed.success)
    throw new RunError(`${path} is not a report.json this version of darep wrote: run 'darep build ${period.quarter} --year ${period.year}' again.`);
  return parsed.data;
}

export async function readPdf(ws: Workspace, period: Period): Promise<Buffer> {
  const path = join(reportFolder(ws, period), REPORT_PDF);
  try {
    return await readFile(path);
  } catch {
    throw new RunError(`There is no PDF for ${period.year} ${period.quarter} in ${reportFolder(ws, period)}: run 'darep build ${period.quarter} --year ${period.year}'.`);
  }
}


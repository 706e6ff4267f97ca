// The quarter's published report as `darep send` and `darep export` use it: report.json and the PDF
// that `darep build` wrote into the report folder (so protected by the disclosure policy as the report
// is), built again first with build() when missing or older than the files they are made from.
import { RunError } from "../errors.js";
import { periodKey } from "../framework/period.js";
import type { Workspace } from "../framework/types.js";
import { Report } from "../report-contract/schema.js";
import { BOARD_PDF } from "../report/pack.js";
import type { Period } from "../types.js";
import { readReportFile, reportFolder, staleReportFiles } from "../workspace/index.js";
import { build, prepareBuild, type OutputFormat } from "./build.js";

export const REPORT_JSON = "report.json";
/** The board's PDF: the one sent; the appendix (every action and figure) stays in the report folder. */
export const REPORT_PDF = BOARD_PDF;

const again = (period: Period) => `run 'darep build ${period.quarter} --year ${period.year}'`;

/** report.json as published, checked against its schema. */
export function readReport(ws: Workspace, period: Period): Report {
  const got = readReportFile(ws, period, REPORT_JSON);
  if (!got.ok) throw new RunError(`There is no report for ${period.year} ${period.quarter} in ${reportFolder(ws, period)}: ${again(period)}.`);
  let data: unknown;
  try {
    data = JSON.parse(got.bytes.toString("utf8"));
  } catch {
    throw new RunError(`${REPORT_JSON} in ${reportFolder(ws, period)} is not valid JSON: ${again(period)} again.`);
  }
  const parsed = Report.safeParse(data);
  if (!parsed.success) throw new RunError(`${REPORT_JSON} in ${reportFolder(ws, period)} is not one this version of darep wrote: ${again(period)} again.`);
  return parsed.data;
}

export function readPdf(ws: Workspace, period: Period): Buffer {
  const got = readReportFile(ws, period, REPORT_PDF);
  if (!got.ok) throw new RunError(`There is no PDF for ${period.year} ${period.quarter} in ${reportFolder(ws, period)}: ${again(period)}.`);
  return got.bytes;
}

export interface Rebuild {
  /** The browser to print a PDF with, and the environment holding DAREP_BROWSER. */
  browser?: string;
  env?: NodeJS.ProcessEnv;
  /** The timestamp of a report built now (SOURCE_DATE_EPOCH when set). */
  generatedAt?: string;
  cwd: string;
  today: string;
}

/**
 * Files newer than the report do not always change it: a git clone or a copy gives every file a new
 * time, and a board address added to the config changes nothing in the report. So when the files
 * needed all exist, the quarter is judged again in memory (no PDF), and the published report is kept
 * when it is the same but for its timestamp; a rebuilt PDF would otherwise go out again as "updated".
 */
async function sameAsPublished(ws: Workspace, period: Period, names: string[], how: Rebuild): Promise<boolean> {
  const files = names.map((n) => readReportFile(ws, period, n));
  if (!files.every((f) => f.ok)) return false;
  const published = (files[0] as { bytes: Buffer }).bytes.toString("utf8");
  const stamp = how.generatedAt ?? new Date().toISOString();
  const fresh = await prepareBuild({ workspace: ws.root, cwd: how.cwd, today: how.today, quarter: periodKey(period), generatedAt: stamp, formats: ["json"] }).catch(() => null);
  if (!fresh) return false;
  let old: unknown;
  try {
    old = JSON.parse(published);
  } catch {
    return false;
  }
  const at = (old as { generatedAt?: unknown }).generatedAt;
  const untimed = (text: string, t: string) => text.split(t).join("");
  return typeof at === "string" && untimed(JSON.stringify(old), at) === untimed(JSON.stringify(fresh.report), stamp);
}

/** Build the report first when a file needed is missing or stale; the names rebuilt (none when all were fresh). */
export async function ensureReport(ws: Workspace, period: Period, need: "json" | "pdf", how: Rebuild): Promise<string[]> {
  const names = need === "pdf" ? [REPORT_JSON, REPORT_PDF] : [REPORT_JSON];
  const stale = staleReportFiles(ws, period, names);
  if (stale.length === 0 || (await sameAsPublished(ws, period, names, how))) return [];
  const formats: OutputFormat[] = need === "pdf" ? ["html", "pdf", "json"] : ["json"];
  const outcome = await build({ workspace: ws.root, cwd: how.cwd, today: how.today, quarter: periodKey(period), generatedAt: how.generatedAt, formats, browser: how.browser, env: how.env });
  if (outcome.pdfProblem) throw new RunError(`The board pack could not be built: ${outcome.pdfProblem.message}`, outcome.pdfProblem.details);
  return stale;
}

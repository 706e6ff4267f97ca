// `darep export`: the quarter's figures as one tidy table (CSV, XLSX), read from the published
// report.json (built first when missing or stale), written whole or not at all.
import { join, resolve } from "node:path";
import { exportCsv } from "../export/csv.js";
import { exportTable } from "../export/rows.js";
import { exportXlsx } from "../export/xlsx.js";
import { fileStem } from "../framework/file-names.js";
import { periodKey, quarterDates } from "../framework/period.js";
import { writeAllAtomically } from "./write-atomic.js";
import { fixZipDates } from "../template/zip-dates.js";
import type { Period } from "../types.js";
import { openWorkspace, parseQuarter, quarterMeant, reportFolder } from "../workspace/index.js";
import { ensureReport, readReport } from "./pack.js";
import { settled, type QuarterRequest } from "./request.js";

export type ExportFormat = "csv" | "xlsx";
export const EXPORT_FORMATS: readonly ExportFormat[] = ["csv", "xlsx"];

export interface ExportRequest extends QuarterRequest {
  /** Default both. */
  formats?: ExportFormat[];
  /** Folder to write into; default the report folder. */
  out?: string;
  /** Also the earlier quarters on record in the report (value and symbol). */
  history?: boolean;
  /** The timestamp of a report built first because it was missing or stale (SOURCE_DATE_EPOCH when set). */
  generatedAt?: string;
}

export interface ExportOutcome {
  root: string;
  partnership: string;
  period: Period;
  written: string[];
  rows: number;
  /** The report files built first because they were missing or stale. */
  rebuilt: string[];
}

export async function exportFor(req: ExportRequest): Promise<ExportOutcome> {
  parseQuarter(req.quarter);
  const { cwd, today } = settled(req);
  const ws = await openWorkspace({ workspace: req.workspace, cwd });
  const period = quarterMeant(req, today, ws.config.financialYearStartMonth);
  const rebuilt = await ensureReport(ws, period, "json", { cwd, today, generatedAt: req.generatedAt });
  const report = readReport(ws, period);
  const table = exportTable(report, { history: req.history, datesOf: (p) => quarterDates(p, ws.config.financialYearStartMonth) });
  const dir = req.out ? resolve(cwd, req.out) : reportFolder(ws, period);
  const stem = `${fileStem(report.partnership, period)}-figures`;
  const formats = req.formats ?? EXPORT_FORMATS;
  const files: { path: string; content: string | Uint8Array }[] = [];
  if (formats.includes("csv")) files.push({ path: join(dir, `${stem}.csv`), content: exportCsv(table) });
  if (formats.includes("xlsx"))
    files.push({
      path: join(dir, `${stem}.xlsx`),
      // The zip's entry times from the report too, so that one report always gives the same bytes.
      content: fixZipDates(
        await exportXlsx({
          table,
          partnership: report.partnership,
          quarter: periodKey(period),
          generatedAt: report.generatedAt,
          marking: report.marking ?? undefined,
          disclosure: report.disclosure?.statement,
        }),
        new Date(report.generatedAt),
      ),
    });
  await writeAllAtomically(files);
  return { root: ws.root, partnership: report.partnership, period, written: files.map((f) => f.path), rows: table.rows.length, rebuilt };
}

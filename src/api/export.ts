// `darep export`: the quarter's figures as one tidy table (CSV, XLSX), read from the published
// report.json, written whole or not at all.
import { join, resolve } from "node:path";
import { exportCsv } from "../export/csv.js";
import { exportTable } from "../export/rows.js";
import { exportXlsx } from "../export/xlsx.js";
import { fileStem } from "../framework/file-names.js";
import { periodKey, quarterDates } from "../framework/period.js";
import type { Workspace } from "../framework/types.js";
import { writeAllAtomically } from "../report/write-atomic.js";
import type { Period } from "../types.js";
import { readReport, reportFolder } from "./pack.js";

export type ExportFormat = "csv" | "xlsx";
export const EXPORT_FORMATS: ExportFormat[] = ["csv", "xlsx"];

export interface ExportRequest {
  period: Period;
  formats: ExportFormat[];
  /** Absolute folder; default the report folder. */
  outDir?: string;
  /** Also the earlier quarters on record in the report (value and symbol). */
  history?: boolean;
}

export interface ExportResult {
  written: string[];
  rows: number;
}

export async function exportFigures(ws: Workspace, req: ExportRequest): Promise<ExportResult> {
  const report = await readReport(ws, req.period);
  const table = exportTable(report, { history: req.history, datesOf: (p) => quarterDates(p, ws.config.financialYearStartMonth) });
  const dir = req.outDir ? resolve(req.outDir) : reportFolder(ws, req.period);
  const stem = `${fileStem(report.partnership, req.period)}-figures`;
  const files: { path: string; content: string | Uint8Array }[] = [];
  if (req.formats.includes("csv")) files.push({ path: join(dir, `${stem}.csv`), content: exportCsv(table) });
  if (req.formats.includes("xlsx"))
    files.push({
      path: join(dir, `${stem}.xlsx`),
      content: await exportXlsx({ table, partnership: report.partnership, quarter: periodKey(req.period), generatedAt: report.generatedAt, marking: report.marking ?? undefined, disclosure: report.disclosure?.statement }),
    });
  await writeAllAtomically(files);
  return { written: files.map((f) => f.path), rows: table.rows.length };
}

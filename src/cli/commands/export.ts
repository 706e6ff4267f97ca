// `darep export <quarter>`: every figure of the quarter as one tidy table (CSV, XLSX) for Power BI or
// an Excel pack, from the published report.json (built first when missing or stale).
import { relative, resolve } from "node:path";
import { EXPORT_FORMATS, exportFigures, type ExportFormat } from "../../api/export.js";
import { RunError } from "../../errors.js";
import { terminalSafe } from "../../words/index.js";
import type { Io } from "../io.js";
import { freshReport, workspaceAndPeriod } from "./fresh-report.js";

export interface ExportFlags {
  year?: string;
  workspace?: string;
  format: string;
  out?: string;
  quiet?: boolean;
  history?: boolean;
}

function parseFormats(text: string): ExportFormat[] {
  const asked = text.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (asked.includes("parquet"))
    throw new RunError("darep does not write Parquet: Power BI, Excel and pandas read the CSV and XLSX directly, and a quarter is a few hundred rows. Use --format csv or xlsx.");
  const wrong = asked.filter((f) => !(EXPORT_FORMATS as string[]).includes(f));
  if (wrong.length || asked.length === 0) throw new RunError(`--format takes a list of ${EXPORT_FORMATS.join(", ")} (found "${text}").`);
  return asked as ExportFormat[];
}

export async function runExport(quarterArg: string, flags: ExportFlags, io: Io): Promise<number> {
  const formats = parseFormats(flags.format);
  const { ws, period } = await workspaceAndPeriod(quarterArg, flags, io);
  await freshReport(ws, period, "json", {}, io);
  const done = await exportFigures(ws, { period, formats, history: !!flags.history, outDir: flags.out ? resolve(io.cwd, flags.out) : undefined });
  if (!flags.quiet) io.stdout(terminalSafe(`${ws.config.partnership}, ${period.year} ${period.quarter}: ${done.rows} rows written to ${done.written.map((p) => relative(io.cwd, p) || p).join(" and ")}\n`));
  return 0;
}

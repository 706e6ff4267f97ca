// `darep export <quarter>`: every figure of the quarter as one tidy table (CSV, XLSX) for Power BI or
// an Excel pack, from the published report.json (built first when missing or stale).
import { relative } from "node:path";
import { RunError } from "../../errors.js";
import { exportFigures, parseQuarter, type ExportFormat } from "../../index.js";
import { terminalSafe } from "../../words/index.js";
import { today, type Io } from "../io.js";
import { generatedAt } from "./build.js";

export interface ExportFlags {
  year?: string;
  workspace?: string;
  format: string;
  out?: string;
  quiet?: boolean;
  history?: boolean;
}

const FORMATS: ExportFormat[] = ["csv", "xlsx"];

function parseFormats(text: string): ExportFormat[] {
  const asked = text
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (asked.includes("parquet"))
    throw new RunError("darep does not write Parquet: Power BI, Excel and pandas read the CSV and XLSX directly, and a quarter is a few hundred rows. Use --format csv or xlsx.");
  const wrong = asked.filter((f) => !(FORMATS as string[]).includes(f));
  if (wrong.length || asked.length === 0) throw new RunError(`--format takes a list of ${FORMATS.join(", ")} (found "${text}").`);
  return asked as ExportFormat[];
}

export async function runExport(quarter: string, flags: ExportFlags, io: Io): Promise<number> {
  parseQuarter(quarter);
  const formats = parseFormats(flags.format);
  const done = await exportFigures({
    workspace: flags.workspace,
    cwd: io.cwd,
    today: today(io),
    quarter,
    year: flags.year,
    formats,
    out: flags.out,
    history: !!flags.history,
    generatedAt: generatedAt(io.env),
  });
  const { period } = done;
  if (done.rebuilt.length)
    io.stderr(
      `darep: ${done.rebuilt.join(" and ")} for ${period.year} ${period.quarter} ${done.rebuilt.length > 1 ? "were" : "was"} missing or older than the workspace's files: built the report first.\n`,
    );
  if (!flags.quiet) io.stdout(terminalSafe(`${done.partnership}, ${period.year} ${period.quarter}: ${done.rows} rows written to ${done.written.map((p) => relative(io.cwd, p) || p).join(" and ")}\n`));
  return 0;
}

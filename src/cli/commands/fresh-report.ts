// Shared by `darep send` and `darep export`: the quarter asked for, the workspace, and the report
// folder's files rebuilt with `darep build`'s own function when missing or older than their inputs.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { build, prepareBuild, type OutputFormat } from "../../api/build.js";
import { REPORT_JSON, REPORT_PDF, reportFolder, staleFiles } from "../../api/pack.js";
import { RunError } from "../../errors.js";
import { latestEnded, parsePeriodArg } from "../../framework/period.js";
import type { Workspace } from "../../framework/types.js";
import { loadWorkspace } from "../../framework/workspace.js";
import type { Period } from "../../types.js";
import { today, type Io } from "../io.js";
import { generatedAt } from "./build.js";

export async function workspaceAndPeriod(quarterArg: string, flags: { year?: string; workspace?: string }, io: Io): Promise<{ ws: Workspace; period: Period }> {
  const q = parsePeriodArg(quarterArg);
  if (!q) throw new RunError(`'${quarterArg}' is not a quarter: write Q1, Q2, Q3 or Q4 (or e.g. '2025-26 Q2').`);
  const ws = await loadWorkspace({ workspace: flags.workspace, cwd: io.cwd });
  const year = q.year ?? flags.year;
  const period: Period = year ? { year, quarter: q.quarter } : latestEnded(q.quarter, today(io), ws.config.financialYearStartMonth);
  return { ws, period };
}

/**
 * Files newer than the report do not always change it: a git clone or a copy gives every file a new
 * time, and a board address added to the config changes nothing in the report. So when the files
 * needed all exist, the report is judged again in memory (no PDF), and the published one is kept when
 * it is the same but for its timestamp; a rebuilt PDF would otherwise go out again as "updated".
 */
async function sameAsPublished(ws: Workspace, period: Period, names: string[], io: Io): Promise<boolean> {
  const dir = reportFolder(ws, period);
  if (!names.every((n) => existsSync(join(dir, n)))) return false;
  let published: string;
  try {
    published = await readFile(join(dir, REPORT_JSON), "utf8");
  } catch {
    return false;
  }
  const stamp = generatedAt(io.env);
  const again = await prepareBuild({ workspace: ws.root, cwd: io.cwd, quarter: period.quarter, year: period.year, today: today(io), generatedAt: stamp, formats: ["json"] }).catch(() => null);
  if (!again) return false;
  const untimed = (text: string, at: string) => text.split(at).join("");
  const old = (JSON.parse(published) as { generatedAt?: unknown }).generatedAt;
  return typeof old === "string" && untimed(JSON.stringify(JSON.parse(published)), old) === untimed(JSON.stringify(again.report), stamp);
}

/** Build the report first when a file needed is missing or stale; say so on stderr. */
export async function freshReport(ws: Workspace, period: Period, need: "json" | "pdf", flags: { browser?: string }, io: Io): Promise<void> {
  const names = need === "pdf" ? [REPORT_JSON, REPORT_PDF] : [REPORT_JSON];
  const stale = await staleFiles(ws, period, names);
  if (stale.length === 0) return;
  if (await sameAsPublished(ws, period, names, io)) return;
  io.stderr(`darep: ${stale.join(" and ")} for ${period.year} ${period.quarter} ${stale.length > 1 ? "are" : "is"} missing or older than the workspace's files: building the report first.\n`);
  const formats: OutputFormat[] = need === "pdf" ? ["html", "pdf", "json"] : ["json"];
  let printer: import("../../report/pdf.js").PdfPrinter | null = null;
  try {
    const outcome = await build({
      workspace: ws.root,
      cwd: io.cwd,
      quarter: period.quarter,
      year: period.year,
      today: today(io),
      generatedAt: generatedAt(io.env),
      formats,
      printer: async () => {
        const { findBrowser, noBrowserMessage } = await import("../../report/browser.js");
        const found = findBrowser({ browser: flags.browser, env: io.env, platform: process.platform, exists: existsSync });
        if (!found) throw new RunError(noBrowserMessage(process.platform));
        const { PdfPrinter } = await import("../../report/pdf.js");
        printer = await PdfPrinter.launch(found.path, { timeoutMs: 60_000 });
        return printer;
      },
    });
    if (outcome.pdfProblem) throw new RunError(`The board pack could not be built: ${outcome.pdfProblem.message}`, outcome.pdfProblem.details);
  } finally {
    await (printer as import("../../report/pdf.js").PdfPrinter | null)?.close();
  }
}

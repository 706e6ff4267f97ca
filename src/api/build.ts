// `darep build`: the main job. Read the workspace once, judge the quarter, and write report.json, the
// HTML and the PDF, all or nothing. Called from code, build() prints the PDF too: it starts a browser
// for the call (or uses the run's shared one) and closes what it started.
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { protectReport } from "../disclosure/index.js";
import { RunError } from "../errors.js";
import type { PdfPrinter } from "../report/pdf.js";
import { guardOutputFolder } from "../report/output-guard.js";
import { PrinterPool, printOnce } from "../report/printer-pool.js";
import { earlierSet, removeOthers, type EarlierSet } from "../report/report-set.js";
import { writeAllAtomically } from "./write-atomic.js";
import { judge } from "../trends/index.js";
import { Report } from "../report-contract/schema.js";
import { VERSION } from "../version.js";
import { openWorkspace, parseQuarter, quarterMeant, readQuarter, type CacheSetting } from "../workspace/index.js";
import { actionPlan, withActionPlan } from "./actions.js";
import { APPENDIX_PDF, BOARD_PDF, UNPROTECTED_JSON } from "./outputs.js";
import { settled, type QuarterRequest } from "./request.js";

export type OutputFormat = "html" | "pdf" | "json";

export interface BuildRequest extends QuarterRequest {
  /** ISO timestamp written into the report (SOURCE_DATE_EPOCH when set); default the clock. */
  generatedAt?: string;
  /** Default all three. */
  formats?: OutputFormat[];
  /** Folder for the outputs; default <workspace>/reports/<year>-<quarter>/. */
  out?: string;
  /** The browser to print the PDF with; default DAREP_BROWSER in `env`, else the usual install paths. */
  browser?: string;
  env?: NodeJS.ProcessEnv;
  /** The printer to use instead of starting a browser (shared across the builds of one run). */
  printer?: () => Promise<PdfPrinter>;
  /** Told each step as it starts, for a progress line. */
  progress?: (step: string) => void;
  /** Reuse checked returns (and the checked config) from the cache; default: no cache. */
  cache?: CacheSetting;
  /** Also write the analyst's unprotected report.UNPROTECTED.json (`--disclosure none`); never by default. */
  unprotectedCopy?: boolean;
}

export { UNPROTECTED_JSON };

export interface BuildOutcome {
  report: Report;
  outDir: string;
  written: string[];
  /**
   * Why the PDF was not written, when it was asked for and could not be. The other files are then
   * written only into a folder with no earlier report in it; else nothing is written (see `kept`).
   */
  pdfProblem: RunError | null;
  /** When a failed output left the earlier build's files in place, untouched: which, and from when. */
  kept: EarlierSet | null;
  /** darep's files from an earlier build that this build (with fewer formats) removed, by name. */
  removed: string[];
  /** Seconds spent in each step, for the benchmark. */
  timings: Record<"load" | "validate" | "judge" | "html" | "pdf" | "write", number>;
}

/** A report judged and rendered, waiting for its PDF and to be written. */
export interface PreparedBuild {
  report: Report;
  outDir: string;
  files: { path: string; content: string | Uint8Array }[];
  /** The board's page to print (exception-report.pdf), when a PDF is wanted. */
  html: string | null;
  /** The appendix's page to print (exception-report-appendix.pdf), when a PDF is wanted. */
  appendixHtml?: string | null;
  timings: BuildOutcome["timings"];
}

export const ALL_FORMATS: readonly OutputFormat[] = ["html", "pdf", "json"];

/** One workspace's report, PDF included when asked for. */
export async function build(req: BuildRequest): Promise<BuildOutcome> {
  parseQuarter(req.quarter);
  const pool = req.printer ? null : new PrinterPool({ browser: req.browser, env: req.env });
  const printer = req.printer ?? (() => pool!.printer());
  try {
    if (pool && (req.formats ?? ALL_FORMATS).includes("pdf")) pool.warm();
    return await finishBuild(await prepareBuild(req), { printer, progress: req.progress });
  } finally {
    await pool?.close();
  }
}

function stopwatch(timings: BuildOutcome["timings"]) {
  let t = performance.now();
  return (k: keyof BuildOutcome["timings"]) => {
    const now = performance.now();
    timings[k] = (now - t) / 1000;
    t = now;
  };
}

/** Everything but the PDF and the writing: read the workspace, judge, render the HTML. */
export async function prepareBuild(req: BuildRequest): Promise<PreparedBuild> {
  const timings = { load: 0, validate: 0, judge: 0, html: 0, pdf: 0, write: 0 };
  const lap = stopwatch(timings);
  const say = req.progress ?? (() => {});
  const { cwd, today } = settled(req);
  const formats = req.formats ?? ALL_FORMATS;

  say("Loading the workspace");
  const ws = await openWorkspace({ workspace: req.workspace, cwd, cache: req.cache });
  const period = quarterMeant(req, today, ws.config.financialYearStartMonth);
  // resolve, not join: an absolute --out is used as given. Refused before any work if it is among the inputs.
  const outDir = req.out ? resolve(cwd, req.out) : join(ws.root, "reports", `${period.year}-${period.quarter}`);
  await guardOutputFolder(ws.root, outDir, "The report");
  lap("load");

  say(`Reading and checking returns up to ${period.year} ${period.quarter}`);
  const snapshot = await readQuarter(ws, period);
  if (!snapshot.returns.some((r) => r.status !== "missing" && r.period.year === period.year && r.period.quarter === period.quarter))
    throw new RunError(`There are no returns for ${period.year} ${period.quarter} in ${join(ws.root, "returns", period.year, period.quarter)}: nothing to report.`);
  lap("validate");

  say("Judging every figure");
  const judged = judge({
    config: ws.config,
    framework: ws.framework,
    period,
    returns: snapshot.returns,
    commentary: snapshot.commentary,
    generatedAt: req.generatedAt ?? new Date().toISOString(),
    generator: `darep ${VERSION}`,
  });
  const plan = actionPlan({ config: ws.config, period, plan: snapshot.plan, assurance: snapshot.assurance, guide: ws.framework.rag }, judged.results);
  const analysts = Report.parse({ ...withActionPlan(judged, plan), warnings: [...judged.warnings, ...snapshot.issues] });
  // Everything written below is made from the protected report; only the analyst's copy is not.
  const report = protectReport(analysts, { disclosure: ws.config.options.disclosure, marking: ws.config.options.marking });
  lap("judge");

  const files: { path: string; content: string | Uint8Array }[] = [];
  if (formats.includes("json")) files.push({ path: join(outDir, "report.json"), content: JSON.stringify(report, null, 2) + "\n" });
  if (req.unprotectedCopy) files.push({ path: join(outDir, UNPROTECTED_JSON), content: JSON.stringify(analysts, null, 2) + "\n" });
  let html: string | null = null;
  let appendixHtml: string | null = null;
  if (formats.includes("html") || formats.includes("pdf")) {
    say("Writing the HTML report");
    const { renderHtml } = await import("../report/html.js");
    if (formats.includes("html")) files.push({ path: join(outDir, "exception-report.html"), content: await renderHtml(report) });
    // The PDFs are the pack in two parts: the board's short one to email, the appendix of every figure.
    if (formats.includes("pdf")) [html, appendixHtml] = await Promise.all([renderHtml(report, "board"), renderHtml(report, "appendix")]);
  }
  lap("html");
  return { report, outDir, files, html, appendixHtml, timings };
}

/** Print the PDF (when wanted) and write every output, all or nothing. */
export async function finishBuild(prepared: PreparedBuild, req: Pick<BuildRequest, "printer" | "progress">): Promise<BuildOutcome> {
  const { report, outDir, files, html, appendixHtml, timings } = prepared;
  const lap = stopwatch(timings);
  const say = req.progress ?? (() => {});
  let pdfProblem: RunError | null = null;
  if (html !== null) {
    say("Printing the PDF");
    try {
      if (!req.printer) throw new RunError("No browser was given for the PDF.");
      const getPrinter = req.printer;
      const marking = report.marking ?? null;
      const print = (page: string, title: string) => printOnce(getPrinter, page, { title, marking });
      files.push({ path: join(outDir, BOARD_PDF), content: await print(html, titleOf(report)) });
      if (appendixHtml) files.push({ path: join(outDir, APPENDIX_PDF), content: await print(appendixHtml, `${titleOf(report)}: appendix`) });
    } catch (e) {
      // A fault in darep's own code is a bug, and goes on as one (with its stack under --debug);
      // what the browser or its connection said is why this PDF was not printed.
      if (e instanceof TypeError || e instanceof RangeError || e instanceof ReferenceError || e instanceof SyntaxError) throw e;
      pdfProblem = e instanceof RunError ? e : new RunError(`The PDF could not be printed: ${(e as Error).message}`);
      // Both PDFs or neither: a board pack printed before its appendix failed is not written alone.
      const pdfs = new Set([join(outDir, BOARD_PDF), join(outDir, APPENDIX_PDF)]);
      files.splice(0, files.length, ...files.filter((f) => !pdfs.has(f.path)));
    }
  }
  lap("pdf");

  // One build's set in the folder, never a mix: when an output failed, an earlier set is left whole.
  if (pdfProblem) {
    const earlier = await earlierSet(outDir);
    if (earlier.files.length) return { report, outDir, written: [], pdfProblem, kept: earlier, removed: [], timings: { ...timings, write: 0 } };
  }
  await writeAllAtomically(files);
  const removed = pdfProblem
    ? []
    : await removeOthers(
        outDir,
        files.map((f) => f.path),
      );
  lap("write");
  return { report, outDir, written: files.map((f) => f.path), pdfProblem, kept: null, removed, timings };
}

export function titleOf(report: Report): string {
  return `${report.partnership}: exception report, ${report.year} ${report.quarter}`;
}

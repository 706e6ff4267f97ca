// `darep build <quarter>`: the board's exception report for one quarter, for one or more workspaces
// (--workspace repeated, or --workspaces <folder>), sharing one browser for every PDF.
import { existsSync } from "node:fs";
import { isAbsolute, relative } from "node:path";
import { finishBuild, prepareBuild, UNPROTECTED_JSON, type BuildOutcome, type OutputFormat } from "../../api/build.js";
import { cacheSetting } from "../../cache/store.js";
import { RunError } from "../../errors.js";
import { parsePeriodArg } from "../../framework/period.js";
import { workspacesIn } from "../../framework/workspaces-folder.js";
import type { PdfPrinter } from "../../report/pdf.js";
import { momentInWords } from "../../words/index.js";
import { colours, today, type Io } from "../io.js";

export interface BuildFlags {
  workspace?: string[];
  /** A folder of workspaces: each subfolder holding a darep.config.json. */
  workspaces?: string;
  /** false with --no-cache. */
  cache?: boolean;
  cacheDir?: string;
  year?: string;
  out?: string;
  format: string;
  browser?: string;
  quiet?: boolean;
  timings?: boolean;
  /** "none": also write the analyst's unprotected report.UNPROTECTED.json. */
  disclosure?: string;
}

const FORMATS: OutputFormat[] = ["html", "pdf", "json"];

function parseFormats(text: string): OutputFormat[] {
  const asked = text.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
  const wrong = asked.filter((f) => !(FORMATS as string[]).includes(f));
  if (wrong.length || asked.length === 0) throw new RunError(`--format takes a list of ${FORMATS.join(", ")} (found "${text}").`);
  return asked as OutputFormat[];
}

/** The report's timestamp: SOURCE_DATE_EPOCH (reproducible builds) when set, else the clock. */
export function generatedAt(env: NodeJS.ProcessEnv): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== "") {
    // The last second of 9999: a later one has no four-digit year, and past 8.64e12 no date at all.
    if (!/^\d+$/.test(epoch) || Number(epoch) > 253_402_300_799)
      throw new RunError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, before the year 10000 (found "${epoch}"): unset it, or set it to e.g. the last commit's time (git log -1 --format=%ct).`);
    return new Date(Number(epoch) * 1000).toISOString();
  }
  return new Date().toISOString();
}

/** How long the browser may take to start and to print one report: DAREP_BROWSER_TIMEOUT seconds, default 60. */
export function browserTimeoutMs(env: NodeJS.ProcessEnv): number {
  const text = env.DAREP_BROWSER_TIMEOUT;
  if (text === undefined || text === "") return 60_000;
  const seconds = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || seconds <= 0 || seconds > 3600)
    throw new RunError(`DAREP_BROWSER_TIMEOUT must be a number of seconds from 0.1 to 3600 (found "${text}"): unset it to keep the default of 60.`);
  return Math.max(100, Math.round(seconds * 1000));
}

/** Reports printing at once while the next workspace is read: enough to keep both the browser and darep busy. */
const PRINTS_AT_ONCE = 2;

export async function runBuild(quarterArg: string, flags: BuildFlags, io: Io): Promise<number> {
  const q = parsePeriodArg(quarterArg);
  if (!q) throw new RunError(`'${quarterArg}' is not a quarter: write Q1, Q2, Q3 or Q4 (or e.g. '2025-26 Q2').`);
  const year = q.year ?? flags.year;
  const formats = parseFormats(flags.format);
  if (flags.disclosure !== undefined && flags.disclosure !== "none")
    throw new RunError(`--disclosure takes only "none" (found "${flags.disclosure}"): the published report is always protected as darep.config.json says.`);
  const named = [...(flags.workspace ?? []), ...(flags.workspaces ? await workspacesIn(flags.workspaces, io.cwd) : [])];
  const workspaces = named.length ? named : [undefined];
  const several = workspaces.length > 1 || flags.workspaces !== undefined;
  if (several && flags.out) throw new RunError("--out cannot be used with several workspaces: each report goes into its own workspace.");
  const cache = cacheSetting(flags, io.env, io.cwd);
  const timeoutMs = browserTimeoutMs(io.env);
  const stamp = generatedAt(io.env);
  const c = await colours(io);
  const progress = io.isTTY && !flags.quiet ? (step: string) => io.stderr(c.dim(`  ${step}…\n`)) : undefined;

  // One browser for the whole run, started at once so that it starts up while the returns are read.
  let launching: Promise<PdfPrinter> | null = null;
  const getPrinter = () =>
    (launching ??= (async () => {
      const { findBrowser, noBrowserMessage } = await import("../../report/browser.js");
      const found = findBrowser({ browser: flags.browser, env: io.env, platform: process.platform, exists: existsSync });
      if (!found) throw new RunError(noBrowserMessage(process.platform));
      const { PdfPrinter } = await import("../../report/pdf.js");
      return PdfPrinter.launch(found.path, { timeoutMs });
    })());
  if (formats.includes("pdf")) getPrinter().catch(() => undefined);

  let worst = 0;
  const shown = (workspace: string | undefined) => (workspace ? relative(io.cwd, workspace) || "." : ".");
  const tell = (workspace: string | undefined, outcome: BuildOutcome) => {
    const { report } = outcome;
    const s = report.summary;
    // An action plan or evidence file with errors is a problem in the data, like an invalid return.
    const planErrors = [...(report.actions?.issues ?? []), ...(report.assurance?.issues ?? [])].filter((i) => i.severity === "error").length;
    if (!flags.quiet) {
      const names = outcome.written.map((p) => relative(outcome.outDir, p)).join(", ");
      io.stdout(`${report.partnership}, ${report.year} ${report.quarter}: wrote ${names || "nothing"} in ${relative(io.cwd, outcome.outDir) || "."}\n`);
      // As the cover counts them: a return with errors was still received.
        io.stdout(`  ${s.returnsReceived + s.returnsInvalid} of ${s.returnsExpected} returns received (${s.returnsMissing} missing, ${s.returnsInvalid} with errors); ${s.exceptions} exception${s.exceptions === 1 ? "" : "s"} for the board.\n`);
      if (outcome.written.some((p) => p.endsWith(UNPROTECTED_JSON))) io.stdout(`  ${UNPROTECTED_JSON} holds every true figure, small numbers included: keep it to the analysts; never send it.\n`);
      if (report.actions) io.stdout(`  action plan: ${report.actions.overdue.length} overdue, ${report.actions.findings.length} rated against the RAG guide${planErrors ? `; ${planErrors} error${planErrors === 1 ? "" : "s"} in the action plan or assurance files` : ""}.\n`);
    }
    if (flags.timings) io.stderr(JSON.stringify({ workspace: shown(workspace), timings: outcome.timings, rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20), heapMiB: Math.round(process.memoryUsage().heapUsed / 2 ** 20) }) + "\n");
    if (!flags.quiet && outcome.removed.length)
      io.stdout(`  removed ${outcome.removed.join(", ")}, left from an earlier build: the folder holds this build's files only.\n`);
    if (outcome.pdfProblem) {
      const rel = relative(io.cwd, outcome.outDir);
      const where = rel === "" ? "." : rel.startsWith("..") || isAbsolute(rel) ? outcome.outDir : rel;
      const others = formats.filter((f) => f !== "pdf");
      const kept = outcome.kept;
      const what = kept
        ? `  So nothing was written: ${kept.files.join(", ")} in ${where} ${kept.files.length === 1 ? "is" : "are"} still the earlier build's${kept.builtAt ? `, of ${momentInWords(kept.builtAt)}` : ""}, whole. Use --format ${others.join(",") || "html,json"} to write the report without the PDF.\n`
        : others.length ? `  The ${others.map((f) => f.toUpperCase()).join(" and ")} ${others.length > 1 ? "were" : "was"} written.\n` : "";
      io.stderr(`darep: the PDF was not written: ${outcome.pdfProblem.message}\n${outcome.pdfProblem.details.map((d) => `  ${d}\n`).join("")}${what}`);
      worst = 2;
    } else if (s.returnsMissing + s.returnsInvalid + planErrors > 0) worst = Math.max(worst, 1);
  };

  // Workspaces are read and judged one at a time, and each one's data is dropped once its report is
  // written, so memory does not grow with their number. While one prints, the next is being read.
  type Finishing = Promise<{ workspace: string | undefined; outcome?: BuildOutcome; error?: unknown }>;
  const printing: Finishing[] = [];
  const settle = async (f: Finishing) => {
    const done = await f;
    if (done.error !== undefined) throw done.error;
    tell(done.workspace, done.outcome!);
  };
  try {
    for (const workspace of workspaces) {
      let prepared;
      try {
        prepared = await prepareBuild({ workspace, cwd: io.cwd, quarter: q.quarter, year, today: today(io), generatedAt: stamp, formats, out: flags.out, printer: getPrinter, progress, cache, unprotectedCopy: flags.disclosure === "none" });
      } catch (e) {
        // With several workspaces, one that cannot be built does not stop the others.
        if (!(e instanceof RunError) || !several) throw e;
        io.stderr(`darep: ${shown(workspace)}: ${e.message}\n${e.details.map((d) => `  ${d}\n`).join("")}`);
        worst = 2;
        continue;
      }
      printing.push(finishBuild(prepared, { printer: getPrinter, progress }).then((outcome) => ({ workspace, outcome }), (error: unknown) => ({ workspace, error })));
      while (printing.length >= PRINTS_AT_ONCE) await settle(printing.shift()!);
    }
    while (printing.length) await settle(printing.shift()!);
  } finally {
    await Promise.allSettled(printing);
    const printer = await (launching as Promise<PdfPrinter> | null)?.catch(() => null);
    await printer?.close();
  }
  return worst;
}

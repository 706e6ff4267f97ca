// `darep build <quarter>`: the board's exception report for one quarter, for one or more workspaces
// (--workspace repeated, or --workspaces <folder>). The library builds them (one browser for every
// PDF, one failed workspace not stopping the rest); this says what each build did.
import { isAbsolute, relative } from "node:path";
import { RunError } from "../../errors.js";
import { buildMany, parseQuarter, UNPROTECTED_JSON, type BuildOutcome, type OutputFormat, type WorkspaceBuild } from "../../index.js";
import { momentInWords } from "../../words/index.js";
import { cacheSetting, colours, fixedDate, today, type Io } from "../io.js";

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
  /** The analyst's pre-board check instead of a build (src/cli/commands/check.ts). */
  check?: boolean;
}

const FORMATS: OutputFormat[] = ["html", "pdf", "json"];

function parseFormats(text: string): OutputFormat[] {
  const asked = text
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const wrong = asked.filter((f) => !(FORMATS as string[]).includes(f));
  if (wrong.length || asked.length === 0) throw new RunError(`--format takes a list of ${FORMATS.join(", ")} (found "${text}").`);
  return asked as OutputFormat[];
}

/** The report's timestamp: SOURCE_DATE_EPOCH (reproducible builds) when set, else the clock. */
export function generatedAt(env: NodeJS.ProcessEnv): string {
  return (fixedDate(env) ?? new Date()).toISOString();
}

export async function runBuild(quarter: string, flags: BuildFlags, io: Io): Promise<number> {
  parseQuarter(quarter);
  const formats = parseFormats(flags.format);
  if (flags.disclosure !== undefined && flags.disclosure !== "none")
    throw new RunError(`--disclosure takes only "none" (found "${flags.disclosure}"): the published report is always protected as darep.config.json says.`);
  const c = await colours(io);
  const progress = io.isTTY && !flags.quiet ? (step: string) => io.stderr(c.dim(`  ${step}…\n`)) : undefined;

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
      io.stdout(
        `  ${s.returnsReceived + s.returnsInvalid} of ${s.returnsExpected} returns received (${s.returnsMissing} missing, ${s.returnsInvalid} with errors); ${s.exceptions} exception${s.exceptions === 1 ? "" : "s"} for the board.\n`,
      );
      if (outcome.written.some((p) => p.endsWith(UNPROTECTED_JSON))) io.stdout(`  ${UNPROTECTED_JSON} holds every true figure, small numbers included: keep it to the analysts; never send it.\n`);
      if (report.actions)
        io.stdout(
          `  action plan: ${report.actions.overdue.length} overdue, ${report.actions.findings.length} rated against the RAG guide${planErrors ? `; ${planErrors} error${planErrors === 1 ? "" : "s"} in the action plan or assurance files` : ""}.\n`,
        );
    }
    if (flags.timings)
      io.stderr(
        JSON.stringify({
          workspace: shown(workspace),
          timings: outcome.timings,
          rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20),
          heapMiB: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
        }) + "\n",
      );
    if (!flags.quiet && outcome.removed.length) io.stdout(`  removed ${outcome.removed.join(", ")}, left from an earlier build: the folder holds this build's files only.\n`);
    if (outcome.pdfProblem) {
      const rel = relative(io.cwd, outcome.outDir);
      const where = rel === "" ? "." : rel.startsWith("..") || isAbsolute(rel) ? outcome.outDir : rel;
      const others = formats.filter((f) => f !== "pdf");
      const kept = outcome.kept;
      const what = kept
        ? `  So nothing was written: ${kept.files.join(", ")} in ${where} ${kept.files.length === 1 ? "is" : "are"} still the earlier build's${kept.builtAt ? `, of ${momentInWords(kept.builtAt)}` : ""}, whole. Use --format ${others.join(",") || "html,json"} to write the report without the PDF.\n`
        : others.length
          ? `  The ${others.map((f) => f.toUpperCase()).join(" and ")} ${others.length > 1 ? "were" : "was"} written.\n`
          : "";
      io.stderr(`darep: the PDF was not written: ${outcome.pdfProblem.message}\n${outcome.pdfProblem.details.map((d) => `  ${d}\n`).join("")}${what}`);
      worst = 2;
    } else if (s.returnsMissing + s.returnsInvalid + planErrors > 0) worst = Math.max(worst, 1);
  };
  const each = (built: WorkspaceBuild) => {
    if (built.outcome) return tell(built.workspace, built.outcome);
    io.stderr(`darep: ${shown(built.workspace)}: ${built.error.message}\n${built.error.details.map((d) => `  ${d}\n`).join("")}`);
    worst = 2;
  };

  await buildMany(
    {
      workspaces: flags.workspace,
      folder: flags.workspaces,
      cwd: io.cwd,
      today: today(io),
      quarter,
      year: flags.year,
      generatedAt: generatedAt(io.env),
      formats,
      out: flags.out,
      browser: flags.browser,
      env: io.env,
      progress,
      cache: cacheSetting(flags, io),
      unprotectedCopy: flags.disclosure === "none",
    },
    each,
  );
  return worst;
}

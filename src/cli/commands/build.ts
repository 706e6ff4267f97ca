// `darep build <quarter>`: the board's exception report for one quarter, for one or more workspaces,
// sharing one browser for every PDF.
import { existsSync } from "node:fs";
import { relative } from "node:path";
import { build, type OutputFormat } from "../../api/build.js";
import { RunError } from "../../errors.js";
import { parsePeriodArg } from "../../framework/period.js";
import type { PdfPrinter } from "../../report/pdf.js";
import { colours, today, type Io } from "../io.js";

export interface BuildFlags {
  workspace?: string[];
  year?: string;
  out?: string;
  format: string;
  browser?: string;
  quiet?: boolean;
  timings?: boolean;
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
    if (!/^\d+$/.test(epoch)) throw new RunError(`SOURCE_DATE_EPOCH must be whole seconds since 1970 (found "${epoch}").`);
    return new Date(Number(epoch) * 1000).toISOString();
  }
  return new Date().toISOString();
}

export async function runBuild(quarterArg: string, flags: BuildFlags, io: Io): Promise<number> {
  const q = parsePeriodArg(quarterArg);
  if (!q) throw new RunError(`'${quarterArg}' is not a quarter: write Q1, Q2, Q3 or Q4 (or e.g. '2025-26 Q2').`);
  const year = q.year ?? flags.year;
  const formats = parseFormats(flags.format);
  const workspaces = flags.workspace?.length ? flags.workspace : [undefined];
  if (workspaces.length > 1 && flags.out) throw new RunError("--out cannot be used with several --workspace folders: each report goes into its own workspace.");
  const c = colours(io);
  const progress = io.isTTY && !flags.quiet ? (step: string) => io.stderr(c.dim(`  ${step}…\n`)) : undefined;

  let printer: PdfPrinter | null = null;
  const getPrinter = async () => {
    if (printer) return printer;
    const { findBrowser, noBrowserMessage } = await import("../../report/browser.js");
    const found = findBrowser({ browser: flags.browser, env: io.env, platform: process.platform, exists: existsSync });
    if (!found) throw new RunError(noBrowserMessage(process.platform));
    const { PdfPrinter } = await import("../../report/pdf.js");
    printer = await PdfPrinter.launch(found.path, { timeoutMs: 60_000 });
    return printer;
  };

  let worst = 0;
  try {
    for (const workspace of workspaces) {
      let outcome;
      try {
        outcome = await build({ workspace, cwd: io.cwd, quarter: q.quarter, year, today: today(io), generatedAt: generatedAt(io.env), formats, out: flags.out, printer: getPrinter, progress });
      } catch (e) {
        // With several workspaces, one that cannot be built does not stop the others.
        if (!(e instanceof RunError) || workspaces.length === 1) throw e;
        io.stderr(`darep: ${workspace}: ${e.message}\n${e.details.map((d) => `  ${d}\n`).join("")}`);
        worst = 2;
        continue;
      }
      const { report } = outcome;
      const s = report.summary;
      if (!flags.quiet) {
        const names = outcome.written.map((p) => relative(outcome.outDir, p)).join(", ");
        io.stdout(`${report.partnership}, ${report.year} ${report.quarter}: wrote ${names || "nothing"} in ${relative(io.cwd, outcome.outDir) || "."}\n`);
        io.stdout(`  ${s.returnsReceived} of ${s.returnsExpected} returns received (${s.returnsMissing} missing, ${s.returnsInvalid} with errors); ${s.exceptions} exception${s.exceptions === 1 ? "" : "s"} for the board.\n`);
      }
      if (flags.timings) io.stderr(JSON.stringify({ workspace: workspace ?? ".", timings: outcome.timings }) + "\n");
      if (outcome.pdfProblem) {
        const others = formats.filter((f) => f !== "pdf").map((f) => f.toUpperCase()).join(" and ");
        io.stderr(`darep: the PDF was not written${others ? ` (the ${others} ${formats.length > 2 ? "were" : "was"})` : ""}: ${outcome.pdfProblem.message}\n${outcome.pdfProblem.details.map((d) => `  ${d}\n`).join("")}`);
        worst = 2;
      } else if (s.returnsMissing + s.returnsInvalid > 0) worst = Math.max(worst, 1);
    }
  } finally {
    await (printer as PdfPrinter | null)?.close();
  }
  return worst;
}

// The command line: commander wiring only. run(argv, io) resolves to the exit code; it never calls
// process.exit and is the only place that turns errors into exit codes:
// 0 no errors in the data, 1 problems found in the data, 2 usage, configuration or internal failure.
import { Command, CommanderError, Option } from "commander";
import { environmentError, RunError } from "../errors.js";
import { terminalSafe } from "../words/index.js";
import type { Io } from "./io.js";
import { VERSION } from "../version.js";

export type { Io } from "./io.js";

export const EXIT = { ok: 0, problems: 1, failure: 2 } as const;

function program(io: Io, setCode: (code: number) => void): Command {
  const p = new Command("darep")
    .description("Turn a domestic-abuse partnership's quarterly agency returns into the board's exception report.")
    .version(VERSION, "-V, --version", "print darep's version")
    .option("--debug", "show the full error behind a failure (for reporting a bug)")
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .showHelpAfterError("(run 'darep help' for the commands)")
    .addHelpText("after", "\nExit codes: 0 no errors in the data; 1 problems found in the data; 2 usage, configuration or internal failure.\nDocumentation: README.md");

  p.command("validate")
    .summary("check agencies' returns against the framework")
    .description(
      "Check returns against the partnership's framework and say, cell by cell, what to fix.\n" +
        "PATHS are return files, folders of returns, or a quarter such as Q2 (the latest Q2 that has ended)\n" +
        "or '2025-26 Q2'. With none, the latest quarter that has returns is checked.",
    )
    .argument("[paths...]", "files, folders or a quarter")
    .option("-w, --workspace <dir>", "the workspace folder (default: the one holding darep.config.json, here or above)")
    .option("--year <year>", "the financial year a quarter belongs to, e.g. 2025-26")
    .addOption(new Option("-f, --format <format>", "how to print the results").choices(["text", "json", "github", "junit"]).default("text"))
    .option("--no-cache", "read and check every file again, using and writing no cache")
    .option("--cache-dir <dir>", "keep the cache here instead of <workspace>/.darep-cache (or set DAREP_CACHE_DIR)")
    .option("--errors-only", "list errors only (warnings are still counted); not with --format json")
    .option("--framework <name-or-folder>", "check the files on their own, without a workspace, against this framework (agency and quarter from the About sheet or the file name)")
    .action(async (paths: string[], flags) => {
      const { runValidate } = await import("./commands/validate.js");
      setCode(await runValidate(paths, flags, io));
    });

  p.command("build")
    .summary("write the board's exception report for a quarter")
    .description(
      "Write the quarter's exception report (HTML, PDF and report.json) into reports/<year>-<quarter>/.\n" + "QUARTER is Q1-Q4 (the latest such quarter that has ended) or e.g. '2025-26 Q2'.",
    )
    .argument("<quarter>", "Q1, Q2, Q3 or Q4, or e.g. '2025-26 Q2'")
    .option("--year <year>", "the financial year, e.g. 2025-26 (default: the latest such quarter that has ended)")
    .option("-w, --workspace <dir>", "the workspace folder; repeat it to build several partnerships in one run", (v: string, prev: string[] = []) => [...prev, v])
    .option("-o, --out <dir>", "write the outputs here instead of <workspace>/reports/<year>-<quarter>/")
    .option("-f, --format <list>", "which outputs, comma-separated: html,pdf,json", "html,pdf,json")
    .option("--browser <path>", "the Chrome, Chromium or Edge to print the PDF with (or set DAREP_BROWSER)")
    .option("-q, --quiet", "print nothing but errors")
    .option("--workspaces <dir>", "build every workspace in this folder (each subfolder holding a darep.config.json)")
    .option("--no-cache", "read and check every return again, using and writing no cache")
    .option("--cache-dir <dir>", "keep the cache here instead of <workspace>/.darep-cache (or set DAREP_CACHE_DIR)")
    .option("--timings", "print how long each step took, as JSON on stderr (for the benchmark)")
    .option("--disclosure <none>", "none: also write the analyst's unprotected report.UNPROTECTED.json (never send it); the report itself stays protected")
    .option("--check", "write nothing: list what to do before the board meets (exceptions without commentary, sudden changes without the agency's note); exit 1 when something needs doing")
    .action(async (quarter: string, flags) => {
      if (flags.check) {
        const { runCheck } = await import("./commands/check.js");
        return setCode(await runCheck(quarter, flags, io));
      }
      const { runBuild } = await import("./commands/build.js");
      setCode(await runBuild(quarter, flags, io));
    });

  p.command("template")
    .summary("write the return an agency owes, pre-filled, to send to it")
    .description(
      "Write the return each agency owes for a quarter: one row per indicator, measure and category, with " +
        "what each counts, last quarter's figure, checks on the value column and a Guidance sheet. " +
        "Written into <workspace>/templates/<year>-<quarter>/<agency-id>.xlsx unless --out says otherwise.\n" +
        "'darep template actions [quarter]' writes the action plan instead, pre-filled from the latest one, " +
        "for lead officers to update (actions-<year>-<quarter>.xlsx).",
    )
    .argument("<quarter>", "Q1, Q2, Q3 or Q4 (the latest such quarter that has ended), or e.g. '2026-27 Q2'; or 'actions'")
    .argument("[actions-quarter]", "after 'actions': the quarter the action plan update is for (default: the latest that has ended)")
    .option("-a, --agency <id>", "the agency's id in darep.config.json; repeat it for several", (v: string, prev: string[] = []) => [...prev, v])
    .option("--all", "a template for every agency")
    .addOption(new Option("-f, --format <format>", "xlsx (with checks and guidance) or csv (the bare columns)").choices(["xlsx", "csv"]).default("xlsx"))
    .option("-o, --out <dir>", "write the templates here instead")
    .option("--year <year>", "the financial year, e.g. 2026-27")
    .option("--no-previous", "leave out last quarter's figures")
    .option("-w, --workspace <dir>", "the workspace folder (default: the one holding darep.config.json, here or above)")
    .action(async (quarter: string, second: string | undefined, flags) => {
      const { runActionsTemplate, runTemplate } = await import("./commands/template.js");
      if (quarter.toLowerCase() === "actions") return setCode(await runActionsTemplate(second, flags, io));
      if (second !== undefined) throw new RunError(`'${second}' is one word too many: give the quarter as one word, e.g. '2026-27 Q2' in quotes.`);
      setCode(await runTemplate(quarter, flags, io));
    });

  p.command("status")
    .summary("the chase list: which returns are received, missing, invalid or late")
    .description(
      "List, per agency, whether its return for the quarter is received, missing or invalid (with the number " +
        "of errors), whether it came late, who to contact and what is still owed. Exit 0 when every return is " +
        "in and valid, 1 otherwise.",
    )
    .argument("<quarter>", "Q1, Q2, Q3 or Q4 (the latest such quarter that has ended), or e.g. '2026-27 Q2'")
    .option("--year <year>", "the financial year, e.g. 2026-27")
    .option("-w, --workspace <dir>", "the workspace folder (default: the one holding darep.config.json, here or above)")
    .addOption(new Option("-f, --format <format>", "text, markdown (for an email or a ticket) or json").choices(["text", "markdown", "json"]).default("text"))
    .action(async (quarter: string, flags) => {
      const { runStatus } = await import("./commands/status.js");
      setCode(await runStatus(quarter, flags, io));
    });

  p.command("send")
    .summary("email the board pack to the board, or (--chase) chase the agencies that owe")
    .description(
      "Email the quarter's board pack (the PDF 'darep build' wrote, built first if missing or older than its inputs) to each " +
        "address in distribution.board, with the summary in the message. The mail server comes only from DAREP_SMTP_URL " +
        "(smtps://user:pass@host:465, or smtp://user:pass@host:587 with STARTTLS; TLS is required except on this machine). " +
        "The same pack is never sent twice to one address (see sent.csv in the report folder) unless --resend. " +
        "Exit 0 all sent; 1 an agency that owes has no contact.email; 2 a message was not sent.",
    )
    .argument("<quarter>", "Q1, Q2, Q3 or Q4 (the latest such quarter that has ended), or e.g. '2026-27 Q2'")
    .option("--year <year>", "the financial year, e.g. 2026-27")
    .option("-w, --workspace <dir>", "the workspace folder (default: the one holding darep.config.json, here or above)")
    .option("--chase", "instead, email each agency whose return is missing or has errors what it owes (to its contact.email)")
    .option("--dry-run", "send nothing: write each message as a .eml file (Outlook and Thunderbird open it as a draft)")
    .option("-o, --out <dir>", "with --dry-run, write the .eml files here instead of reports/<year>-<quarter>/outbox/")
    .option("--resend", "send again to addresses that already had the same pack or chase")
    .option("--browser <path>", "the Chrome, Chromium or Edge to print the PDF with, if it must be built (or set DAREP_BROWSER)")
    .action(async (quarter: string, flags) => {
      const { runSend } = await import("./commands/send.js");
      setCode(await runSend(quarter, flags, io));
    });

  p.command("export")
    .summary("every figure of a quarter as one tidy table (CSV, XLSX) for Power BI or Excel")
    .description(
      "Write the quarter's figures, one row per figure, as the report publishes them, into reports/<year>-<quarter>/" +
        "<partnership>-<year>-<quarter>-figures.csv and .xlsx. The report is built first if it is missing or older than its inputs.",
    )
    .argument("<quarter>", "Q1, Q2, Q3 or Q4 (the latest such quarter that has ended), or e.g. '2026-27 Q2'")
    .option("--year <year>", "the financial year, e.g. 2026-27")
    .option("-w, --workspace <dir>", "the workspace folder (default: the one holding darep.config.json, here or above)")
    .option("-f, --format <list>", "which tables, comma-separated: csv,xlsx", "csv,xlsx")
    .option("-o, --out <dir>", "write them here instead of the report folder")
    .option("--history", "add a row for each earlier quarter in the report's history (its value and symbol)")
    .option("-q, --quiet", "print nothing but errors")
    .action(async (quarter: string, flags) => {
      const { runExport } = await import("./commands/export.js");
      setCode(await runExport(quarter, flags, io));
    });

  p.command("init")
    .summary("start a new workspace for a partnership: config, framework, returns folders, README")
    .description(
      "Make a new workspace in DIR (default: this folder) for a partnership: darep.config.json with its name and agencies, " +
        "a copy of the framework, returns folders for the current financial year and a README naming the quarter now due. " +
        "Asks on a terminal for what the flags leave out; in CI, or with no terminal, says what is needed. Overwrites nothing.",
    )
    .argument("[dir]", "the folder to make it in")
    .option("--name <name>", 'the partnership\'s name, e.g. "Sheffield Domestic Abuse Partnership"')
    .option("--framework <framework>", "doncaster, rotherham, portsmouth, blank (to import your own next) or a framework folder")
    .option("--agency <id:name>", 'an agency, as id:"Name"; repeat it for each', (v: string, prev: string[] = []) => [...prev, v])
    .option("--agencies <file>", "a CSV or XLSX of agencies: id, name, and optionally email and indicators (e.g. SH1; SH2)")
    .action(async (dir: string | undefined, flags) => {
      const { runInit } = await import("./commands/init.js");
      setCode(await runInit(dir, flags, io));
    });

  const framework = p.command("framework").summary("a framework from a spreadsheet, back out to one, or the blank spreadsheet");
  framework
    .command("import")
    .summary("read a framework from a spreadsheet (one row per measure) into schemas/<name>/")
    .description(
      "Read FILE (XLSX or CSV, one row per measure: reference, title, owner, what it tells us, measure, unit, categories, direction and its reason, target, frequency, ...) " +
        "into schemas/<name>/ of the workspace (or of this folder), naming every cell to correct. A workspace on the blank framework is switched to it, " +
        "each agency given the indicators its owner column names. Overwrites nothing. Exit 1 when the spreadsheet has errors, or when its owners and the config's agencies do not match (the framework is then written, and the config left as it was).",
    )
    .argument("<file>", "the spreadsheet")
    .option("--name <name>", "the framework's folder name, e.g. sheffield (default: from the file's name)")
    .option("--use", "make the workspace use it, even when it uses another framework than the blank one")
    .option("-w, --workspace <dir>", "the workspace folder (default: the one holding darep.config.json, here or above)")
    .action(async (file: string, flags) => {
      const { runFrameworkImport } = await import("./commands/framework.js");
      setCode(await runFrameworkImport(file, flags, io));
    });
  framework
    .command("export")
    .summary("write a framework out as the spreadsheet, to review in Excel")
    .option("--framework <framework>", "doncaster, rotherham, portsmouth, blank or a framework folder (default: the workspace's)")
    .option("-o, --out <file>", "the file to write, .xlsx or .csv (default: <framework>-framework.xlsx)")
    .option("-w, --workspace <dir>", "the workspace folder (default: the one holding darep.config.json, here or above)")
    .action(async (flags) => {
      const { runFrameworkExport } = await import("./commands/framework.js");
      setCode(await runFrameworkExport(flags, io));
    });
  framework
    .command("template")
    .summary("write the blank framework spreadsheet, with dropdowns and guidance")
    .option("-o, --out <file>", "the file to write (default: framework-template.xlsx)")
    .action(async (flags) => {
      const { runFrameworkTemplate } = await import("./commands/framework.js");
      setCode(await runFrameworkTemplate(flags, io));
    });

  p.command("import")
    .summary("import past quarters: 'darep import history <file>'")
    .description(
      "'darep import history FILE' reads a long table (year, quarter, agency, indicator, measure, category, value; XLSX or CSV) and writes it as " +
        "the quarters' returns, each checked like any return, with a receipts log line marking it imported. A return that exists is never overwritten. " +
        "Exit 1 when a row or a return has errors (those are not written).",
    )
    .argument("<what>", "history")
    .argument("<file>", "the long table")
    .option("-w, --workspace <dir>", "the workspace folder (default: the one holding darep.config.json, here or above)")
    .action(async (what: string, file: string, flags) => {
      if (what !== "history") throw new RunError(`darep import reads 'history' only (found '${what}'): darep import history <file>.`);
      const { runImportHistory } = await import("./commands/history.js");
      setCode(await runImportHistory(file, flags, io));
    });

  return p;
}

export async function run(argv: string[], io: Io): Promise<number> {
  let code: number = EXIT.ok;
  const debug = argv.includes("--debug");
  try {
    await program(io, (c) => (code = c)).parseAsync(argv, { from: "user" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version "errors" are how commander says it printed what was asked.
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return EXIT.ok;
      return EXIT.failure;
    }
    // A full disk, a quota or a permission is the machine's, not a bug in darep: said as such.
    const failure = e instanceof RunError ? e : environmentError(e);
    if (failure) {
      io.stderr(terminalSafe(`darep: ${failure.message}\n${failure.details.map((d) => `  ${d}\n`).join("")}`));
      if (debug) io.stderr(`${(e as Error).stack}\n`);
      return EXIT.failure;
    }
    io.stderr(`darep: something went wrong inside darep: ${(e as Error)?.message ?? String(e)}\n`);
    io.stderr(debug ? `${(e as Error)?.stack}\n` : "Run again with --debug to see the details, and report them as a bug.\n");
    return EXIT.failure;
  }
}

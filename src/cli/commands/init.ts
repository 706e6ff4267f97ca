// `darep init [dir] --name ... --framework ... --agency id:"Name"`: start a new workspace; asks on a
// terminal for what the flags leave out, and in CI (or with no terminal) says what is needed instead.
import { init, parseAgencyFlag, type AgencyGiven } from "../../index.js";
import { RunError } from "../../errors.js";
import { dateInWords, plural } from "../../words/index.js";
import { canAsk, today, type Io } from "../io.js";

export interface InitFlags {
  name?: string;
  framework?: string;
  agency?: string[];
  agencies?: string;
}

const FRAMEWORKS = "doncaster, rotherham, portsmouth, blank or a framework folder";
// Doncaster's own workspace of its framework may leave out --agency: its ten source agencies are the example.

/** The flags, with what is missing asked for on a terminal, or a usage error listing it. */
async function completed(flags: InitFlags, io: Io): Promise<InitFlags> {
  const missing = [
    !flags.name && `--name "<the partnership's name>"`,
    !flags.framework && `--framework <${FRAMEWORKS.replace(/, | or /g, "|")}>`,
    !flags.agency?.length && !flags.agencies && flags.framework !== "doncaster" && `--agency id:"Name" (once per agency) or --agencies agencies.csv`,
  ].filter((m): m is string => Boolean(m));
  if (missing.length === 0) return flags;
  if (!canAsk(io)) throw new RunError(`darep init needs, when it cannot ask (no terminal, or CI):`, missing);
  const out = { ...flags };
  while (!out.name) out.name = (await io.ask("The partnership's name: ")).trim() || undefined;
  if (!out.framework) out.framework = (await io.ask(`Framework (${FRAMEWORKS}) [blank]: `)).trim() || "blank";
  if (!out.agency?.length && !out.agencies) {
    io.stdout("Agencies, one per line as id:Name (e.g. police:South Yorkshire Police); an empty line ends the list.\n");
    const list: string[] = [];
    for (;;) {
      const line = (await io.ask("  agency: ")).trim();
      if (!line) break;
      list.push(line);
    }
    out.agency = list;
  }
  return out;
}

export async function runInit(dir: string | undefined, given: InitFlags, io: Io): Promise<number> {
  const flags = await completed(given, io);
  const agencies: AgencyGiven[] = (flags.agency ?? []).map(parseAgencyFlag);
  const shown = dir ?? ".";
  const made = await init({ dir, cwd: io.cwd, today: today(io), name: flags.name, framework: flags.framework, agencies, agenciesFile: flags.agencies });
  const where = shown === "." ? "this folder" : shown;
  const framework = made.framework === "blank" ? "darep's blank framework (one example indicator)" : `the framework in schemas/${made.framework}/`;
  const lines = [
    `Made a darep workspace for ${made.partnership} in ${where}: darep.config.json (${plural(made.agencies.length, "agency", "agencies")}), README.md, ${framework} and returns folders for ${made.year}.`,
  ];
  if (made.review.length) {
    lines.push(`The framework was written for another partnership: review these ${made.review.length} texts naming its place or services (README.md lists them):`);
    for (const r of made.review) lines.push(`  ${r.ref} ${r.field}: ${r.terms.join(", ")}`);
  }
  if (made.unowned.length) lines.push(`No agency reports ${made.unowned.join(", ")}: add them to an agency's indicators in darep.config.json.`);
  const dueBy = dateInWords(made.due.dueBy);
  lines.push(
    made.framework === "blank"
      ? `Next: 'darep framework template' for the spreadsheet of your indicators, then 'darep framework import <file> --name <name>'.`
      : `Next: the returns for ${made.due.year} ${made.due.quarter} are due by ${dueBy}: 'darep template ${made.due.quarter} --all --year ${made.due.year}'.`,
  );
  io.stdout(`${lines.join("\n")}\n`);
  return 0;
}

// `darep template <quarter> --agency <id> | --all`: the return each agency owes, pre-filled, as XLSX
// (default) or CSV, written into <workspace>/templates/<year>-<quarter>/ unless --out says otherwise.
import { isAbsolute, relative } from "node:path";
import { RunError } from "../../errors.js";
import { parseQuarter, writeActionsTemplate, writeTemplates, type TemplateFormat } from "../../index.js";
import { fixedDate, today, type Io } from "../io.js";

export interface TemplateFlags {
  agency?: string[];
  all?: boolean;
  format: string;
  out?: string;
  year?: string;
  workspace?: string;
  /** commander's --no-previous */
  previous?: boolean;
}

export const TEMPLATE_FORMATS = ["xlsx", "csv"] as const;

/** A path as the user would type it: relative to where they are, unless that climbs out of it. */
function shownPath(io: Io, path: string): string {
  const shown = relative(io.cwd, path);
  return shown.startsWith("..") || isAbsolute(shown) ? path : shown;
}

export async function runTemplate(quarter: string, flags: TemplateFlags, io: Io): Promise<number> {
  parseQuarter(quarter);
  if (!(TEMPLATE_FORMATS as readonly string[]).includes(flags.format)) throw new RunError(`--format must be xlsx or csv (found "${flags.format}").`);
  const agencies = flags.agency ?? [];
  if (flags.all && agencies.length) throw new RunError("Give either --agency or --all, not both.");
  if (!flags.all && agencies.length === 0) throw new RunError("Say which agency the template is for with --agency <id>, or --all for every agency.");

  const made = await writeTemplates({
    workspace: flags.workspace,
    cwd: io.cwd,
    today: today(io),
    quarter,
    year: flags.year,
    agencies,
    format: flags.format as TemplateFormat,
    out: flags.out,
    createdAt: fixedDate(io.env),
    previous: flags.previous,
  });
  const { period } = made;
  for (const w of made.written) io.stdout(`${shownPath(io, w.path)}: ${w.name}, ${period.year} ${period.quarter}, ${w.rows} row${w.rows === 1 ? "" : "s"}\n`);
  return 0;
}

/**
 * `darep template actions [quarter]`: the action plan for lead officers to update, pre-filled from the
 * latest plan, written into <workspace>/templates/<year>-<quarter>/actions-<year>-<quarter>.xlsx.
 * With no quarter: the latest quarter that has ended, whose update is the one being collected.
 */
export async function runActionsTemplate(quarter: string | undefined, flags: TemplateFlags, io: Io): Promise<number> {
  if (flags.agency?.length || flags.all) throw new RunError("--agency and --all are for returns; the action plan template has neither.");
  if (!(TEMPLATE_FORMATS as readonly string[]).includes(flags.format)) throw new RunError(`--format must be xlsx or csv (found "${flags.format}").`);
  const w = await writeActionsTemplate({
    workspace: flags.workspace,
    cwd: io.cwd,
    today: today(io),
    quarter,
    year: flags.year,
    format: flags.format as TemplateFormat,
    out: flags.out,
    createdAt: fixedDate(io.env),
  });
  const folder = `${w.period.year}-${w.period.quarter}`;
  const from = w.from ? `pre-filled from ${w.from}, ${w.rows} action${w.rows === 1 ? "" : "s"}` : "blank (no action plan yet)";
  io.stdout(`${shownPath(io, w.path)}: the action plan for ${w.period.year} ${w.period.quarter}, ${from}; save it as actions/${folder}.${flags.format}\n`);
  return 0;
}

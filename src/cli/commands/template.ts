// `darep template <quarter> --agency <id> | --all`: the return each agency owes, pre-filled, as XLSX
// (default) or CSV, written into <workspace>/templates/<year>-<quarter>/ unless --out says otherwise.
import { isAbsolute, join, relative, resolve } from "node:path";
import { defaultCreatedAt, templateFolderName, writeActionsTemplate, writeTemplates, type TemplateFormat } from "../../api/template.js";
import { RunError } from "../../errors.js";
import { latestEnded, parsePeriodArg, periodKey, periodOfDate, previousQuarter } from "../../framework/period.js";
import { loadWorkspace } from "../../framework/workspace.js";
import type { Period } from "../../types.js";
import { today, type Io } from "../io.js";

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

/** SOURCE_DATE_EPOCH (reproducible builds) when set; else the caller's default. */
function fixedDate(env: NodeJS.ProcessEnv): Date | undefined {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === "") return undefined;
  if (!/^\d+$/.test(epoch)) throw new RunError(`SOURCE_DATE_EPOCH must be whole seconds since 1970 (found "${epoch}").`);
  return new Date(Number(epoch) * 1000);
}

export async function runTemplate(quarterArg: string, flags: TemplateFlags, io: Io): Promise<number> {
  const q = parsePeriodArg(quarterArg);
  if (!q) throw new RunError(`'${quarterArg}' is not a quarter: write Q1, Q2, Q3 or Q4 (or e.g. '2025-26 Q2').`);
  if (!(TEMPLATE_FORMATS as readonly string[]).includes(flags.format)) throw new RunError(`--format must be xlsx or csv (found "${flags.format}").`);
  const agencies = flags.agency ?? [];
  if (flags.all && agencies.length) throw new RunError("Give either --agency or --all, not both.");
  if (!flags.all && agencies.length === 0) throw new RunError("Say which agency the template is for with --agency <id>, or --all for every agency.");

  const ws = await loadWorkspace({ workspace: flags.workspace, cwd: io.cwd });
  const year = q.year ?? flags.year;
  const period: Period = year ? { year, quarter: q.quarter } : latestEnded(q.quarter, today(io), ws.config.financialYearStartMonth);
  const outDir = flags.out ? resolve(io.cwd, flags.out) : join(ws.root, "templates", templateFolderName(period));
  const written = await writeTemplates(ws, {
    period,
    agencies,
    format: flags.format as TemplateFormat,
    outDir,
    createdAt: fixedDate(io.env) ?? defaultCreatedAt(ws, period),
    previous: flags.previous,
  });
  for (const w of written) {
    const shown = relative(io.cwd, w.path);
    const name = ws.config.agencies.find((a) => a.id === w.agency)?.name ?? w.agency;
    io.stdout(`${shown.startsWith("..") || isAbsolute(shown) ? w.path : shown}: ${name}, ${period.year} ${period.quarter}, ${w.rows} row${w.rows === 1 ? "" : "s"}\n`);
  }
  return 0;
}

/**
 * `darep template actions [quarter]`: the action plan for lead officers to update, pre-filled from the
 * latest plan, written into <workspace>/templates/<year>-<quarter>/actions-<year>-<quarter>.xlsx.
 * With no quarter: the latest quarter that has ended, whose update is the one being collected.
 */
export async function runActionsTemplate(quarterArg: string | undefined, flags: TemplateFlags, io: Io): Promise<number> {
  if (flags.agency?.length || flags.all) throw new RunError("--agency and --all are for returns; the action plan template has neither.");
  if (!(TEMPLATE_FORMATS as readonly string[]).includes(flags.format)) throw new RunError(`--format must be xlsx or csv (found "${flags.format}").`);
  const ws = await loadWorkspace({ workspace: flags.workspace, cwd: io.cwd });
  const now = today(io);
  let period: Period;
  if (quarterArg === undefined) {
    const ended = previousQuarter(periodOfDate(now, ws.config.financialYearStartMonth));
    period = flags.year ? { year: flags.year, quarter: ended.quarter } : ended;
  } else {
    const q = parsePeriodArg(quarterArg);
    if (!q) throw new RunError(`'${quarterArg}' is not a quarter: write Q1, Q2, Q3 or Q4 (or e.g. '2026-27 Q3').`);
    const year = q.year ?? flags.year;
    period = year ? { year, quarter: q.quarter } : latestEnded(q.quarter, now, ws.config.financialYearStartMonth);
  }
  const outDir = flags.out ? resolve(io.cwd, flags.out) : join(ws.root, "templates", templateFolderName(period));
  const w = await writeActionsTemplate(ws, { period, format: flags.format as TemplateFormat, outDir, createdAt: fixedDate(io.env) ?? defaultCreatedAt(ws, period) });
  const shown = relative(io.cwd, w.path);
  const from = w.from ? `pre-filled from ${w.from}, ${w.rows} action${w.rows === 1 ? "" : "s"}` : "blank (no action plan yet)";
  io.stdout(`${shown.startsWith("..") || isAbsolute(shown) ? w.path : shown}: the action plan for ${periodKey(period)}, ${from}; save it as actions/${templateFolderName(period)}.${flags.format}\n`);
  return 0;
}

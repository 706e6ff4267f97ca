// `darep template <quarter> --agency <id> | --all`: the return each agency owes, pre-filled, as XLSX
// (default) or CSV, written into <workspace>/templates/<year>-<quarter>/ unless --out says otherwise.
import { isAbsolute, join, relative, resolve } from "node:path";
import { defaultCreatedAt, templateFolderName, writeTemplates, type TemplateFormat } from "../../api/template.js";
import { RunError } from "../../errors.js";
import { latestEnded, parsePeriodArg } from "../../framework/period.js";
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

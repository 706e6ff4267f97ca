// `darep init`: a new workspace for a partnership, with its name, a framework (one of darep's, the
// blank one, or a folder) and its agencies; refusing to overwrite anything.
import { basename, join, resolve } from "node:path";
import { RunError } from "../errors.js";
import { dueDate } from "../framework/due-date.js";
import { periodOfDate, previousQuarter } from "../framework/period.js";
import type { Framework } from "../framework/types.js";
import { DAREP_ROOT } from "../framework/workspace.js";
import type { AgencyGiven } from "../init/agency-flag.js";
import { placeAgencies } from "../init/agencies.js";
import { doncasterAgencies } from "../init/example-config.js";
import { isOwnPartnership, localTexts, type LocalText } from "../init/local-texts.js";
import { refuseTaken, workspaceFiles, type NewWorkspace, type WorkspacePlan } from "../init/new-workspace.js";
import type { Period } from "../types.js";
import { dateInWords } from "../words/index.js";
import { kindOf, listFolder, loadFramework, readTableFile, readText } from "../workspace/index.js";
import { BLANK_FRAMEWORK } from "./framework.js";
import { settled, type WorkspaceRequest } from "./request.js";
import { writeAllAtomically } from "./write-atomic.js";

export type { AgencyGiven } from "../init/agency-flag.js";

/** darep's own frameworks, by name. */
export const BUNDLED_FRAMEWORKS = ["doncaster", "rotherham", "portsmouth", BLANK_FRAMEWORK] as const;

export interface InitRequest extends Pick<WorkspaceRequest, "cwd" | "today"> {
  /** The folder to make it in, as the user named it (default the current folder). */
  dir?: string;
  /** The partnership's name (default: the framework's own partnership, when it names one). */
  name?: string;
  /** doncaster, rotherham, portsmouth, blank, or a framework folder (default doncaster). */
  framework?: string;
  agencies?: AgencyGiven[];
  /** A CSV or XLSX of agencies: id, name and optionally email and indicators (e.g. "SH1; SH2"). */
  agenciesFile?: string;
}

export interface InitOutcome extends NewWorkspace {
  /** The financial year whose returns folders were made. */
  year: string;
  partnership: string;
  /** The framework's folder name in the workspace, or "blank". */
  framework: string;
  /** The latest quarter that has ended, and the date its returns are due by. */
  due: Period & { dueBy: string };
  agencies: { id: string; indicators: string[] }[];
  /** Indicator texts that name the framework's own place, for another partnership to review. */
  review: LocalText[];
  /** References no agency reports. */
  unowned: string[];
}

/** The framework folder's files by name, read through the workspace reader's one door. */
function frameworkFilesIn(dir: string | null): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of (dir && listFolder(dir)?.files) || []) {
    const text = readText(join(dir!, name));
    if (text === null) throw new RunError(`darep could not read ${name} in the framework folder ${dir}: check that it can be read.`);
    files.set(name, text);
  }
  return files;
}

/** Write the new workspace into `root`, refusing if any of its files exists; `shown` names the folder to the user. */
async function createWorkspace(root: string, plan: WorkspacePlan, shown: string): Promise<NewWorkspace> {
  const files = workspaceFiles(plan, frameworkFilesIn(plan.copyFrom));
  refuseTaken(
    [...files.keys()].filter((f) => kindOf(join(root, f)) !== null),
    shown,
  );
  await writeAllAtomically([...files].map(([f, content]) => ({ path: join(root, f), content })));
  return { root, files: [...files.keys()] };
}

async function frameworkFrom(name: string, cwd: string): Promise<{ framework: Framework; bundled: boolean }> {
  const bundled = (BUNDLED_FRAMEWORKS as readonly string[]).includes(name);
  const dir = bundled ? join(DAREP_ROOT, "schemas", name) : resolve(cwd, name);
  if (kindOf(dir) !== "folder") throw new RunError(`There is no framework '${name}': give ${BUNDLED_FRAMEWORKS.join(", ")} or a framework folder.`);
  return { framework: await loadFramework(dir, name), bundled };
}

/** Agencies from a CSV or XLSX: its header names id, name, and optionally email and indicators. */
async function agenciesFromFile(file: string, cwd: string): Promise<AgencyGiven[]> {
  const read = await readTableFile(resolve(cwd, file), {}, "Agencies");
  const errors = read.issues.filter((i) => i.severity === "error");
  if (!read.table || errors.length)
    throw new RunError(
      `The agencies file ${file} cannot be read:`,
      errors.map((i) => `${i.cell ? `${i.cell}: ` : ""}${i.message}`),
    );
  const header = (read.table.header?.cells ?? []).map((h) => h.trim().toLowerCase());
  const col = (n: string) => header.indexOf(n);
  if (col("id") < 0 || col("name") < 0) throw new RunError(`The agencies file ${file} needs an 'id' and a 'name' column (and may have 'email' and 'indicators').`);
  return read.table.rows
    .filter((r) => r.cells.some((c) => c.trim() !== ""))
    .map((r) => {
      const cell = (n: string) => (col(n) < 0 ? "" : (r.cells[col(n)] ?? "").trim());
      const refs = cell("indicators")
        .split(/[;,\s]+/)
        .filter(Boolean);
      return { id: cell("id"), name: cell("name"), ...(cell("email") ? { email: cell("email") } : {}), ...(refs.length ? { indicators: refs } : {}) };
    });
}

export async function initWorkspace(req: InitRequest = {}): Promise<InitOutcome> {
  const { cwd, today } = settled(req);
  const shown = req.dir ?? ".";
  const { framework, bundled } = await frameworkFrom(req.framework ?? "doncaster", cwd);
  const partnership = req.name?.trim() || framework.info.partnership;
  if (!partnership) throw new RunError('darep init needs the partnership\'s name: give --name "...".');
  const own = !bundled || isOwnPartnership(framework.info, partnership);
  const given = [...(req.agencies ?? []), ...(req.agenciesFile ? await agenciesFromFile(req.agenciesFile, cwd) : [])];
  let placed;
  if (given.length) placed = placeAgencies(given, framework.indicators);
  else if (framework.name === "doncaster" && own) placed = { agencies: doncasterAgencies(), unowned: [] };
  else throw new RunError(`darep init needs the partnership's agencies: give --agency id:"Name" (once for each) or --agencies agencies.csv.`);

  const blank = framework.name === BLANK_FRAMEWORK && bundled;
  const folder = blank ? null : basename(framework.dir);
  const config = { financialYearStartMonth: 4, options: { returnsDueDays: 30 } };
  const due = previousQuarter(periodOfDate(today, config.financialYearStartMonth));
  const dueBy = dueDate(due, config);
  const { year } = periodOfDate(today, config.financialYearStartMonth);
  const review = own ? [] : localTexts(framework.info, framework.indicators);
  const made = await createWorkspace(
    resolve(cwd, shown),
    {
      partnership,
      framework: folder,
      frameworkName: framework.info.name,
      year: due.year,
      quarter: due.quarter,
      dueBy: dateInWords(dueBy),
      review,
      configFramework: folder ?? BLANK_FRAMEWORK,
      copyFrom: blank ? null : framework.dir,
      copyAssurance: own,
      agencies: placed.agencies,
      years: [...new Set([due.year, year])],
    },
    shown,
  );
  return {
    ...made,
    year,
    partnership,
    framework: folder ?? BLANK_FRAMEWORK,
    due: { ...due, dueBy },
    agencies: placed.agencies.map((a) => ({ id: a.id, indicators: a.indicators })),
    review,
    unowned: placed.unowned,
  };
}

// `darep validate <file> --framework <name-or-folder>`: one return checked on its own, for a data
// officer with no workspace. Whose return it is and for which quarter come from the About sheet, or
// the file's name (e.g. south-yorkshire-police-2026-27-Q2.csv). Without the partnership's config the
// indicators the agency owes are unknown, so the file is checked against the indicators it names:
// every value, reference, sum and part, but no "indicator left out" or "not yours".
import { existsSync } from "node:fs";
import { basename, extname, isAbsolute, join, resolve } from "node:path";
import { RunError } from "../errors.js";
import { DAREP_ROOT } from "../framework/workspace.js";
import type { Agency } from "../framework/schema.js";
import { readReturn } from "../ingest/index.js";
import type { Issue, Period, QuarterName } from "../types.js";
import { periodOf } from "../validate/about.js";
import { validateTable } from "../validate/index.js";
import type { FileCheck, ValidationResult } from "./validate.js";

export interface AloneRequest {
  files: string[];
  /** A bundled framework's name (doncaster) or a folder holding framework.json. */
  framework: string;
  cwd: string;
}

/** The default of options.suddenChangeFactor; with no last quarter on hand it is never used. */
const SUDDEN_CHANGE_FACTOR = 3;

function frameworkFolder(name: string, cwd: string): string {
  const dir = isAbsolute(name) || name.startsWith(".") || /[/\\]/.test(name) ? resolve(cwd, name) : join(DAREP_ROOT, "schemas", name);
  if (!existsSync(join(dir, "framework.json"))) throw new RunError(`--framework: no framework '${name}' (a bundled one: doncaster, rotherham, portsmouth; or a folder holding framework.json).`);
  return dir;
}

/** "2026-27 Q2" -> the period. */
function toPeriod(said: string | null): Period | null {
  const m = said ? /^(\d{4}-\d{2}) (Q[1-4])$/.exec(said) : null;
  return m ? { year: m[1]!, quarter: m[2] as QuarterName } : null;
}

async function checkOne(path: string, shown: string, framework: Awaited<ReturnType<typeof import("../framework/load-framework.js").loadFramework>>): Promise<FileCheck> {
  const read = await readReturn(path);
  const issues: Issue[] = read.issues.map((i) => ({ ...i, file: shown }));
  const stem = basename(shown, extname(shown));
  const period = toPeriod(periodOf(read.table?.about?.period ?? "")) ?? toPeriod(periodOf(stem));
  const id = (read.table?.about?.agency || stem.replace(/[-_ ]*\d{4}[-_/]\d{2}[-_ ]*Q[1-4]$/i, "")).trim();
  if (read.table && !period)
    throw new RunError(`darep cannot tell which quarter ${shown} is for: fill in the About sheet's period (e.g. 2026-27 Q2), or name the file like ${id || "agency"}-2026-27-Q2${extname(shown)}.`);
  let figures = 0;
  if (read.table && period) {
    const header = read.table.header?.cells.map((c) => c.trim().toLowerCase()) ?? [];
    const col = header.indexOf("indicator");
    const named = new Set(read.table.rows.map((r) => (r.cells[col] ?? "").trim().toUpperCase()));
    const agency: Agency = { id, name: id, indicators: framework.indicators.map((i) => i.ref).filter((ref) => named.has(ref.toUpperCase())) };
    const checked = validateTable({ table: { ...read.table, file: shown }, framework, agency, period, suddenChangeFactor: SUDDEN_CHANGE_FACTOR });
    issues.push(...checked.issues);
    figures = checked.figures.length;
  }
  const errors = issues.filter((i) => i.severity === "error").length;
  return { file: shown, agency: id || null, year: period?.year ?? null, quarter: period?.quarter ?? null, status: errors ? "invalid" : "valid", sha256: null, receivedAt: null, figures, errors, warnings: issues.length - errors, issues };
}

export async function validateAlone(req: AloneRequest): Promise<ValidationResult> {
  const { FrameworkError, loadFramework } = await import("../framework/load-framework.js");
  const dir = frameworkFolder(req.framework, req.cwd);
  let framework;
  try {
    framework = await loadFramework(dir);
  } catch (e) {
    if (e instanceof FrameworkError) throw new RunError(`The framework in ${dir} has mistakes:`, e.problems);
    throw e;
  }
  if (req.files.length === 0) throw new RunError("With --framework, name the return file(s) to check.");
  const files: FileCheck[] = [];
  for (const f of req.files) files.push(await checkOne(resolve(req.cwd, f), f, framework));
  const errors = files.reduce((n, f) => n + f.errors, 0);
  const warnings = files.reduce((n, f) => n + f.warnings, 0);
  return { files, issues: [], summary: { files: files.length, valid: files.filter((f) => f.status === "valid").length, invalid: files.filter((f) => f.status === "invalid").length, errors, warnings } };
}

// `darep validate <file> --framework <name-or-folder>`: one return checked on its own, for a data
// officer with no workspace. Whose return it is and for which quarter come from the About sheet, or
// the file's name (e.g. south-yorkshire-police-2026-27-Q2.csv). Without the partnership's config the
// indicators the agency owes are unknown, so the file is checked against the indicators it names:
// every value, reference, sum and part, but no "indicator left out" or "not yours".
import { basename, extname } from "node:path";
import { RunError } from "../errors.js";
import type { Agency } from "../framework/schema.js";
import type { Framework } from "../framework/types.js";
import type { Issue, Period, QuarterName, ReadResult } from "../types.js";
import { periodOf } from "../validate/about.js";
import { validateTable } from "../validate/index.js";
import { openLone } from "../workspace/index.js";
import type { FileCheck, ValidationResult } from "./validate.js";

export interface AloneRequest {
  files: string[];
  /** A bundled framework's name (doncaster) or a folder holding framework.json. */
  framework: string;
  cwd: string;
}

/** The default of options.suddenChangeFactor; with no last quarter on hand it is never used. */
const SUDDEN_CHANGE_FACTOR = 3;

/** "2026-27 Q2" -> the period. */
function toPeriod(said: string | null): Period | null {
  const m = said ? /^(\d{4}-\d{2}) (Q[1-4])$/.exec(said) : null;
  return m ? { year: m[1]!, quarter: m[2] as QuarterName } : null;
}

function checkOne(shown: string, read: ReadResult, framework: Framework): FileCheck {
  const issues: Issue[] = [...read.issues];
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
  return {
    file: shown,
    agency: id || null,
    year: period?.year ?? null,
    quarter: period?.quarter ?? null,
    status: errors ? "invalid" : "valid",
    sha256: null,
    receivedAt: null,
    figures,
    errors,
    warnings: issues.length - errors,
    issues,
  };
}

export async function validateAlone(req: AloneRequest): Promise<ValidationResult> {
  if (req.files.length === 0) throw new RunError("With --framework, name the return file(s) to check.");
  const { framework, returns } = await openLone(req);
  const files = returns.map((r) => checkOne(r.file, r.read, framework));
  const errors = files.reduce((n, f) => n + f.errors, 0);
  const warnings = files.reduce((n, f) => n + f.warnings, 0);
  return {
    files,
    issues: [],
    summary: { files: files.length, valid: files.filter((f) => f.status === "valid").length, invalid: files.filter((f) => f.status === "invalid").length, errors, warnings },
  };
}

// One return through the first two stages: read the file (ingest), then check it (validate).
// Whatever happens to this file stays with this file: the result always comes back, never a throw.
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import type { ReturnEntry } from "../framework/returns-folder.js";
import type { Workspace } from "../framework/types.js";
import { readReturn, type ReadLimits } from "../ingest/index.js";
import { issue } from "../issues/catalogue.js";
import type { Figure, Issue, ValidatedReturn } from "../types.js";
import { checkAbout, validateTable } from "../validate/index.js";

export interface CheckOptions {
  limits?: Partial<ReadLimits>;
  /** The same agency's figures for the quarter before, for the cross-quarter warnings. */
  previous?: Figure[];
}

/** Relabel the reader's and validator's locations from the absolute path to the workspace path. */
function relabel(issues: Issue[], from: string, to: string): Issue[] {
  return issues.map((i) => (i.file === from ? { ...i, file: to } : i));
}

export async function checkReturn(ws: Workspace, entry: ReturnEntry, options: CheckOptions = {}): Promise<ValidatedReturn> {
  const agency = ws.config.agencies.find((a) => a.id === entry.agency);
  const base = { agency: entry.agency, period: entry.period, file: entry.file };
  let sha256: string | null = null;
  let receivedAt: string | null = null;
  try {
    const [bytes, info] = await Promise.all([readFile(entry.path), stat(entry.path)]);
    sha256 = createHash("sha256").update(bytes).digest("hex");
    receivedAt = info.mtime.toISOString();
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === "EACCES" ? "darep may not read it" : "it could not be opened";
    return { ...base, status: "invalid", sha256, receivedAt, figures: [], issues: [issue("unreadable-file", { file: entry.file }, `${entry.file} cannot be read: ${why}.`)] };
  }
  if (!agency) {
    return { ...base, status: "invalid", sha256, receivedAt, figures: [], issues: [issue("unknown-agency", { file: entry.file }, `${entry.agency} is not an agency in darep.config.json.`)] };
  }

  const read = await readReturn(entry.path, options.limits);
  const issues = relabel(read.issues, entry.path, entry.file);
  let figures: Figure[] = [];
  if (read.table) {
    const table = { ...read.table, file: entry.file };
    issues.push(...checkAbout(table, agency, entry.period));
    const checked = validateTable({
      table,
      framework: ws.framework,
      agency,
      period: entry.period,
      previous: options.previous,
      suddenChangeFactor: ws.config.options.suddenChangeFactor,
    });
    figures = checked.figures;
    issues.push(...checked.issues);
  }
  const status = issues.some((i) => i.severity === "error") ? "invalid" : "received";
  return { ...base, status, sha256, receivedAt, figures, issues };
}

// One return through the first two stages: read the file (ingest), then check it (validate).
// Whatever happens to this file stays with this file: the result always comes back, never a throw.
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import type { CheckedPart, ReturnsCache } from "../cache/returns.js";
import type { ReturnEntry } from "../framework/returns-folder.js";
import type { Agency } from "../framework/schema.js";
import type { Workspace } from "../framework/types.js";
import { readReturn, type ReadLimits } from "../ingest/index.js";
import { DEFAULT_SECONDS_PER_FILE } from "../ingest/limits.js";
import { issue } from "../issues/catalogue.js";
import type { Figure, Issue, ReadResult, ValidatedReturn } from "../types.js";
import { quarterDates } from "../framework/period.js";
import { checkAbout, validateTable } from "../validate/index.js";
import { dateOf, plausibleSubmitted } from "../validate/submitted.js";

export interface CheckOptions {
  limits?: Partial<ReadLimits>;
  /** The same agency's figures for the quarter before, for the cross-quarter warnings. */
  previous?: Figure[];
  /** Checked returns by content: a file unchanged since it was last checked is not read again. */
  cache?: ReturnsCache | null;
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
  let savedOn = "";
  try {
    // Read at once rather than through the thread pool: returns are small, and with the cache this
    // read and the cache entry's are all the work an unchanged return costs.
    const bytes = readFileSync(entry.path);
    const info = statSync(entry.path);
    sha256 = createHash("sha256").update(bytes).digest("hex");
    receivedAt = entry.receivedAt ?? info.mtime.toISOString();
    savedOn = info.mtime.toISOString().slice(0, 10);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === "EACCES" ? "darep may not read it" : "it could not be opened";
    return { ...base, status: "invalid", sha256, receivedAt, figures: [], issues: [issue("unreadable-file", { file: entry.file }, `${entry.file} cannot be read: ${why}.`)] };
  }
  if (!agency) {
    return { ...base, status: "invalid", sha256, receivedAt, figures: [], issues: [issue("unknown-agency", { file: entry.file }, `${entry.agency} is not an agency in darep.config.json.`)] };
  }

  const { maxSecondsPerFile = DEFAULT_SECONDS_PER_FILE, ...configured } = ws.config.options.limits ?? {};
  const limits: Partial<ReadLimits> = { ...configured, ...options.limits };
  const cache = options.cache;
  const key = cache?.key(ws, { entry, sha256, limits, previous: options.previous });
  const hit = key ? await cache!.get(key, entry.agency) : null;
  // When it arrived: the receipts log, else the About sheet's submitted date when plausible, else the file's time.
  const arrived = (part: CheckedPart) =>
    entry.receivedAt ?? plausibleSubmitted(part.submitted, quarterDates(entry.period, ws.config.financialYearStartMonth).start, savedOn) ?? receivedAt;
  if (hit) return { ...base, status: hit.status, sha256, receivedAt: arrived(hit), figures: hit.figures, issues: hit.issues };

  const read = await readWithin(entry, limits, maxSecondsPerFile);
  const part = checkRead(ws, entry, agency, read, options.previous);
  // A read given up on says how busy the machine was, not what the file holds: never cached.
  if (cache && key && !givenUp.has(read)) {
    await cache.put(key, part);
    // Next quarter this return is "the quarter before" and is checked without one: store that too,
    // so that the next build finds every earlier quarter in the cache.
    if (options.previous?.length) {
      const alone = checkRead(ws, entry, agency, read, undefined);
      await cache.put(cache.key(ws, { entry, sha256, limits }), alone);
    }
  }
  return { ...base, status: part.status, sha256, receivedAt: arrived(part), figures: part.figures, issues: part.issues };
}

const givenUp = new WeakSet<ReadResult>();

/**
 * Read a file, or give up on it after `seconds`: the file is reported and skipped, and the rest go
 * on. A read that is given up on still finishes in the background (exceljs cannot be stopped), but
 * the size limits bound what it can cost.
 */
async function readWithin(entry: ReturnEntry, limits: Partial<ReadLimits>, seconds: number): Promise<ReadResult> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<ReadResult>((resolve) => {
    timer = setTimeout(() => {
      const skipped: ReadResult = {
        table: null,
        issues: [issue("limit-exceeded", { file: entry.file }, `Reading the file took longer than the limit of ${seconds} s, so it was skipped.`, { expected: `read within ${seconds} s (options.limits.maxSecondsPerFile)` })],
      };
      givenUp.add(skipped);
      resolve(skipped);
    }, seconds * 1000);
    timer.unref();
  });
  try {
    return await Promise.race([readReturn(entry.path, limits), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The check of a file already read: the About sheet, then the table against the framework. */
function checkRead(ws: Workspace, entry: ReturnEntry, agency: Agency, read: ReadResult, previous: Figure[] | undefined): CheckedPart {
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
      previous,
      suddenChangeFactor: ws.config.options.suddenChangeFactor,
    });
    figures = checked.figures;
    issues.push(...checked.issues);
  }
  const status = issues.some((i) => i.severity === "error") ? "invalid" : "received";
  const submitted = dateOf(read.table?.about?.submitted);
  return { status, figures, issues, ...(submitted ? { submitted } : {}) };
}

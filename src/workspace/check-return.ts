// One return through the first two stages: read the file (ingest), then check it (validate).
// Whatever happens to this file stays with this file: the result always comes back, never a throw.
import { createHash } from "node:crypto";
import type { Agency } from "../framework/schema.js";
import type { Workspace } from "../framework/types.js";
import type { ReadLimits } from "../ingest/index.js";
import { DEFAULT_SECONDS_PER_FILE, resolveLimits } from "../ingest/limits.js";
import { issue } from "../issues/catalogue.js";
import type { Figure, Issue, ReadResult, ValidatedReturn } from "../types.js";
import { quarterDates } from "../framework/period.js";
import { checkAbout, validateTable } from "../validate/index.js";
import { dateOf, plausibleSubmitted } from "../validate/submitted.js";
import type { CheckedPart, ReturnsCache } from "./cache/returns.js";
import { openInput, type Input } from "./input.js";
import { parseIsolated } from "./parse-isolated.js";
import { openIssue } from "./read-table.js";
import type { ReturnEntry } from "./returns-folder.js";

export interface CheckOptions {
  limits?: Partial<ReadLimits>;
  /** The same agency's figures for the quarter before, for the cross-quarter warnings. */
  previous?: Figure[];
  /** Checked returns by content: a file unchanged since it was last checked is not read again. */
  cache?: ReturnsCache | null;
  /** The file as already opened by openReturn, when one run checks it twice; else it is opened here. */
  input?: Input;
}

/** The read limits for a workspace's returns: its config's, then the caller's; and the time limit. */
function limitsFor(ws: Workspace, given: Partial<ReadLimits> | undefined) {
  const { maxSecondsPerFile = DEFAULT_SECONDS_PER_FILE, ...configured } = ws.config.options.limits ?? {};
  const limits: Partial<ReadLimits> = { ...configured, ...given };
  return { limits, maxSecondsPerFile, maxFileBytes: resolveLimits(limits).maxFileBytes };
}

/** Open a return as checkReturn would (a file over the size limit is not read), to check it twice from one read. */
export function openReturn(ws: Workspace, entry: ReturnEntry, limits?: Partial<ReadLimits>): Input {
  return openInput(entry.path, { maxBytes: limitsFor(ws, limits).maxFileBytes });
}

/** Relabel the reader's and validator's locations from the absolute path to the workspace path. */
function relabel(issues: Issue[], from: string, to: string): Issue[] {
  return issues.map((i) => (i.file === from ? { ...i, file: to } : i));
}

export async function checkReturn(ws: Workspace, entry: ReturnEntry, options: CheckOptions = {}): Promise<ValidatedReturn> {
  const agency = ws.config.agencies.find((a) => a.id === entry.agency);
  const base = { agency: entry.agency, period: entry.period, file: entry.file };
  const { limits, maxSecondsPerFile, maxFileBytes } = limitsFor(ws, options.limits);
  // Read once: the bytes hashed for the cache are the bytes parsed. A file over the size limit is not read.
  const input = options.input ?? openInput(entry.path, { maxBytes: maxFileBytes });
  if (!input.ok) {
    const failed =
      input.problem === "too-big" || input.problem === "symlink" || input.problem === "folder" || input.problem === "not-a-file"
        ? openIssue(input, entry.file, maxFileBytes)
        : issue("unreadable-file", { file: entry.file }, `${entry.file} cannot be read: ${input.problem === "denied" ? "darep may not read it" : "it could not be opened"}.`);
    return { ...base, status: "invalid", sha256: null, receivedAt: null, figures: [], issues: [failed] };
  }
  const bytes = input.bytes;
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const receivedAt = entry.receivedAt ?? input.modified.toISOString();
  const savedOn = input.modified.toISOString().slice(0, 10);
  if (!agency) {
    return { ...base, status: "invalid", sha256, receivedAt, figures: [], issues: [issue("unknown-agency", { file: entry.file }, `${entry.agency} is not an agency in darep.config.json.`)] };
  }

  const cache = options.cache;
  const key = cache?.key(ws, { entry, sha256, limits, previous: options.previous });
  const hit = key ? await cache!.get(key, entry.agency) : null;
  // When it arrived: the receipts log, else the About sheet's submitted date when plausible, else the file's time.
  const arrived = (part: CheckedPart) => entry.receivedAt ?? plausibleSubmitted(part.submitted, quarterDates(entry.period, ws.config.financialYearStartMonth).start, savedOn) ?? receivedAt;
  if (hit) return { ...base, status: hit.status, sha256, receivedAt: arrived(hit), figures: hit.figures, issues: hit.issues };

  const { result: read, givenUp } = await readWithin(entry, bytes, limits, maxSecondsPerFile);
  const part = checkRead(ws, entry, agency, read, options.previous);
  // A read given up on says how busy the machine was, not what the file holds: never cached.
  if (cache && key && !givenUp) {
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

/** Parse a file's bytes isolated, within the time and memory limits (./parse-isolated.ts). */
async function readWithin(entry: ReturnEntry, bytes: Buffer, limits: Partial<ReadLimits>, seconds: number): Promise<{ result: ReadResult; givenUp: boolean }> {
  return parseIsolated(bytes, entry.path, limits, seconds);
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

/**
 * A return that exists only in memory (e.g. one `darep import history` is about to write), checked
 * exactly as the file would be once written at `file` (workspace-relative).
 */
export async function checkReturnBytes(ws: Workspace, agencyId: string, period: ReturnEntry["period"], file: string, bytes: Buffer): Promise<CheckedPart> {
  const agency = ws.config.agencies.find((a) => a.id === agencyId);
  if (!agency) return { status: "invalid", figures: [], issues: [issue("unknown-agency", { file }, `${agencyId} is not an agency in darep.config.json.`)] };
  const { limits, maxSecondsPerFile } = limitsFor(ws, undefined);
  const entry: ReturnEntry = { agency: agencyId, period, path: file, file };
  // Read as a file of the workspace would be: isolated, within the same limits.
  return checkRead(ws, entry, agency, (await parseIsolated(bytes, file, limits, maxSecondsPerFile)).result, undefined);
}

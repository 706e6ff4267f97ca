// `darep import history <file>`: a partnership's past quarters from one long table, written as the
// quarters' returns (each checked like any return), so that process limits can be computed from the
// first report. A quarter's return that exists already is never overwritten.
import { join, relative, resolve } from "node:path";
import { RunError } from "../errors.js";
import { dueDate } from "../framework/due-date.js";
import { comparePeriods, periodKey } from "../framework/period.js";
import { parseReturn } from "../ingest/index.js";
import { historyReturns, placedInHistory, RETURN_COLUMNS, type HistoryReturn } from "../history/index.js";
import { issue } from "../issues/catalogue.js";
import { writeAllAtomically } from "./write-atomic.js";
import { csvField, quotedField } from "../words/index.js";
import type { Issue, Period } from "../types.js";
import { checkReturnBytes, kindOf, openTableFile, openWorkspace, readText, RECEIPTS_FILE } from "../workspace/index.js";
import { settled, type WorkspaceRequest } from "./request.js";

export interface HistoryImportRequest extends Pick<WorkspaceRequest, "cwd" | "workspace"> {
  /** The long table, CSV or XLSX (a sheet named History, else the first). */
  file: string;
}

export interface HistoryReturnWritten {
  agency: string;
  period: Period;
  /** Workspace-relative. */
  file: string;
  rows: number;
}

export interface HistoryImportOutcome {
  written: HistoryReturnWritten[];
  /** Returns left alone because a file for that agency and quarter exists. */
  kept: string[];
  /** Problems in the table and in the returns it would make (a return with an error is not written). */
  issues: Issue[];
}

/**
 * The return as the CSV an agency would have sent: a figure as it stands (a -2 is a number, not a
 * formula, so it gets no apostrophe), the texts made safe; any field with a comma, quote or line
 * break quoted, so that a "1,234" stays one cell.
 */
function returnCsv(r: HistoryReturn): string {
  const line = (cells: readonly string[]) => cells.map((v, i) => (RETURN_COLUMNS[i] === "value" && /^-?\d/.test(v) ? quotedField(v) : csvField(v))).join(",");
  return `\ufeff${[RETURN_COLUMNS.join(","), ...r.rows.map(line)].join("\r\n")}\r\n`;
}

export async function importHistory(req: HistoryImportRequest): Promise<HistoryImportOutcome> {
  const { cwd } = settled(req);
  const ws = await openWorkspace({ cwd, workspace: req.workspace });
  const path = resolve(cwd, req.file);
  const shownFile = relative(cwd, path) || req.file;
  // The history is the partnership's own input to this run, not an agency's return: a file that
  // cannot be opened stops the run (exit 2) rather than being an issue whose advice is to resend it.
  const opened = openTableFile(path);
  if ("issue" in opened) throw new RunError(`The history file ${shownFile} cannot be read:`, [opened.issue.message, "Check the file's name and place, then run darep import history again."]);
  const read = await parseReturn(opened.bytes, path, {}, "History");
  const issues = read.issues.filter((i) => i.code !== "missing-sheet").map((i) => (i.file === path ? { ...i, file: shownFile } : i));
  if (!read.table) return { written: [], kept: [], issues };
  const made = historyReturns(
    { ...read.table, file: shownFile },
    ws.config.agencies.map((a) => a.id),
  );
  issues.push(...made.issues);

  const writes: { path: string; content: string }[] = [];
  const written: HistoryReturnWritten[] = [];
  const kept: string[] = [];
  const receipts = new Map<string, string[]>();
  const ordered = [...made.returns].sort((a, b) => comparePeriods(a.period, b.period) || (a.agency < b.agency ? -1 : a.agency > b.agency ? 1 : 0));
  for (const r of ordered) {
    const folder = `returns/${r.period.year}/${r.period.quarter}`;
    const file = `${folder}/${r.agency}.csv`;
    const existing = [".csv", ".xlsx"].map((ext) => `${folder}/${r.agency}${ext}`).find((f) => kindOf(join(ws.root, f)) !== null);
    if (existing) {
      kept.push(existing);
      issues.push(
        issue("history-return-exists", { file: existing }, `${existing} exists already, so the history's ${periodKey(r.period)} return for ${r.agency} was not written (darep overwrites no return).`),
      );
      continue;
    }
    const csv = returnCsv(r);
    const checked = await checkReturnBytes(ws, r.agency, r.period, file, Buffer.from(csv, "utf8"));
    issues.push(...checked.issues.map((i) => placedInHistory(i, r, shownFile, file)));
    if (checked.status !== "received") continue;
    writes.push({ path: join(ws.root, file), content: csv });
    written.push({ agency: r.agency, period: r.period, file, rows: r.rows.length });
    // Received on its due date, so that history is never counted late; marked as imported.
    receipts.set(folder, [...(receipts.get(folder) ?? []), `${r.agency},${dueDate(r.period, ws.config)},imported from ${shownFile.replace(/[,\r\n]/g, " ")}`]);
  }
  for (const [folder, lines] of receipts) {
    const logPath = join(ws.root, folder, RECEIPTS_FILE);
    const before = readText(logPath);
    const start = before === null || before.trim() === "" ? "agency,received,note\n" : before.endsWith("\n") ? before : `${before}\n`;
    writes.push({ path: logPath, content: `${start}${lines.join("\n")}\n` });
  }
  if (writes.length) await writeAllAtomically(writes);
  return { written, kept, issues };
}

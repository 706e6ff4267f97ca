// One table file of the workspace (a return, an action plan, an evidence log) read through the one
// door (openInput) and handed to ingest as bytes, with what went wrong opening it said as ingest says it.
import { parseReturn, type ReadLimits } from "../ingest/index.js";
import { resolveLimits, sizeInWords } from "../ingest/limits.js";
import { issue } from "../issues/catalogue.js";
import type { Issue, ReadResult } from "../types.js";
import { openInput, type Input } from "./input.js";

const WHY = { missing: "there is no such file", denied: "darep is not allowed to read it", unreadable: "it could not be opened" } as const;

/** The issue for a file that could not be opened (`file` as issues should show it). */
export function openIssue(failed: Extract<Input, { ok: false }>, file: string, maxBytes: number): Issue {
  switch (failed.problem) {
    case "folder":
      return issue("unreadable-file", { file }, "This is a folder, not a file, so it was not read.", { expected: "the file itself" });
    case "symlink":
      return issue("unreadable-file", { file }, "This is a symbolic link; darep never follows links, so that no file outside the workspace can be read as a return. Put the file itself here.", {
        expected: "the file itself, not a link",
      });
    case "not-a-file":
      return issue("unreadable-file", { file }, "This is not a regular file (a FIFO, a device or a socket), so it was not read.", { expected: "a regular file" });
    case "too-big":
      return issue("limit-exceeded", { file }, `The file is ${sizeInWords(failed.size ?? 0)}, more than the limit of ${sizeInWords(maxBytes)}; it was not read.`, {
        found: sizeInWords(failed.size ?? 0),
      });
    default:
      return issue("unreadable-file", { file }, `The file cannot be read: ${WHY[failed.problem]}.`);
  }
}

/** The bytes of the table file in `path`, or the issue saying why it cannot be read (naming it as `path`). */
export function openTableFile(path: string, limits: Partial<ReadLimits> = {}): { bytes: Buffer } | { issue: Issue } {
  const { maxFileBytes } = resolveLimits(limits);
  const input = openInput(path, { maxBytes: maxFileBytes });
  return input.ok ? { bytes: input.bytes } : { issue: openIssue(input, path, maxFileBytes) };
}

/** Read and parse the table in `path`; issues name the file as `path` (callers relabel them). */
export async function readTableFile(path: string, limits: Partial<ReadLimits> = {}, sheet?: string): Promise<ReadResult> {
  const opened = openTableFile(path, limits);
  if ("issue" in opened) return { table: null, issues: [opened.issue] };
  return parseReturn(opened.bytes, path, limits, sheet);
}

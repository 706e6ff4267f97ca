// `darep status <quarter>`: the chase list: per agency, received, missing or invalid, late or not,
// its contact and what it still owes. Exit 0 when every return is in and valid, else 1.
import { status } from "../../api/status.js";
import { RunError } from "../../errors.js";
import { latestEnded, parsePeriodArg } from "../../framework/period.js";
import { loadWorkspace } from "../../framework/workspace.js";
import { allIn } from "../../status/chase-list.js";
import { formatStatusMarkdown } from "../../status/format-markdown.js";
import { formatStatusText } from "../../status/format-text.js";
import type { Period } from "../../types.js";
import { jsonText } from "../../words/index.js";
import { colours, today, type Io } from "../io.js";

export interface StatusFlags {
  year?: string;
  workspace?: string;
  format: string;
}

export const STATUS_FORMATS = ["text", "markdown", "json"] as const;

export async function runStatus(quarterArg: string, flags: StatusFlags, io: Io): Promise<number> {
  const q = parsePeriodArg(quarterArg);
  if (!q) throw new RunError(`'${quarterArg}' is not a quarter: write Q1, Q2, Q3 or Q4 (or e.g. '2025-26 Q2').`);
  if (!(STATUS_FORMATS as readonly string[]).includes(flags.format)) throw new RunError(`--format must be one of ${STATUS_FORMATS.join(", ")} (found "${flags.format}").`);
  const ws = await loadWorkspace({ workspace: flags.workspace, cwd: io.cwd });
  const now = today(io);
  const year = q.year ?? flags.year;
  const period: Period = year ? { year, quarter: q.quarter } : latestEnded(q.quarter, now, ws.config.financialYearStartMonth);
  const list = await status(ws, period, now);
  if (flags.format === "json") io.stdout(jsonText(list) + "\n");
  else if (flags.format === "markdown") io.stdout(formatStatusMarkdown(list));
  else io.stdout(formatStatusText(list, await colours(io)));
  return allIn(list) ? 0 : 1;
}

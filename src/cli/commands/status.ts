// `darep status <quarter>`: the chase list: per agency, received, missing or invalid, late or not,
// its contact and what it still owes. Exit 0 when every return is in and valid, else 1.
import { RunError } from "../../errors.js";
import { parseQuarter, status, statusWords } from "../../index.js";
import { jsonText } from "../../words/index.js";
import { colours, today, type Io } from "../io.js";

export interface StatusFlags {
  year?: string;
  workspace?: string;
  format: string;
}

export const STATUS_FORMATS = ["text", "markdown", "json"] as const;

export async function runStatus(quarter: string, flags: StatusFlags, io: Io): Promise<number> {
  parseQuarter(quarter);
  if (!(STATUS_FORMATS as readonly string[]).includes(flags.format)) throw new RunError(`--format must be one of ${STATUS_FORMATS.join(", ")} (found "${flags.format}").`);
  const { list } = await status({ workspace: flags.workspace, cwd: io.cwd, today: today(io), quarter, year: flags.year });
  const { allIn, formatStatusMarkdown, formatStatusText } = await statusWords();
  if (flags.format === "json") io.stdout(jsonText(list) + "\n");
  else if (flags.format === "markdown") io.stdout(formatStatusMarkdown(list));
  else io.stdout(formatStatusText(list, await colours(io)));
  return allIn(list) ? 0 : 1;
}

// `darep validate [paths...]`: check returns and say, cell by cell, what to fix.
import { appendFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { RunError } from "../../errors.js";
import { validate } from "../../index.js";
import { jsonText } from "../../words/index.js";
import { formatText } from "../formats/text.js";
import { cacheSetting, colours, today, type Io } from "../io.js";

export interface ValidateFlags {
  workspace?: string;
  year?: string;
  format: string;
  /** false with --no-cache. */
  cache?: boolean;
  cacheDir?: string;
}

export const VALIDATE_FORMATS = ["text", "json", "github", "junit"] as const;

export async function runValidate(targets: string[], flags: ValidateFlags, io: Io): Promise<number> {
  if (!(VALIDATE_FORMATS as readonly string[]).includes(flags.format))
    throw new RunError(`--format must be one of ${VALIDATE_FORMATS.join(", ")} (found "${flags.format}").`);
  const { root, result } = await validate({ workspace: flags.workspace, cwd: io.cwd, today: today(io), targets, year: flags.year, cache: cacheSetting(flags, io) });

  const pathOf = (file: string) => relative(io.cwd, join(root, file)).split(sep).join("/");
  if (flags.format === "json") io.stdout(jsonText(result) + "\n");
  else if (flags.format === "github") {
    const { formatGithub } = await import("../formats/github.js");
    const out = formatGithub(result, pathOf);
    io.stdout(out.annotations);
    const summaryFile = io.env.GITHUB_STEP_SUMMARY;
    if (summaryFile) await appendFile(summaryFile, out.summary, "utf8");
  } else if (flags.format === "junit") {
    const { formatJunit } = await import("../formats/junit.js");
    io.stdout(formatJunit(result, pathOf));
  } else io.stdout(formatText(result, await colours(io)));
  return result.summary.errors > 0 ? 1 : 0;
}

// `darep validate [paths...]`: check returns and say, cell by cell, what to fix.
import { appendFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { RunError } from "../../errors.js";
import { validate, validateAlone, type ValidationResult } from "../../index.js";
import { jsonText } from "../../words/index.js";
import { formatText } from "../formats/text.js";
import { cacheSetting, colours, today, type Io } from "../io.js";
import type { Issue } from "../../types.js";

export interface ValidateFlags {
  workspace?: string;
  year?: string;
  format: string;
  /** false with --no-cache. */
  cache?: boolean;
  cacheDir?: string;
  /** --framework: check the files alone, without a workspace. */
  framework?: string;
  /** --errors-only: leave warnings out of text, github and junit output (json stays the library's result). */
  errorsOnly?: boolean;
}

export const VALIDATE_FORMATS = ["text", "json", "github", "junit"] as const;

export async function runValidate(targets: string[], flags: ValidateFlags, io: Io): Promise<number> {
  if (!(VALIDATE_FORMATS as readonly string[]).includes(flags.format)) throw new RunError(`--format must be one of ${VALIDATE_FORMATS.join(", ")} (found "${flags.format}").`);
  let checked: ValidationResult;
  let root = io.cwd;
  if (flags.framework !== undefined) {
    if (flags.workspace) throw new RunError("--framework checks files without a workspace: give --framework or --workspace, not both.");
    checked = await validateAlone({ files: targets, framework: flags.framework, cwd: io.cwd });
  } else {
    const outcome = await validate({ workspace: flags.workspace, cwd: io.cwd, today: today(io), targets, year: flags.year, cache: cacheSetting(flags, io) });
    checked = outcome.result;
    root = outcome.root;
  }
  const result = flags.errorsOnly && flags.format !== "json" ? errorsOnly(checked) : checked;

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
  } else io.stdout(formatText(result, await colours(io), { errorsOnly: flags.errorsOnly }));
  return result.summary.errors > 0 ? 1 : 0;
}

/** The result with its warnings left out of the lists (the counts still say how many there were). */
function errorsOnly(result: ValidationResult): ValidationResult {
  const keep = (issues: Issue[]) => issues.filter((i) => i.severity === "error");
  return { ...result, issues: keep(result.issues), files: result.files.map((f) => ({ ...f, issues: keep(f.issues) })) };
}

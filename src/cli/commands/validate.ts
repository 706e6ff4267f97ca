// `darep validate [paths...]`: check returns and say, cell by cell, what to fix.
import { appendFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { validate, type ValidationResult } from "../../api/validate.js";
import { ReturnsCache } from "../../cache/returns.js";
import { cacheSetting, openCache } from "../../cache/store.js";
import { loadWorkspace } from "../../framework/workspace.js";
import { RunError } from "../../errors.js";
import { jsonText } from "../../words/index.js";
import { formatText } from "../formats/text.js";
import { colours, today, type Io } from "../io.js";
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
  if (!(VALIDATE_FORMATS as readonly string[]).includes(flags.format))
    throw new RunError(`--format must be one of ${VALIDATE_FORMATS.join(", ")} (found "${flags.format}").`);
  let checked: ValidationResult;
  let root = io.cwd;
  if (flags.framework !== undefined) {
    if (flags.workspace) throw new RunError("--framework checks files without a workspace: give --framework or --workspace, not both.");
    const { validateAlone } = await import("../../api/validate-alone.js");
    checked = await validateAlone({ files: targets, framework: flags.framework, cwd: io.cwd });
  } else {
    const setting = cacheSetting(flags, io.env, io.cwd);
    const ws = await loadWorkspace({ workspace: flags.workspace, cwd: io.cwd, cache: setting });
    const store = openCache(setting, ws.root);
    const cache = store ? await ReturnsCache.open(store) : null;
    checked = await validate(ws, { targets, cwd: io.cwd, today: today(io), year: flags.year, cache });
    root = ws.root;
  }
  const result = flags.errorsOnly && flags.format !== "json" ? errorsOnly(checked) : checked;

  if (flags.format === "json") io.stdout(jsonText(result) + "\n");
  else if (flags.format === "github") {
    const pathOf = (file: string) => relative(io.cwd, join(root, file)).split(sep).join("/");
    const { formatGithub } = await import("../formats/github.js");
    const out = formatGithub(result, pathOf);
    io.stdout(out.annotations);
    const summaryFile = io.env.GITHUB_STEP_SUMMARY;
    if (summaryFile) await appendFile(summaryFile, out.summary, "utf8");
  } else if (flags.format === "junit") {
    const { formatJunit } = await import("../formats/junit.js");
    io.stdout(formatJunit(result, (file) => relative(io.cwd, join(root, file)).split(sep).join("/")));
  } else io.stdout(formatText(result, await colours(io), { errorsOnly: flags.errorsOnly }));
  return result.summary.errors > 0 ? 1 : 0;
}

/** The result with its warnings left out of the lists (the counts still say how many there were). */
function errorsOnly(result: ValidationResult): ValidationResult {
  const keep = (issues: Issue[]) => issues.filter((i) => i.severity === "error");
  return { ...result, issues: keep(result.issues), files: result.files.map((f) => ({ ...f, issues: keep(f.issues) })) };
}

// `darep validate [paths...]`: check returns and say, cell by cell, what to fix.
import { appendFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { validate } from "../../api/validate.js";
import { ReturnsCache } from "../../cache/returns.js";
import { cacheSetting, openCache } from "../../cache/store.js";
import { loadWorkspace } from "../../framework/workspace.js";
import { RunError } from "../../errors.js";
import { jsonText } from "../../words/index.js";
import { formatText } from "../formats/text.js";
import { colours, today, type Io } from "../io.js";

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
  const setting = cacheSetting(flags, io.env, io.cwd);
  const ws = await loadWorkspace({ workspace: flags.workspace, cwd: io.cwd, cache: setting });
  const store = openCache(setting, ws.root);
  const cache = store ? await ReturnsCache.open(store) : null;
  const result = await validate(ws, { targets, cwd: io.cwd, today: today(io), year: flags.year, cache });

  if (flags.format === "json") io.stdout(jsonText(result) + "\n");
  else if (flags.format === "github") {
    const pathOf = (file: string) => relative(io.cwd, join(ws.root, file)).split(sep).join("/");
    const { formatGithub } = await import("../formats/github.js");
    const out = formatGithub(result, pathOf);
    io.stdout(out.annotations);
    const summaryFile = io.env.GITHUB_STEP_SUMMARY;
    if (summaryFile) await appendFile(summaryFile, out.summary, "utf8");
  } else if (flags.format === "junit") {
    const { formatJunit } = await import("../formats/junit.js");
    io.stdout(formatJunit(result, (file) => relative(io.cwd, join(ws.root, file)).split(sep).join("/")));
  } else io.stdout(formatText(result, await colours(io)));
  return result.summary.errors > 0 ? 1 : 0;
}

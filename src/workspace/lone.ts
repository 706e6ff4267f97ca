// Return files checked with no workspace (`darep validate <file> --framework <name-or-folder>`): the
// framework named, bundled or a folder, and each file's table, read through the one door like any
// workspace input.
import { isAbsolute, join, resolve } from "node:path";
import { RunError } from "../errors.js";
import type { Framework } from "../framework/types.js";
import { DAREP_ROOT } from "../framework/workspace.js";
import type { ReadResult } from "../types.js";
import { trustedFramework } from "./checked-framework.js";
import { kindOf } from "./input.js";
import { readTableFile } from "./read-table.js";

export interface LoneRequest {
  /** The files as the user named them, relative to `cwd`. */
  files: string[];
  /** A bundled framework's name (doncaster) or a folder holding framework.json. */
  framework: string;
  cwd: string;
}

export interface LoneReturns {
  framework: Framework;
  /** Each file as named, and what reading it gave (issues name the file as named). */
  returns: { file: string; read: ReadResult }[];
}

export async function openLone(req: LoneRequest): Promise<LoneReturns> {
  const name = req.framework;
  const dir = isAbsolute(name) || name.startsWith(".") || /[/\\]/.test(name) ? resolve(req.cwd, name) : join(DAREP_ROOT, "schemas", name);
  // darep's own framework, unchanged since the build checked it, is not checked again (nor zod loaded).
  let framework = trustedFramework(dir, name);
  if (!framework) {
    // Loaded here, not at the top: the framework's checks (zod) cost more than a small check, and the
    // workspace's front door must not load them for commands that never come here.
    const { FrameworkError, FRAMEWORK_FILE, loadFramework } = await import("./load-framework.js");
    if (kindOf(join(dir, FRAMEWORK_FILE)) !== "file")
      throw new RunError(`--framework: no framework '${name}' (a bundled one: doncaster, rotherham, portsmouth; or a folder holding ${FRAMEWORK_FILE}).`);
    try {
      framework = await loadFramework(dir);
    } catch (e) {
      if (e instanceof FrameworkError) throw new RunError(`The framework in ${dir} has mistakes:`, e.problems);
      throw e;
    }
  }
  const returns: LoneReturns["returns"] = [];
  for (const file of req.files) {
    const path = resolve(req.cwd, file);
    const read = await readTableFile(path);
    returns.push({ file, read: { ...read, issues: read.issues.map((i) => (i.file === path ? { ...i, file } : i)) } });
  }
  return { framework, returns };
}

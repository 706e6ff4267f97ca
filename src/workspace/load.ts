// Find and load a workspace: darep.config.json (in the folder given, or the current one or a parent),
// checked by zod, and the framework it names. Every mistake becomes one RunError listing each problem.
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { RunError } from "../errors.js";
import { CONFIG_FILE, DAREP_ROOT } from "../framework/workspace.js";
import { describeZodError, parseJson } from "../framework/describe-zod.js";
import type { Workspace } from "../framework/types.js";
import { openCache, type CacheSetting } from "./cache/store.js";
import { cachedWorkspace, storeWorkspace, workspaceFilesKey } from "./cache/workspace.js";
import { trustedFramework } from "./checked-framework.js";
import { kindOf, openInput, type Input } from "./input.js";

export { CONFIG_FILE };

/** The nearest folder at or above `start` that holds darep.config.json, or null. */
export function findWorkspaceRoot(start: string): string | null {
  let dir = resolve(start);
  for (;;) {
    if (kindOf(join(dir, CONFIG_FILE)) !== null) return dir;
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

function frameworkDir(root: string, name: string): string {
  if (isAbsolute(name) || name.startsWith(".") || name.includes("/") || name.includes("\\")) return resolve(root, name);
  const own = join(root, "schemas", name);
  return kindOf(own) !== null ? own : join(DAREP_ROOT, "schemas", name);
}

export interface LoadOptions {
  workspace?: string;
  cwd: string;
  /** Reuse the checked config and framework when their files are unchanged (default: no cache). */
  cache?: CacheSetting;
}

export async function loadWorkspace(opts: LoadOptions): Promise<Workspace> {
  let root: string | null;
  if (opts.workspace) {
    root = resolve(opts.cwd, opts.workspace);
    if (kindOf(root) !== "folder") throw new RunError(`The workspace folder ${opts.workspace} does not exist.`);
    if (kindOf(join(root, CONFIG_FILE)) === null) throw new RunError(`There is no ${CONFIG_FILE} in ${opts.workspace}: give the folder that holds it, or run 'darep init' to make one.`);
  } else {
    root = findWorkspaceRoot(opts.cwd);
    if (!root) throw new RunError(`No ${CONFIG_FILE} found in ${opts.cwd} or any folder above it: run darep inside a workspace, or give --workspace <folder>.`);
  }
  const configPath = join(root, CONFIG_FILE);
  const shown = relative(opts.cwd, configPath) || CONFIG_FILE;
  let text: string;
  let data: unknown;
  try {
    const input = openInput(configPath);
    if (!input.ok) throw new Error(input.detail);
    text = input.bytes.toString("utf8");
    data = parseJson(shown, text);
  } catch (e) {
    throw new RunError(`The workspace config cannot be read: ${(e as Error).message}`);
  }

  // An unchanged workspace was checked before: take it from the cache, without loading zod at all.
  const store = openCache(opts.cache, root);
  const name = typeof data === "object" && data !== null ? (data as { framework?: unknown }).framework : undefined;
  // The framework's files are hashed for the key and, on a miss, loaded: from one read of each.
  const opened = new Map<string, Input>();
  const read = (path: string) => opened.get(path) ?? opened.set(path, openInput(path)).get(path)!;
  const key = store && typeof name === "string" ? workspaceFilesKey(text, frameworkDir(root, name), read) : null;
  if (store && key) {
    const hit = await cachedWorkspace(store, key, { root, configPath, frameworkDir: frameworkDir(root, name as string) });
    if (hit) return hit;
  }
  const ws = await checkWorkspace(root, configPath, shown, data, opts.cwd, read);
  if (store && key) await storeWorkspace(store, key, ws);
  return ws;
}

/** Check the config and load the framework it names, reporting every mistake. */
async function checkWorkspace(root: string, configPath: string, shown: string, data: unknown, cwd: string, read: (path: string) => Input): Promise<Workspace> {
  // Loaded here, not at the top: zod and the schemas cost more than a whole check of a small return.
  const { Config } = await import("../framework/schema.js");
  const parsed = Config.safeParse(data);
  if (!parsed.success)
    throw new RunError(`The workspace config ${shown} has ${parsed.error.issues.length === 1 ? "a mistake" : `${parsed.error.issues.length} mistakes`}:`, describeZodError(shown, parsed.error, data));
  const config = parsed.data;

  const dir = frameworkDir(root, config.framework);
  if (kindOf(dir) === null) throw new RunError(`${shown}: framework: no framework '${config.framework}' (looked in ${relative(cwd, dir) || dir}).`);
  // darep's own framework, unchanged since the build checked it, is not checked again.
  let framework = trustedFramework(dir, config.framework, read);
  if (!framework) {
    const { FrameworkError, loadFramework } = await import("./load-framework.js");
    try {
      framework = await loadFramework(dir, read);
    } catch (e) {
      if (e instanceof FrameworkError) throw new RunError(`The framework in ${relative(cwd, dir) || dir} has mistakes:`, e.problems);
      throw e;
    }
  }

  const problems: string[] = [];
  const ids = new Set<string>();
  config.agencies.forEach((a, i) => {
    if (ids.has(a.id)) problems.push(`${shown}: agencies[${i}].id: '${a.id}' is used by two agencies`);
    ids.add(a.id);
    a.indicators.forEach((ref, j) => {
      if (!framework.byRef.has(ref.toUpperCase())) problems.push(`${shown}: agencies[${i}].indicators[${j}]: ${ref} is not in the ${framework.name} framework`);
    });
  });
  if (problems.length) throw new RunError(`The workspace config ${shown} has mistakes:`, problems);
  return { root, configPath, config, framework };
}

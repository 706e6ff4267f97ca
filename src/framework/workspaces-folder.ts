// A folder of workspaces, as a regional or national team keeps many partnerships' returns: every
// immediate subfolder that holds a darep.config.json, in name order.
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { RunError } from "../errors.js";
import { CONFIG_FILE } from "./workspace.js";

export async function workspacesIn(folder: string, cwd: string): Promise<string[]> {
  const dir = resolve(cwd, folder);
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory() && !d.name.startsWith(".")).map((d) => d.name);
  } catch {
    throw new RunError(`The folder of workspaces ${folder} does not exist or cannot be read.`);
  }
  const found = names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).filter((n) => existsSync(join(dir, n, CONFIG_FILE)));
  if (found.length === 0) throw new RunError(`No workspace in ${folder}: none of its folders holds a ${CONFIG_FILE}.`);
  return found.map((n) => join(dir, n));
}

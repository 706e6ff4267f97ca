// A folder of workspaces, as a regional or national team keeps many partnerships' returns: every
// immediate subfolder that holds a darep.config.json, in name order.
import { join, resolve } from "node:path";
import { RunError } from "../errors.js";
import { kindOf, listFolder } from "./input.js";
import { CONFIG_FILE } from "./load.js";

export async function workspacesIn(folder: string, cwd: string): Promise<string[]> {
  const dir = resolve(cwd, folder);
  const listed = listFolder(dir);
  if (!listed) throw new RunError(`The folder of workspaces ${folder} does not exist or cannot be read.`);
  const found = listed.folders.filter((n) => !n.startsWith(".") && kindOf(join(dir, n, CONFIG_FILE)) !== null);
  if (found.length === 0) throw new RunError(`No workspace in ${folder}: none of its folders holds a ${CONFIG_FILE}.`);
  return found.map((n) => join(dir, n));
}

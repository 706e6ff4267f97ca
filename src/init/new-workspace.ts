// `darep init`: a new workspace with the Doncaster framework, an example config, empty returns
// folders for the current financial year and a README. It refuses to overwrite anything.
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { RunError } from "../errors.js";
import { QUARTERS } from "../framework/period.js";
import { CONFIG_FILE, DAREP_ROOT } from "../framework/workspace.js";
import { writeAllAtomically } from "../report/write-atomic.js";
import { exampleConfig } from "./example-config.js";
import { workspaceReadme } from "./readme.js";

export interface NewWorkspace {
  /** Absolute folder. */
  root: string;
  /** Workspace-relative paths written, forward slashes. */
  files: string[];
}

/** Every file of the new workspace, by workspace-relative path. Git keeps no empty folder, hence .gitkeep. */
export async function workspaceFiles(year: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  files.set(CONFIG_FILE, JSON.stringify(exampleConfig(), null, 2) + "\n");
  files.set("README.md", workspaceReadme(year));
  const framework = join(DAREP_ROOT, "schemas", "doncaster");
  for (const name of (await readdir(framework)).filter((n) => n.endsWith(".json")).sort())
    files.set(`schemas/doncaster/${name}`, await readFile(join(framework, name), "utf8"));
  for (const q of QUARTERS) files.set(`returns/${year}/${q}/.gitkeep`, "");
  files.set("commentary/.gitkeep", "");
  return files;
}

/** `root` is the absolute folder; `shown` is how to name it to the user (e.g. as they typed it). */
export async function createWorkspace(root: string, year: string, shown = root): Promise<NewWorkspace> {
  const files = await workspaceFiles(year);
  const taken = [...files.keys()].filter((f) => existsSync(join(root, f)));
  if (taken.length) {
    const first = shown === "." ? taken[0]! : `${shown.replace(/[\\/]+$/, "")}/${taken[0]!}`;
    const more = taken.length > 1 ? ` (and ${taken.length - 1} more of the files it would write)` : "";
    throw new RunError(`darep init overwrites nothing, and ${first} already exists${more}: choose an empty folder.`);
  }
  await writeAllAtomically([...files].map(([f, content]) => ({ path: join(root, f), content })));
  return { root, files: [...files.keys()] };
}

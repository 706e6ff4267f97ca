// `darep init`: the files of a new workspace: its config, a copy of its framework (none for darep's
// blank one), empty returns folders for the current financial year and the quarter due, and a README;
// and the words for refusing to overwrite anything. Pure: the library face reads and writes.
import { RunError } from "../errors.js";
import { QUARTERS } from "../framework/period.js";
import { CONFIG_FILE } from "../framework/workspace.js";
import { newConfig, type NewAgency } from "./example-config.js";
import { workspaceReadme, type ReadmeFacts } from "./readme.js";

/** The framework's optional quality-assurance part, copied only for the partnership that wrote it. */
export const ASSURANCE_FILE = "assurance.json";

export interface WorkspacePlan extends ReadmeFacts {
  /** What darep.config.json names as the framework. */
  configFramework: string;
  /** The framework folder to copy into schemas/<framework>/; null for the blank one (used by name). */
  copyFrom: string | null;
  copyAssurance: boolean;
  agencies: NewAgency[];
  /** Financial years to make returns folders for. */
  years: string[];
}

export interface NewWorkspace {
  /** Absolute folder. */
  root: string;
  /** Workspace-relative paths written, forward slashes. */
  files: string[];
}

/**
 * Every file of the new workspace, by workspace-relative path. `frameworkFiles` are the framework
 * folder's JSON files by name (none for the blank one). Git keeps no empty folder, hence .gitkeep.
 */
export function workspaceFiles(plan: WorkspacePlan, frameworkFiles: ReadonlyMap<string, string>): Map<string, string> {
  const files = new Map<string, string>();
  files.set(CONFIG_FILE, JSON.stringify(newConfig(plan.partnership, plan.configFramework, plan.agencies), null, 2) + "\n");
  files.set("README.md", workspaceReadme(plan));
  if (plan.copyFrom && plan.framework) {
    const names = [...frameworkFiles.keys()].filter((n) => n.endsWith(".json") && (plan.copyAssurance || n !== ASSURANCE_FILE)).sort();
    for (const name of names) files.set(`schemas/${plan.framework}/${name}`, frameworkFiles.get(name)!);
  }
  for (const year of plan.years) for (const q of QUARTERS) files.set(`returns/${year}/${q}/.gitkeep`, "");
  files.set("commentary/.gitkeep", "");
  return files;
}

/** Refuse a folder where any of the new files exists: `shown` is the folder as the user typed it. */
export function refuseTaken(taken: string[], shown: string): void {
  if (!taken.length) return;
  const first = shown === "." ? taken[0]! : `${shown.replace(/[\\/]+$/, "")}/${taken[0]!}`;
  const more = taken.length > 1 ? ` (and ${taken.length - 1} more of the files it would write)` : "";
  throw new RunError(`darep init overwrites nothing, and ${first} already exists${more}: choose an empty folder.`);
}

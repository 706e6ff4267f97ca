// `darep init`: a new workspace in a folder, refusing to overwrite anything.
import { resolve } from "node:path";
import { periodOfDate } from "../framework/period.js";
import { createWorkspace, type NewWorkspace } from "../init/new-workspace.js";
import { settled, type WorkspaceRequest } from "./request.js";

export interface InitRequest extends Pick<WorkspaceRequest, "cwd" | "today"> {
  /** The folder to make it in, as the user named it (default the current folder). */
  dir?: string;
}

export interface InitOutcome extends NewWorkspace {
  /** The financial year whose returns folders were made. */
  year: string;
}

export async function initWorkspace(req: InitRequest = {}): Promise<InitOutcome> {
  const { cwd, today } = settled(req);
  const shown = req.dir ?? ".";
  const { year } = periodOfDate(today);
  return { ...(await createWorkspace(resolve(cwd, shown), year, shown)), year };
}

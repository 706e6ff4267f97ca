// `darep init [dir]`: start a new workspace; refuses to overwrite anything.
import { resolve } from "node:path";
import { periodOfDate } from "../../framework/period.js";
import { createWorkspace } from "../../init/new-workspace.js";
import { today, type Io } from "../io.js";

export async function runInit(dir: string | undefined, io: Io): Promise<number> {
  const shown = dir ?? ".";
  const { year } = periodOfDate(today(io));
  await createWorkspace(resolve(io.cwd, shown), year, shown);
  io.stdout(
    `Made a darep workspace in ${shown === "." ? "this folder" : shown}: darep.config.json, README.md, the Doncaster framework ` +
      `in schemas/doncaster/ and returns folders for ${year}.\n` +
      `Next: replace the example contacts in darep.config.json (README.md explains every field), then 'darep template Q1 --all'.\n`,
  );
  return 0;
}

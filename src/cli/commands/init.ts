// `darep init [dir]`: start a new workspace; refuses to overwrite anything.
import { init } from "../../index.js";
import { today, type Io } from "../io.js";

export async function runInit(dir: string | undefined, io: Io): Promise<number> {
  const shown = dir ?? ".";
  const { year } = await init({ dir, cwd: io.cwd, today: today(io) });
  io.stdout(
    `Made a darep workspace in ${shown === "." ? "this folder" : shown}: darep.config.json, README.md, the Doncaster framework ` +
      `in schemas/doncaster/ and returns folders for ${year}.\n` +
      `Next: replace the example contacts in darep.config.json (README.md explains every field), then 'darep template Q1 --all'.\n`,
  );
  return 0;
}

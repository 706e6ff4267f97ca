// Building many partnerships in one run (a region's or a nation's workspaces): one browser for every
// PDF, a few reports printing (one a tab) while the next workspace is read, and one workspace that cannot be built
// never stopping the others. Each result is handed to the caller as it is ready and then dropped, so
// memory does not grow with the number of workspaces.
import { RunError } from "../errors.js";
import { PrinterPool } from "../report/printer-pool.js";
import { parseQuarter, workspacesIn } from "../workspace/index.js";
import { ALL_FORMATS, finishBuild, prepareBuild, type BuildOutcome, type BuildRequest } from "./build.js";
import { settled } from "./request.js";

export interface BuildManyRequest extends Omit<BuildRequest, "workspace" | "printer"> {
  /** Workspace folders named one by one. */
  workspaces?: string[];
  /** A folder of workspaces: each subfolder holding a darep.config.json is built, in name order. */
  folder?: string;
}

/** One workspace's build: its outcome, or (with several workspaces) why it could not be built. */
export type WorkspaceBuild = { workspace: string | undefined } & ({ outcome: BuildOutcome; error?: undefined } | { error: RunError; outcome?: undefined });

/**
 * Build every workspace asked for (none named: the one at or above `cwd`), telling `each` about each
 * in order. With several, a workspace whose config, returns or framework stop its report is told as an
 * error and the rest go on; with one, that error is thrown. Resolves to the number built.
 */
export async function buildMany(req: BuildManyRequest, each: (built: WorkspaceBuild) => void): Promise<number> {
  parseQuarter(req.quarter);
  const { cwd } = settled(req);
  const named = [...(req.workspaces ?? []), ...(req.folder !== undefined ? await workspacesIn(req.folder, cwd) : [])];
  const workspaces = named.length ? named : [undefined];
  const several = workspaces.length > 1 || req.folder !== undefined;
  if (several && req.out) throw new RunError("--out cannot be used with several workspaces: each report goes into its own workspace.");

  // One browser for the whole run, started at once so that it starts up while the returns are read.
  const pool = new PrinterPool({ browser: req.browser, env: req.env });
  const printer = () => pool.printer();
  if ((req.formats ?? ALL_FORMATS).includes("pdf")) pool.warm();

  // Workspaces are read and judged one at a time, and each one's data is dropped once its report is
  // written. While one prints, the next is being read.
  type Finishing = Promise<{ workspace: string | undefined; outcome?: BuildOutcome; error?: unknown }>;
  const printing: Finishing[] = [];
  let built = 0;
  const settle = async (f: Finishing) => {
    const done = await f;
    if (done.error !== undefined) throw done.error;
    built++;
    each({ workspace: done.workspace, outcome: done.outcome! });
  };
  try {
    for (const workspace of workspaces) {
      let prepared;
      try {
        prepared = await prepareBuild({ ...req, workspace, printer });
      } catch (e) {
        // With several workspaces, one that cannot be built does not stop the others.
        if (!(e instanceof RunError) || !several) throw e;
        each({ workspace, error: e });
        continue;
      }
      printing.push(
        finishBuild(prepared, { printer, progress: req.progress }).then(
          (outcome) => ({ workspace, outcome }),
          (error: unknown) => ({ workspace, error }),
        ),
      );
      while (printing.length >= pool.inFlight) await settle(printing.shift()!);
    }
    while (printing.length) await settle(printing.shift()!);
  } finally {
    await Promise.allSettled(printing);
    await pool.close();
  }
  return built;
}

// Run darep in tests: in-process through run(argv, io), or as the real binary in a child process.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { run } from "../../src/cli/index.js";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const BIN = join(ROOT, "bin", "darep.js");
export const DEMO = join(ROOT, "fixtures", "demo");

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function darep(argv: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; isTTY?: boolean }): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: { DAREP_TODAY: "2026-11-25", ...opts.env },
    cwd: opts.cwd,
    isTTY: opts.isTTY ?? false,
  });
  return { code, stdout, stderr };
}

/** The real bin/darep.js (built by the test setup), as CI and users run it. */
export function darepBin(argv: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv }): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...argv], {
    cwd: opts.cwd,
    env: { ...process.env, NO_COLOR: "1", DAREP_TODAY: "2026-11-25", ...opts.env },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

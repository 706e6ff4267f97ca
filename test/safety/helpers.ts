// What the hostile-input tests of issue 14 share: a copy of the demo workspace, the SHA-256 of every
// input in it, and waits on observable state (a process gone, a file there) instead of sleeps.
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { DEMO } from "../helpers/cli.js";

/** A fresh copy of the demo workspace (without earlier runs' reports and cache) in a temp folder. */
export function demoCopy(prefix = "darep-safety-"): { dir: string; root: string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const root = join(dir, "workspace");
  const outputs = [join(DEMO, "reports"), join(DEMO, ".darep-cache")];
  cpSync(DEMO, root, { recursive: true, filter: (src) => !outputs.some((o) => src === o || src.startsWith(o + sep)) });
  return { dir, root };
}

/** Path -> SHA-256 of every regular file under the workspace's input folders and its config. */
export function inputHashes(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const sub of ["returns", "actions", "assurance", "commentary", "schemas"]) {
    if (!existsSync(join(root, sub))) continue;
    for (const d of readdirSync(join(root, sub), { recursive: true, withFileTypes: true })) {
      if (!d.isFile()) continue;
      const p = join(d.parentPath, d.name);
      out[relative(root, p)] = createHash("sha256").update(readFileSync(p)).digest("hex");
    }
  }
  out["darep.config.json"] = createHash("sha256")
    .update(readFileSync(join(root, "darep.config.json")))
    .digest("hex");
  return out;
}

/** Whether a process is still running (a zombie nobody reaped has ended, for this purpose). */
export function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

/** Processes whose command line mentions the text (Linux, from /proc). */
export function processesMentioning(text: string): number[] {
  return readdirSync("/proc")
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        return readFileSync(`/proc/${p}/cmdline`, "utf8").includes(text) && running(Number(p));
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Waits until check() is true, giving up (false) after 20 s: never a fixed sleep. */
export async function eventually(check: () => boolean): Promise<boolean> {
  const deadline = Date.now() + 20_000;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

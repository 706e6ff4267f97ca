// Making a folder and the folders above it, one level at a time from the top. Node's own recursive
// mkdir loops for ever on a path it can never make (under /proc, or a filesystem that answers ENOENT
// to every mkdir): here each level is asked for once, and a level that cannot be made is the error.
import { mkdirSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";

/** `dir` and every folder above it, the top first. */
function levels(dir: string): string[] {
  const out: string[] = [];
  for (let at = dir; ; at = dirname(at)) {
    out.unshift(at);
    if (dirname(at) === at) return out;
  }
}

// A level that is there already (or made meanwhile by another run) is fine; anything else is said by the caller.
const there = (e: unknown) => (e as NodeJS.ErrnoException).code === "EEXIST";

export async function makeFolder(dir: string, mode?: number): Promise<void> {
  for (const level of levels(dir))
    await mkdir(level, mode === undefined ? {} : { mode }).catch((e: unknown) => {
      if (!there(e)) throw e;
    });
}

/** The same, for the few callers that cannot wait (the cache's key, read before anything else). */
export function makeFolderSync(dir: string, mode?: number): void {
  for (const level of levels(dir))
    try {
      mkdirSync(level, mode === undefined ? {} : { mode });
    } catch (e) {
      if (!there(e)) throw e;
    }
}

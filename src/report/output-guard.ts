// The one check that darep's outputs never land on its inputs: an output folder is judged by its real
// place on disk (every symlink, junction or bind of its existing part resolved), not by how its path
// is spelt, and refused inside the workspace's input folders.
import { realpath, stat } from "node:fs/promises";
import { basename, dirname, join, relative, isAbsolute } from "node:path";
import { RunError } from "../errors.js";

/** The folders of a workspace that hold what others send in or what darep reads as its rules. */
export const INPUT_FOLDERS = ["returns", "actions", "assurance", "schemas", "commentary"] as const;

/** The real path of p: its deepest existing ancestor resolved, with the part that does not exist yet appended. */
export async function realPlace(p: string): Promise<string> {
  const rest: string[] = [];
  let at = p;
  for (;;) {
    try {
      return join(await realpath(at), ...rest.reverse());
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const parent = dirname(at);
      // ENOENT: not there yet; ENOTDIR: a file on the way, which the write will then refuse itself.
      if ((code !== "ENOENT" && code !== "ENOTDIR") || parent === at) return join(at, ...rest.reverse());
      rest.push(basename(at));
      at = parent;
    }
  }
}

// macOS and Windows folders are usually case-insensitive: Returns/ is returns/ there.
const fold = (p: string) => (process.platform === "darwin" || process.platform === "win32" ? p.toLowerCase() : p);

function within(folder: string, p: string): boolean {
  const r = relative(fold(folder), fold(p));
  return r === "" || (!r.startsWith("..") && !isAbsolute(r));
}

/**
 * Refuses (a RunError, exit 2) an output folder that is, or is inside, one of the workspace's input
 * folders, or that names an existing file. `what` names the outputs, for the message ("The report").
 */
export async function guardOutputFolder(workspaceRoot: string, outDir: string, what: string): Promise<void> {
  const st = await stat(outDir).catch(() => null);
  if (st && !st.isDirectory()) throw new RunError(`${what} cannot be written to ${outDir}: it is a file, not a folder. Give a folder with --out (it is made if it does not exist).`);
  const out = await realPlace(outDir);
  const root = await realPlace(workspaceRoot);
  for (const name of INPUT_FOLDERS) {
    const folder = await realPlace(join(root, name));
    if (within(folder, out))
      throw new RunError(
        `${what} cannot be written inside the ${name} folder (${out === outDir ? outDir : `${outDir}, which is really ${out}`}): darep never writes among its inputs, so choose another folder with --out.`,
      );
  }
}

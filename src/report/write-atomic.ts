// Write outputs so that a build that fails or is killed leaves the previous report whole: every file
// is written in full to a temporary name beside its target first, and renamed into place only when
// all of them are written (a rename within one folder is atomic).
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

export async function writeAllAtomically(files: { path: string; content: string | Uint8Array }[]): Promise<void> {
  const staged: { tmp: string; path: string }[] = [];
  try {
    for (const f of files) {
      await mkdir(dirname(f.path), { recursive: true });
      const tmp = join(dirname(f.path), `.${basename(f.path)}.${process.pid}.tmp`);
      await writeFile(tmp, f.content, { flag: "w" });
      staged.push({ tmp, path: f.path });
    }
    for (const s of staged) await rename(s.tmp, s.path);
  } catch (e) {
    await Promise.all(staged.map((s) => rm(s.tmp, { force: true })));
    throw e;
  }
}

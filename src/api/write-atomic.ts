// Write outputs so that a build that fails or is killed leaves the previous report whole: every file
// is written in full to a temporary name beside its target first, and renamed into place only when
// all of them are written (a rename within one folder is atomic).
import { constants as fsConstants } from "node:fs";
import { open as fsOpen, readdir, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { makeFolder } from "../workspace/index.js";

const tmpName = (path: string, pid: number) => join(dirname(path), `.${basename(path)}.${pid}.tmp`);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * A run that was killed (SIGKILL, power cut) cannot remove its own temporary files; the next run that
 * writes the same files does. Files of a run that is still going (another darep writing the same
 * folder at this moment) are left alone.
 */
async function removeStale(paths: string[]): Promise<void> {
  const byDir = new Map<string, string[]>();
  for (const p of paths) byDir.set(dirname(p), [...(byDir.get(dirname(p)) ?? []), basename(p)]);
  for (const [dir, names] of byDir) {
    const pattern = new RegExp(`^\\.(?:${names.map(escapeRegExp).join("|")})\\.(\\d+)\\.tmp$`);
    const entries = await readdir(dir).catch(() => [] as string[]);
    for (const entry of entries) {
      const pid = Number(pattern.exec(entry)?.[1] ?? NaN);
      if (Number.isInteger(pid) && pid !== process.pid && !alive(pid)) await rm(join(dir, entry), { force: true });
    }
  }
}

const { O_WRONLY, O_CREAT, O_NOFOLLOW } = fsConstants;

/**
 * Writes a temporary file without ever writing through something planted at its name: a symlink is
 * refused by O_NOFOLLOW (ELOOP) and a hard link to another file (say, a return) is unlinked first,
 * so the bytes always go into a file of darep's own. (A FIFO there is written into: test/report/atomic
 * uses one to stop darep at an exact point.)
 */
async function writeStaged(tmp: string, content: string | Uint8Array): Promise<void> {
  const open = async () => {
    try {
      return await fsOpen(tmp, O_WRONLY | O_CREAT | (O_NOFOLLOW ?? 0), 0o666);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ELOOP") throw e;
      await rm(tmp, { force: true });
      return await fsOpen(tmp, "wx");
    }
  };
  let handle = await open();
  const st = await handle.stat();
  if (st.isFile() && st.nlink > 1) {
    await handle.close();
    await rm(tmp, { force: true });
    handle = await fsOpen(tmp, "wx");
  }
  try {
    if (st.isFile()) await handle.truncate(0);
    await handle.writeFile(content);
  } finally {
    await handle.close();
  }
}

export async function writeAllAtomically(files: { path: string; content: string | Uint8Array }[]): Promise<void> {
  const staged: { tmp: string; path: string }[] = [];
  let current: string | undefined;
  try {
    for (const f of files) {
      current = f.path;
      await makeFolder(dirname(f.path));
      const tmp = tmpName(f.path, process.pid);
      // Staged before writing, so that a write that fails half-way (a full disk) is removed too.
      staged.push({ tmp, path: f.path });
      await writeStaged(tmp, f.content);
    }
    for (const s of staged) await rename(s.tmp, s.path);
  } catch (e) {
    // A write on an open file (a full disk, a file-size limit) names no path: name the file it was for.
    const err = e as NodeJS.ErrnoException;
    if (err && typeof err === "object" && typeof err.code === "string" && !err.path && current) err.path = current;
    // The first error is the one worth telling; a temporary file that cannot be removed is not.
    await Promise.all(staged.map((s) => rm(s.tmp, { force: true }).catch(() => undefined)));
    throw e;
  }
  await removeStale(files.map((f) => f.path));
}

// The one door through which darep reads a workspace: every file opened (config, framework, returns,
// receipts, commentary, action plans, evidence) comes through openInput, and every folder listed
// through listFolder. A rule about what may be read (no symlinks, no devices, the size checked on the
// open handle) is therefore written once, here, and applies to every input at once.
//
// Synchronous on purpose: inputs are small, and one open, stat and read on the main thread costs less
// than four trips through the thread pool (the whole cost of an unchanged, cached return).
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, statSync } from "node:fs";

/** Why a file could not be read, in words the callers turn into an issue or an error. */
export type InputProblem = "missing" | "denied" | "folder" | "symlink" | "not-a-file" | "too-big" | "unreadable";

export type Input =
  | { ok: true; bytes: Buffer; modified: Date }
  | {
      ok: false;
      problem: InputProblem;
      /** The file's size, for "too-big". */
      size?: number;
      /** The system's own words (e.g. "EACCES: permission denied, open '...'"), for an error about the run. */
      detail: string;
      /** The system's error code (ENOENT, EACCES, ...), when the system refused. */
      code?: string;
    };

function problemOf(e: unknown): InputProblem {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "missing";
  if (code === "EACCES" || code === "EPERM") return "denied";
  if (code === "EISDIR") return "folder";
  // O_NOFOLLOW on a symbolic link (Linux and macOS say ELOOP; FreeBSD EMLINK).
  if (code === "ELOOP" || code === "EMLINK") return "symlink";
  return "unreadable";
}

/**
 * Never a link (a return linked to a credentials file would be read and quoted), and never blocking
 * (a FIFO opened O_NONBLOCK opens at once, and is then refused as not a regular file). Windows has
 * neither flag, so there a link to a file is followed (making one needs an administrator or
 * developer mode); a device or pipe is still refused by fstat.
 */
const FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** Reads at most `limit` bytes from the handle, however long the file grows while it is read. */
function readBounded(fd: number, size: number, limit: number): Buffer {
  let buffer = Buffer.allocUnsafe(Math.min(Math.max(size, 0), limit) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (buffer.length > limit) break;
      const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, limit + 1));
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    const n = readSync(fd, buffer, length, buffer.length - length, null);
    if (n === 0) break;
    length += n;
  }
  return buffer.subarray(0, length);
}

/** Read one input whole, or say why not. A file larger than `maxBytes` is not read at all. */
export function openInput(path: string, options: { maxBytes?: number } = {}): Input {
  let fd: number | undefined;
  try {
    fd = openSync(path, FLAGS);
    // Judged on the open handle, so that what is checked is what is read.
    const info = fstatSync(fd);
    if (info.isDirectory()) return { ok: false, problem: "folder", detail: `${path} is a folder` };
    if (info.isSymbolicLink()) return { ok: false, problem: "symlink", detail: `${path} is a symbolic link` };
    if (!info.isFile()) return { ok: false, problem: "not-a-file", detail: `${path} is not a regular file` };
    if (options.maxBytes !== undefined && info.size > options.maxBytes) return { ok: false, problem: "too-big", size: info.size, detail: `${path} is ${info.size} bytes` };
    // Bounded: a file that grows while it is read is cut at one byte over the limit, and refused.
    const bytes = readBounded(fd, info.size, options.maxBytes ?? 2 ** 31 - 1);
    // Checked again on the bytes read, in case the file grew while it was being opened.
    if (options.maxBytes !== undefined && bytes.length > options.maxBytes) return { ok: false, problem: "too-big", size: bytes.length, detail: `${path} is ${bytes.length} bytes` };
    return { ok: true, bytes, modified: info.mtime };
  } catch (e) {
    return { ok: false, problem: problemOf(e), detail: (e as Error).message, code: (e as NodeJS.ErrnoException).code };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Names sorted by code unit: the same order on every machine, without the collator's start-up cost. */
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A folder's files, subfolders and other entries (symbolic links, FIFOs, devices, sockets: never
 * followed or read, but named, so that nothing there goes unsaid), each sorted by name; null when
 * it does not exist or cannot be read.
 */
export function listFolder(dir: string): { files: string[]; folders: string[]; others: string[] } | null {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return null;
  }
  return {
    files: entries
      .filter((d) => d.isFile())
      .map((d) => d.name)
      .sort(byCodeUnit),
    folders: entries
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort(byCodeUnit),
    others: entries
      .filter((d) => !d.isFile() && !d.isDirectory())
      .map((d) => d.name)
      .sort(byCodeUnit),
  };
}

/** What is at a path the user named: a file, a folder, something else, or nothing. */
export function kindOf(path: string): "file" | "folder" | "other" | null {
  try {
    const info = statSync(path);
    return info.isFile() ? "file" : info.isDirectory() ? "folder" : "other";
  } catch {
    return null;
  }
}

/** When a file or folder was last changed (ms since 1970), or null when there is nothing there. */
export function modifiedAt(path: string): number | null {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
}

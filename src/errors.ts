// Errors about the run itself (unreadable config, no browser, bad arguments): thrown, caught once in
// the CLI, shown as one plain sentence with exit code 2. Problems in the data are Issues, never these.

export class RunError extends Error {
  /** Further lines to show under the sentence (e.g. every problem in a config file). */
  readonly details: string[];
  constructor(message: string, details: string[] = []) {
    super(message);
    this.name = "RunError";
    this.details = details;
  }
}

/** What to call a system call in a sentence: writing, or reading. */
const WRITES = new Set(["open", "write", "mkdir", "rename", "copyfile", "unlink", "rmdir", "link", "symlink", "ftruncate", "fsync", "close"]);

/**
 * A failure of the machine rather than of darep (a full disk, a quota, a file-size limit, permissions,
 * something in the way) as one plain sentence saying what to do; null for anything else, which stays
 * an internal failure. The path is the one the operating system named.
 */
export function environmentError(e: unknown): RunError | null {
  const err = e as NodeJS.ErrnoException | null;
  if (!err || typeof err !== "object" || typeof err.code !== "string") return null;
  const path = (err as { dest?: string }).dest ?? err.path;
  const at = path ? ` ${path}` : "";
  const writing = err.syscall === undefined || WRITES.has(err.syscall);
  const elsewhere = "or write elsewhere with --out, then run darep again";
  switch (err.code) {
    case "ENOSPC":
      return new RunError(`There is no space left on the disk to write${at}: free some space, ${elsewhere}.`);
    case "EDQUOT":
      return new RunError(`Your disk quota is used up, so${at || " a file"} could not be written: free some space or ask for a larger quota, ${elsewhere}.`);
    case "EFBIG":
      return new RunError(`${path ?? "A file"} could not be written: it would be bigger than this system lets one file be (a file-size limit such as ulimit -f). Raise the limit, ${elsewhere}.`);
    case "EACCES":
    case "EPERM":
      return new RunError(
        `darep is not allowed to ${writing ? "write" : "read"}${at || " a file it needs"}: check the permissions of the file and its folder${writing ? `, ${elsewhere}` : ", then run darep again"}.`,
      );
    case "EROFS":
      return new RunError(`${path ?? "The folder"} is on a read-only disk, so darep cannot write there: ${elsewhere.replace(/^or /, "")}.`);
    case "EEXIST":
      return new RunError(`${path ?? "A file"} already exists and is in darep's way: move or delete it, then run darep again.`);
    case "ENOTDIR":
      return new RunError(`Part of the path${at} is a file, not a folder: move the file, or give another path, then run darep again.`);
    case "EISDIR":
      return new RunError(`${path ?? "A path"} is a folder where darep needs a file: move the folder, or give another path, then run darep again.`);
    case "EMFILE":
    case "ENFILE":
      return new RunError("Too many files are open on this computer for darep to open another: close some programs (or raise the limit, ulimit -n), then run darep again.");
    case "ENOENT":
      // A folder darep is making that this system will not have (under /proc, or a path that vanished).
      if (err.syscall !== "mkdir") return null;
      return new RunError(`The folder${at} cannot be made on this system: ${elsewhere.replace(/^or /, "")}.`);
    case "EIO":
      return new RunError(`The disk failed while darep was using${at || " it"} (an input/output error): check the disk, then run darep again.`);
    default:
      return null;
  }
}

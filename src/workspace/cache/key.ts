// The key that makes a cache entry trustworthy: 32 random bytes kept outside every workspace (by
// default ~/.cache/darep/key; the CLI picks $XDG_CACHE_HOME or %LOCALAPPDATA% when set: cli/io.ts), readable by this user
// alone. An entry is trusted only when its HMAC under this key is right, so only this machine's darep
// (run by this user) can have written it: a cache that came with a clone, a CI cache restore or a
// hand edit is ignored and rewritten. Where no key can be kept (a home that cannot be written), there
// is no cache: correct and slower, never trusting what it cannot check.
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { makeFolderSync } from "../make-folder.js";
import { homedir } from "node:os";
import { join } from "node:path";
import { openInput } from "../input.js";

export const KEY_FILE = "key";

const loaded = new Map<string, Buffer | null>();

function readKey(path: string): Buffer | null | "absent" {
  const input = openInput(path, { maxBytes: 128 });
  if (!input.ok) return input.problem === "missing" ? "absent" : null;
  const text = input.bytes.toString("latin1").trim();
  // Anything but 64 hex digits is not a key darep made: no cache, and the file is left alone.
  return /^[0-9a-f]{64}$/.test(text) ? Buffer.from(text, "hex") : null;
}

/** The key in `folder` (made on first use, 0600 in a 0700 folder), or null when none can be had. */
export function cacheKey(folder: string | undefined): Buffer | null {
  const dir = folder ?? join(homedir(), ".cache", "darep");
  if (loaded.has(dir)) return loaded.get(dir)!;
  const path = join(dir, KEY_FILE);
  let key = readKey(path);
  if (key === "absent") {
    try {
      makeFolderSync(dir, 0o700);
      // wx: two darep runs making the key at once both end up with the one that was written first.
      writeFileSync(path, randomBytes(32).toString("hex") + "\n", { flag: "wx", mode: 0o600 });
    } catch {
      // cannot be written (or another run wrote it first): whatever is there now decides
    }
    const again = readKey(path);
    key = again === "absent" ? null : again;
  }
  loaded.set(dir, key);
  return key;
}

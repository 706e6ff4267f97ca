// A folder of results darep worked out before, each under the hash of everything it was worked out
// from: <dir>/<kind>/<key>.json. An entry is a header line (format, key, hash of the body) and a JSON
// body; one that is torn, edited, foreign or of another format is ignored, never trusted. Every write
// goes to a temporary name and is renamed into place, so a reader sees a whole entry or none. Failing
// to read or write the cache never fails a run: the work is just done again.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { rename, rm, writeFile } from "node:fs/promises";
import { makeFolder } from "../make-folder.js";
import { join } from "node:path";
import { openInput } from "../input.js";
import { cacheKey } from "./key.js";

export const CACHE_FOLDER = ".darep-cache";
// 2: entries are authenticated with this machine's key (an HMAC), not only hashed.
const FORMAT = 2;

/** What the user asked for: no cache at all, or the folder to keep it in (default <workspace>/.darep-cache). */
export interface CacheSetting {
  enabled: boolean;
  /** Absolute folder shared by every workspace of the run (--cache-dir, DAREP_CACHE_DIR). */
  dir?: string;
  /** Where this machine's cache key is kept (see ./key.ts); default ~/.cache/darep. */
  keyDir?: string;
}

export const sha256 = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("hex");

export class CacheStore {
  readonly dir: string;
  readonly #key: Buffer;
  #prepared: Promise<void> | null = null;
  #kinds = new Map<string, Promise<unknown>>();

  constructor(dir: string, key: Buffer) {
    this.dir = dir;
    this.#key = key;
  }

  /** The entry's authentication: what it is (kind and key) and what it says, under this machine's key. */
  #mac(kind: string, key: string, body: string): string {
    return createHmac("sha256", this.#key).update(`${FORMAT}\n${kind}\n${key}\n`).update(body).digest("hex");
  }

  /** The entry's body, or null when there is none or it cannot be trusted. */
  async get(kind: string, key: string): Promise<unknown | null> {
    // Through the same door as every input: the cache usually sits inside the workspace.
    const input = openInput(this.#path(kind, key));
    if (!input.ok) return null;
    const text = input.bytes.toString("utf8");
    const newline = text.indexOf("\n");
    if (newline < 0) return null;
    try {
      const head = JSON.parse(text.slice(0, newline)) as { format?: unknown; key?: unknown; hmac?: unknown };
      const body = text.slice(newline + 1);
      if (head?.format !== FORMAT || head.key !== key || typeof head.hmac !== "string") return null;
      const expected = Buffer.from(this.#mac(kind, key, body), "hex");
      const given = Buffer.from(head.hmac, "hex");
      // Not written by this machine's darep (copied in, restored, edited): ignored, and rewritten.
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      return JSON.parse(body) as unknown;
    } catch {
      return null;
    }
  }

  /** Store `value` (plain JSON data) under the key; quietly does nothing when the folder cannot be written. */
  async put(kind: string, key: string, value: unknown): Promise<void> {
    const body = JSON.stringify(value);
    const path = this.#path(kind, key);
    const tmp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
    try {
      await this.#prepare(kind);
      await writeFile(tmp, `${JSON.stringify({ format: FORMAT, key, hmac: this.#mac(kind, key, body) })}\n${body}`);
      await rename(tmp, path);
    } catch {
      await rm(tmp, { force: true }).catch(() => undefined);
    }
  }

  #path(kind: string, key: string): string {
    return join(this.dir, kind, `${key}.json`);
  }

  /** Make the folders once per run, marked so that git and backup tools leave them alone. */
  async #prepare(kind: string): Promise<void> {
    this.#prepared ??= (async () => {
      await makeFolder(this.dir);
      await writeFile(join(this.dir, ".gitignore"), "# darep's cache: safe to delete at any time.\n*\n", { flag: "wx" }).catch(() => undefined);
      await writeFile(join(this.dir, "CACHEDIR.TAG"), "Signature: 8a477f597d28d172789f06886806bc55\n# darep's cache: safe to delete at any time.\n", { flag: "wx" }).catch(() => undefined);
    })();
    await this.#prepared;
    let made = this.#kinds.get(kind);
    if (!made) this.#kinds.set(kind, (made = makeFolder(join(this.dir, kind))));
    await made;
  }
}

/** The store for a workspace under a setting, or null when caching is off or no key can be kept. */
export function openCache(setting: CacheSetting | undefined, workspaceRoot: string): CacheStore | null {
  if (!setting?.enabled) return null;
  const key = cacheKey(setting.keyDir);
  return key ? new CacheStore(setting.dir ?? join(workspaceRoot, CACHE_FOLDER), key) : null;
}

// The identity of the code whose results are cached: darep's version and the text of the stages that
// read and check returns and load workspaces. A cached result is used only by the very code that made
// it, so an upgrade (or an edit in a checkout between releases) can never be answered from an old entry.
// Run from the bundle (dist/bundle-<hash>/, which bin/darep.js prefers), the code is every file of the
// bundle: the folder's name (a hash of every file, made by the build), each file's name, size and time
// (an edit afterwards changes them; esbuild names each chunk by a hash of its content too), and the
// entry's bytes. Hashing all 2.8 MB of it took 7 ms of every cold run; this takes well under 1.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { VERSION } from "../../version.js";
import { sha256 } from "./store.js";

/** Folders (and single files) under src/ or dist/ whose code decides what a checked return, action plan or evidence log holds. */
const FOLDERS = ["actions", "ingest", "validate", "issues", "framework", "workspace", "workspace/cache"];
const FILES = ["types"];

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const HERE = dirname(fileURLToPath(import.meta.url));
/** The bundle's folder when this code runs from it. */
const BUNDLE = /^bundle-[0-9a-f]{16}$/.test(basename(HERE)) ? HERE : null;
const isCode = (name: string) => /\.(js|ts)$/.test(name) && !name.endsWith(".d.ts");

let memo: string | null = null;

/** The fingerprint of the bundle in `dir`: every file of it, as the bundle itself works it out (the build records it). */
export function bundleFingerprint(dir: string): string {
  const parts: (string | number)[] = [basename(dir)];
  for (const n of readdirSync(dir).filter(isCode).sort()) {
    const { size, mtimeMs } = statSync(join(dir, n));
    parts.push(n, size, mtimeMs);
  }
  parts.push(sha256(readFileSync(join(dir, "index.js"))));
  return sha256(JSON.stringify([VERSION, "bundle", parts]));
}

// Read synchronously: some fifty small files are read faster so than through the thread pool.
function compute(): string {
  if (BUNDLE) return bundleFingerprint(BUNDLE);
  const names: string[] = [];
  for (const folder of FOLDERS) {
    let found: string[] = [];
    try {
      found = readdirSync(join(ROOT, folder));
    } catch {}
    names.push(...found.filter(isCode).map((n) => `${folder}/${n}`));
  }
  for (const file of FILES) for (const ext of [".js", ".ts"]) names.push(file + ext);
  const parts: string[] = [];
  for (const n of names.sort()) {
    try {
      parts.push(n, sha256(readFileSync(join(ROOT, n))));
    } catch {}
  }
  return sha256(JSON.stringify([VERSION, parts]));
}

/** Worked out once per process. */
export function codeFingerprint(): string {
  memo ??= compute();
  return memo;
}

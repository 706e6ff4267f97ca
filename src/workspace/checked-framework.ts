// darep's own frameworks (schemas/<name>/) are checked by zod once, when darep is built, and the result
// kept in dist/frameworks/<name>.checked.json with the hash of the files it was checked from and the
// fingerprints of the code that checked them (the modules and the bundle). At run time a bundled framework whose files still hash the same is taken
// from there, so a cold `darep validate` does not check its 39 schemas again; anything else (a
// workspace's own framework, an edited or unbuilt copy) is loaded and checked as ever.
import { join } from "node:path";
import { DAREP_ROOT } from "../framework/workspace.js";
import type { Framework } from "../framework/types.js";
import { codeFingerprint } from "./cache/fingerprint.js";
import { sha256 } from "./cache/store.js";
import { listFolder, openInput, type Input } from "./input.js";

/** Where the build writes the checked frameworks. */
export const CHECKED_DIR = join(DAREP_ROOT, "dist", "frameworks");
const FORMAT = 1;

/** The hash of every file in a folder (names and bytes), or null when one cannot be read. */
export function folderHash(dir: string, read: (path: string) => Input = openInput): string | null {
  const names = listFolder(dir)?.files;
  if (!names) return null;
  const files: [string, string][] = [];
  for (const n of [...names].sort()) {
    const input = read(join(dir, n));
    if (!input.ok) return null;
    files.push([n, sha256(input.bytes)]);
  }
  return sha256(JSON.stringify(files));
}

/** What the build stores: the framework without its folder and look-up map, which are placed again on reading. */
export type CheckedFramework = Omit<Framework, "dir" | "byRef">;

/**
 * The file the build writes for a framework it has loaded and checked; `codes` are the fingerprints of
 * the code that may trust it (the modules' and the bundle's), by default this code's own.
 */
export function checkedFile(framework: Framework, hash: string, codes: string[] = [codeFingerprint()]): string {
  const { dir: _dir, byRef: _byRef, ...rest } = framework;
  return `${JSON.stringify({ format: FORMAT, codes, hash, framework: rest })}\n`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Where darep's own frameworks sit and where their checks are kept (other places only in tests). */
export interface Bundled {
  schemas: string;
  checked: string;
}
const BUNDLED: Bundled = { schemas: join(DAREP_ROOT, "schemas"), checked: CHECKED_DIR };

/** The bundled framework in `dir`, as checked at build time, or null when it is not bundled, not built or not the same. */
export function trustedFramework(dir: string, name: string, read: (path: string) => Input = openInput, bundled: Bundled = BUNDLED): Framework | null {
  if (dir !== join(bundled.schemas, name)) return null;
  const stored = openInput(join(bundled.checked, `${name}.checked.json`));
  if (!stored.ok) return null;
  let data: unknown;
  try {
    data = JSON.parse(stored.bytes.toString("utf8"));
  } catch {
    return null;
  }
  if (!isObject(data) || data.format !== FORMAT || !isObject(data.framework) || !Array.isArray(data.framework.indicators) || !Array.isArray(data.codes)) return null;
  if (!data.codes.includes(codeFingerprint()) || data.hash !== folderHash(dir, read)) return null;
  const framework = data.framework as unknown as CheckedFramework;
  return { ...framework, dir, byRef: new Map(framework.indicators.map((ind) => [ind.ref.toUpperCase(), ind])) };
}

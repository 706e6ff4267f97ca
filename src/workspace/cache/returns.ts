// Checked returns by content, so that a rebuild reads and checks only the files that changed. An entry
// is one file's figures and issues, keyed by everything they are worked out from: the file's bytes
// (sha256), where it sits (agency, quarter, path), the partnership's config and framework, the read
// limits, the code (darep's version and source), and the figures of the quarter before when the
// cross-quarter checks ran. The same inputs give the same result, so a hit changes nothing in a report.
import type { Workspace } from "../../framework/types.js";
import type { Figure, Issue } from "../../types.js";
import type { ReturnEntry } from "../returns-folder.js";
import { codeFingerprint } from "./fingerprint.js";
import { sha256, type CacheStore } from "./store.js";

const KIND = "returns";

/** What a return's check gives besides what the file system says (its hash and time). */
export interface CheckedPart {
  status: "received" | "invalid";
  figures: Figure[];
  issues: Issue[];
  /** The About sheet's submitted date (YYYY-MM-DD), when it holds one. */
  submitted?: string;
}

export interface KeyParts {
  entry: ReturnEntry;
  /** The file's sha256. */
  sha256: string;
  limits?: object;
  previous?: Figure[];
}

const workspaceKeys = new WeakMap<Workspace, string>();

/** The hash of a loaded workspace's config and framework (not of where it sits on disk). */
export function workspaceKey(ws: Workspace): string {
  let key = workspaceKeys.get(ws);
  if (key === undefined) {
    const { byRef: _byRef, dir: _dir, ...framework } = ws.framework;
    key = sha256(JSON.stringify({ config: ws.config, framework }));
    workspaceKeys.set(ws, key);
  }
  return key;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isFigure = (f: unknown, agency: string) => isObject(f) && f.agency === agency && typeof f.indicator === "string" && typeof f.measure === "string" && isObject(f.source);
const isIssue = (i: unknown) => isObject(i) && typeof i.code === "string" && (i.severity === "error" || i.severity === "warning") && typeof i.message === "string" && typeof i.file === "string";

/** An entry read back must still look like what was written; anything else is ignored. */
function isCheckedPart(v: unknown, agency: string): v is CheckedPart {
  return (
    isObject(v) && (v.status === "received" || v.status === "invalid") && Array.isArray(v.figures) && v.figures.every((f) => isFigure(f, agency)) && Array.isArray(v.issues) && v.issues.every(isIssue)
  );
}

export class ReturnsCache {
  readonly store: CacheStore;
  readonly #code: string;

  private constructor(store: CacheStore, code: string) {
    this.store = store;
    this.#code = code;
  }

  static async open(store: CacheStore): Promise<ReturnsCache> {
    return new ReturnsCache(store, codeFingerprint());
  }

  key(ws: Workspace, parts: KeyParts): string {
    const { entry } = parts;
    const limits = parts.limits ? Object.entries(parts.limits).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : [];
    const previous = parts.previous?.length ? sha256(JSON.stringify(parts.previous)) : null;
    return sha256(JSON.stringify([this.#code, workspaceKey(ws), entry.file, entry.agency, entry.period.year, entry.period.quarter, parts.sha256, limits, previous]));
  }

  async get(key: string, agency: string): Promise<CheckedPart | null> {
    const found = await this.store.get(KIND, key);
    return isCheckedPart(found, agency) ? found : null;
  }

  put(key: string, part: CheckedPart): Promise<void> {
    return this.store.put(KIND, key, part);
  }
}

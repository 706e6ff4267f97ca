// The action plan's and the evidence log's files as read, by content, like the returns: what one file
// gave (its actions or evidence and its issues) is kept under the hash of everything it was worked out
// from, so a rebuild reads an unchanged plan (often a workbook, through exceljs) from the cache.
import type { Workspace } from "../../framework/types.js";
import type { Issue, Period } from "../../types.js";
import { codeFingerprint } from "./fingerprint.js";
import { workspaceKey } from "./returns.js";
import { sha256, type CacheStore } from "./store.js";

/** The two kinds of table kept; each is its own folder of the cache. */
export type TableKind = "actions" | "evidence";

export interface TableFile {
  /** Workspace-relative, as issues name it. */
  file: string;
  period: Period;
  sheet: string;
  bytes: Buffer;
}

/** The key of one file's reading: the code, the config and framework, where the file sits and what it holds. */
export function tableKey(ws: Workspace, kind: TableKind, t: TableFile): string {
  return sha256(JSON.stringify([codeFingerprint(), workspaceKey(ws), kind, t.file, t.period.year, t.period.quarter, t.sheet, sha256(t.bytes)]));
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isIssue = (i: unknown) => isObject(i) && typeof i.code === "string" && (i.severity === "error" || i.severity === "warning") && typeof i.message === "string";

/** What was read from the file before, or null; an entry that does not look like one is ignored. */
export async function cachedTable<T extends { issues: Issue[] }>(store: CacheStore, kind: TableKind, key: string, list: keyof T): Promise<T | null> {
  const found = await store.get(kind, key);
  if (!isObject(found) || !Array.isArray(found.issues) || !found.issues.every(isIssue)) return null;
  const items = found[list as string];
  return Array.isArray(items) && items.every(isObject) ? (found as T) : null;
}

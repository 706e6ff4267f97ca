// A loaded workspace (its config and framework, already checked) by the content of the files it came
// from, so that a run on an unchanged workspace skips zod and the framework's checks altogether. Only a
// workspace that loaded without a mistake is ever stored.
import type { Workspace } from "../../framework/types.js";
import { folderHash } from "../checked-framework.js";
import { openInput, type Input } from "../input.js";
import { codeFingerprint } from "./fingerprint.js";
import { sha256, type CacheStore } from "./store.js";

const KIND = "workspace";

/** The key of a workspace: the config's text, the framework folder's path and every file in it, the code. */
export function workspaceFilesKey(configText: string, frameworkDir: string, read: (path: string) => Input = openInput): string | null {
  const files = folderHash(frameworkDir, read);
  if (!files) return null;
  return sha256(JSON.stringify([codeFingerprint(), sha256(configText), frameworkDir, files]));
}

/** Plain JSON only: a value JSON would change (a Map, a Date, undefined in a list) means the workspace is not stored. */
function plain(this: unknown, _key: string, value: unknown): unknown {
  if (value === undefined && Array.isArray(this)) throw new Error("not plain data");
  if (typeof value === "function" || typeof value === "bigint" || typeof value === "symbol") throw new Error("not plain data");
  if (typeof value === "number" && !Number.isFinite(value)) throw new Error("not plain data");
  if (typeof value === "object" && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype) throw new Error("not plain data");
  return value;
}

export async function storeWorkspace(store: CacheStore, key: string, ws: Workspace): Promise<void> {
  const { byRef: _byRef, dir: _dir, ...framework } = ws.framework;
  let data: unknown;
  try {
    data = JSON.parse(JSON.stringify({ config: ws.config, framework }, plain));
  } catch {
    return;
  }
  await store.put(KIND, key, data);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The workspace stored under `key`, placed at `root`, or null. */
export async function cachedWorkspace(store: CacheStore, key: string, where: { root: string; configPath: string; frameworkDir: string }): Promise<Workspace | null> {
  const data = await store.get(KIND, key);
  if (!isObject(data) || !isObject(data.config) || !isObject(data.framework) || !Array.isArray(data.framework.indicators) || !Array.isArray(data.config.agencies)) return null;
  const framework = data.framework as unknown as Omit<Workspace["framework"], "byRef" | "dir">;
  if (!framework.indicators.every((i) => isObject(i) && typeof i.ref === "string" && Array.isArray(i.measures))) return null;
  return {
    root: where.root,
    configPath: where.configPath,
    config: data.config as unknown as Workspace["config"],
    framework: { ...framework, dir: where.frameworkDir, byRef: new Map(framework.indicators.map((ind) => [ind.ref.toUpperCase(), ind])) },
  };
}

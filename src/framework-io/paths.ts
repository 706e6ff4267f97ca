// Reading, setting and removing a field by its path in a plain JSON object (the columns' paths).
type Json = Record<string, unknown>;

/** Keys that would reach an object's prototype rather than a field of it: never followed or set. */
export const UNSAFE_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/** The first such key anywhere in a parsed JSON value, or null. */
export function unsafeKey(value: unknown): string | null {
  if (value === null || typeof value !== "object") return null;
  for (const [k, v] of Object.entries(value)) {
    if (UNSAFE_KEYS.has(k)) return k;
    const deeper = unsafeKey(v);
    if (deeper) return deeper;
  }
  return null;
}

export function getPath(obj: unknown, path: string[]): unknown {
  return path.reduce<unknown>((o, k) => (o !== null && typeof o === "object" ? (o as Json)[k] : undefined), obj);
}

export function setPath(obj: Json, path: string[], value: unknown): void {
  if (path.some((k) => UNSAFE_KEYS.has(k))) return;
  let o = obj;
  path.slice(0, -1).forEach((k) => {
    if (typeof o[k] !== "object" || o[k] === null) o[k] = {};
    o = o[k] as Json;
  });
  o[path.at(-1)!] = value;
}

/** A deep copy of `obj` without the fields at `paths`, and without objects left empty by that. */
export function withoutPaths(obj: Json, paths: string[][]): Json {
  const copy = structuredClone(obj);
  for (const path of paths) {
    const parents: Json[] = [];
    let o: unknown = copy;
    for (const k of path.slice(0, -1)) {
      if (o === null || typeof o !== "object") break;
      parents.push(o as Json);
      o = (o as Json)[k];
    }
    if (o === null || typeof o !== "object" || parents.length !== path.length - 1) continue;
    delete (o as Json)[path.at(-1)!];
    for (let i = path.length - 2; i >= 0; i--) {
      const child = parents[i]![path[i]!];
      if (child && typeof child === "object" && !Array.isArray(child) && Object.keys(child).length === 0) delete parents[i]![path[i]!];
    }
  }
  return copy;
}

/** Merge `extra` into `obj` field by field (objects merge, anything else replaces). */
export function mergeDeep(obj: Json, extra: Json): Json {
  for (const [k, v] of Object.entries(extra)) {
    if (UNSAFE_KEYS.has(k)) continue;
    const here = obj[k];
    if (v && typeof v === "object" && !Array.isArray(v) && here && typeof here === "object" && !Array.isArray(here)) mergeDeep(here as Json, v as Json);
    else obj[k] = v;
  }
  return obj;
}

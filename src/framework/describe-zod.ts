// Turn zod's findings into plain lines naming the file and the field, e.g.
// "darep.config.json: agencies[2].contact.email: must be an email address (found "bob")".
import type { z } from "zod";
import { parseJsonText } from "./json-syntax.js";

export function fieldPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || "(the whole file)";
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const p of path) {
    if (v === null || typeof v !== "object" || !Object.hasOwn(v, p as string)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

export function describeZodError(file: string, error: z.ZodError, data?: unknown): string[] {
  return error.issues.map((i) => {
    let message = i.message;
    if (i.code === "unrecognized_keys") message = `unknown field${i.keys.length > 1 ? "s" : ""} ${i.keys.map((k) => `'${k}'`).join(", ")} (check the spelling)`;
    else if (i.code === "invalid_value") message = `must be one of ${i.values.map(String).join(", ")}`;
    else if (i.code === "invalid_type" && valueAt(data, i.path) === undefined) message = `is required (expected ${i.expected})`;
    const found = valueAt(data, i.path);
    const shown = found === undefined || typeof found === "object" ? "" : ` (found ${JSON.stringify(found).slice(0, 60)})`;
    return `${file}: ${fieldPath(i.path)}: ${message}${i.code === "unrecognized_keys" ? "" : shown}`;
  });
}

/** JSON.parse with an error that names the file, line and column (Node 20's own message often has neither). */
export function parseJson(file: string, text: string): unknown {
  return parseJsonText(file, text);
}

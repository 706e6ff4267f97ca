// The checks of a framework that need every indicator at once: references matching file names and
// used once, themes listed once and used, and parts of other indicators' measures (pure: the loader
// and `darep framework import` both run them).
import type { FrameworkInfo, Indicator } from "./schema.js";

export const FRAMEWORK_FILE = "framework.json";

export interface Loaded<T> {
  file: string;
  shown: string;
  value: T;
}

/** Checks that need every indicator at once: names, duplicates, themes and cross-indicator partOf. */
export function checkTogether(shownDir: string, info: FrameworkInfo | null, loaded: Loaded<Indicator>[], problems: string[]): void {
  const byRef = new Map<string, Loaded<Indicator>>();
  for (const l of loaded) {
    const ref = l.value.ref.toUpperCase();
    const expected = l.file.slice(0, -".json".length);
    if (ref !== expected.toUpperCase()) problems.push(`${l.shown}: ref: '${l.value.ref}' does not match the file name (expected '${expected}', or rename the file to ${l.value.ref}.json)`);
    const first = byRef.get(ref);
    if (first) problems.push(`${l.shown}: ref: '${l.value.ref}' is also the reference in ${first.file}; each indicator needs its own reference`);
    else byRef.set(ref, l);
  }
  if (info) {
    const seen = new Set<string>();
    info.themes.forEach((t, i) => {
      if (seen.has(t)) problems.push(`${shownDir}/${FRAMEWORK_FILE}: themes[${i}]: '${t}' is listed twice`);
      seen.add(t);
    });
    for (const l of loaded) {
      if (!seen.has(l.value.theme)) problems.push(`${l.shown}: theme: '${l.value.theme}' is not one of the themes listed in ${FRAMEWORK_FILE} (${info.themes.join("; ")})`);
    }
  }
  for (const l of loaded) {
    l.value.measures.forEach((m, i) => {
      if (!m.partOf?.includes("/")) return;
      const [ref, measure] = m.partOf.split("/") as [string, string];
      const target = byRef.get(ref.toUpperCase());
      if (!target) problems.push(`${l.shown}: measures[${i}].partOf: there is no indicator ${ref} in this framework (found "${m.partOf}")`);
      else if (!target.value.measures.some((o) => o.id === measure))
        problems.push(`${l.shown}: measures[${i}].partOf: ${target.value.ref} has no measure '${measure}' (its measures: ${target.value.measures.map((o) => o.id).join(", ")})`);
    });
  }
}

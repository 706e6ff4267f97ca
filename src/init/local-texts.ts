// Which of a framework's texts name its own place, providers or people (its localTerms), for a
// partnership that takes the framework over to review (pure).
import type { FrameworkInfo, Indicator } from "../framework/schema.js";

export interface LocalText {
  ref: string;
  /** The field, e.g. "tellsUs" or "measures[0].definition". */
  field: string;
  terms: string[];
}

function strings(value: unknown, path: string, out: [string, string][]): void {
  if (typeof value === "string") out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${path}[${i}]`, out));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) strings(v, path ? `${path}.${k}` : k, out);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function localTexts(info: FrameworkInfo, indicators: Indicator[]): LocalText[] {
  const terms = info.localTerms ?? [];
  if (terms.length === 0) return [];
  const found: LocalText[] = [];
  for (const ind of indicators) {
    const texts: [string, string][] = [];
    strings(ind, "", texts);
    for (const [field, text] of texts) {
      const hits = terms.filter((t) => new RegExp(`\\b${escapeRegExp(t)}\\b`, "i").test(text));
      if (hits.length) found.push({ ref: ind.ref, field, terms: hits });
    }
  }
  return found;
}

/** Whether a partnership of this name is the one that wrote the framework. */
export function isOwnPartnership(info: FrameworkInfo, name: string): boolean {
  if (!info.partnership) return false;
  const own = info.partnership.toLowerCase();
  const place = info.localTerms?.[0]?.toLowerCase();
  return name.toLowerCase() === own || (place !== undefined && name.toLowerCase().includes(place));
}

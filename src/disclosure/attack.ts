// The motivated intruder's differencing attack, made on a published report: for every breakdown and
// quarter, can a withheld count be worked out from the total and the categories shown, or is a small
// count shown at all? darep runs it on every report it protects, and the tests run it on their own.
// It reads only what a reader has: report.json as published.
import type { DisclosurePolicy } from "../framework/disclosure.js";
import { periodKey } from "../framework/period.js";
import type { Report, Result } from "../report-contract/schema.js";
import { isSmall } from "./suppress.js";

type Point = Result["history"][number];

/** A description of the first leak found ("PM7/attendances/total/agency, 2025-26 Q3: ..."), or null. */
export function checkDifferencing(report: Report, policy: DisclosurePolicy): string | null {
  if (policy.applyTo === "none") return null;
  const groups = new Map<string, Result[]>();
  for (const r of report.results) {
    if (r.unit !== "count") continue;
    const k = `${r.indicator}/${r.measure}/${r.agency}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  for (const [name, members] of groups) {
    const total = members.find((r) => r.category === null);
    const cats = members.filter((r) => r.category !== null);
    const quarters = new Set(members.flatMap((r) => r.history.map(periodKey)));
    for (const q of quarters) {
      const at = (r: Result): Point | undefined => r.history.find((p) => periodKey(p) === q);
      const leak = (what: string) => `${name}, ${q}: ${what}`;
      const shownCats = cats.map(at).filter((p): p is Point => !!p && p.symbol !== "c");
      const hidden = cats.filter((r) => at(r)?.symbol === "c");
      for (const p of shownCats) if (isSmall(p.value, policy.minimum)) return leak(`a category's count of ${p.value} is shown`);
      const t = total ? at(total) : undefined;
      if (policy.applyTo === "all" && t && t.symbol !== "c" && isSmall(t.value, policy.minimum)) return leak(`a total of ${t.value} is shown`);
      if (!t) continue;
      if (t.symbol === "c") {
        if (hidden.length === 0 && cats.some((r) => at(r)?.value != null)) return leak("the withheld total is the sum of the categories shown");
        continue;
      }
      if (t.value === null) continue;
      if (hidden.length === 1) return leak(`${hidden[0]!.key} is the total less the categories shown`);
      // With rounded figures the difference is not known exactly, so only the exact attack is made.
      const between = t.value - shownCats.reduce((s, p) => s + (p.value ?? 0), 0);
      if (policy.roundTo === null && hidden.length > 1 && hidden.length < cats.length && between >= 0 && between < policy.minimum) return leak(`the withheld categories hold ${between} between them`);
    }
  }
  return null;
}

// Every quarter of every breakdown, protected: the results are grouped by indicator, measure and
// agency (the total and its categories), each quarter of the group is passed to suppress(), and
// the counts left on show are rounded when the policy asks. What comes out is each result's
// history as the reader may see it; everything else a reader sees is worked out from it.
import type { DisclosurePolicy } from "../framework/disclosure.js";
import { periodKey } from "../framework/period.js";
import type { Result } from "../report-contract/schema.js";
import { suppress, type Breakdown, type Cell } from "./suppress.js";

type Point = Result["history"][number];

/** A withheld point: no value, the GSS symbol for confidential. */
export const WITHHELD: Point["symbol"] = "c";

/** Nearest multiple of `to`, halves up (NHS Digital's rounding of counts). */
export function roundCount(n: number, to: number): number {
  return Math.round(n / to) * to;
}

const groupKey = (r: Result) => `${r.indicator}\u0000${r.measure}\u0000${r.agency}`;

function cellOf(r: Result, p: Point | undefined): Cell | null {
  if (!p) return null;
  return { id: r.key, value: p.value, agencyWithheld: p.symbol === "c" };
}

/** The results' histories as published, by result key. Only counts are protected. */
export function protectHistories(results: readonly Result[], policy: DisclosurePolicy): Map<string, Point[]> {
  const out = new Map<string, Point[]>(results.map((r) => [r.key, r.history]));
  if (policy.applyTo === "none") return out;
  const groups = new Map<string, Result[]>();
  for (const r of results) if (r.unit === "count") groups.set(groupKey(r), [...(groups.get(groupKey(r)) ?? []), r]);

  for (const members of groups.values()) {
    const total = members.find((r) => r.category === null) ?? null;
    const categories = members.filter((r) => r.category !== null);
    const byQuarter = new Map(members.map((r) => [r.key, new Map(r.history.map((p) => [periodKey(p), p]))]));
    const quarters = new Set(members.flatMap((r) => r.history.map(periodKey)));
    const hidden = new Map<string, Set<string>>(members.map((r) => [r.key, new Set()]));
    for (const q of quarters) {
      const at = (r: Result) => byQuarter.get(r.key)!.get(q);
      const breakdown: Breakdown = {
        total: total ? cellOf(total, at(total)) : null,
        categories: categories.flatMap((r) => cellOf(r, at(r)) ?? []),
      };
      // A measure with no categories is a breakdown of one: only applyTo "all" protects it.
      for (const id of suppress(breakdown, { totals: policy.applyTo === "all", minimum: policy.minimum })) hidden.get(id)!.add(q);
    }
    for (const r of members) {
      const gone = hidden.get(r.key)!;
      out.set(
        r.key,
        r.history.map((p) => {
          if (gone.has(periodKey(p))) return { ...p, value: null, symbol: WITHHELD, gap: false };
          if (policy.roundTo !== null && p.value !== null) return { ...p, value: roundCount(p.value, policy.roundTo) };
          return p;
        }),
      );
    }
  }
  return out;
}

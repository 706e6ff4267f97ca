// The motivated intruder, written for the tests apart from src/disclosure/attack.ts so that a
// mistake in one is caught by the other: given only a published report.json, list every count it
// lets a reader work out that is withheld, and every small count it shows.
import type { Report, Result } from "../../src/report-contract/schema.js";

type Point = Result["history"][number];
const Q = (p: Point) => `${p.year} ${p.quarter}`;

/** Every leak found, in words; [] when there is none. */
export function intrude(report: Report, minimum = 8, totalsToo = false, unprotected?: Report): string[] {
  const truth = unprotected && new Map(unprotected.results.map((r) => [r.key, r.history]));
  const leaks: string[] = [];
  const groups = new Map<string, Result[]>();
  for (const r of report.results.filter((x) => x.unit === "count")) {
    const k = `${r.indicator}/${r.measure}/${r.agency}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  for (const [name, members] of groups) {
    const quarters = [...new Set(members.flatMap((r) => r.history.map(Q)))];
    for (const q of quarters) {
      const cells = members.map((r) => ({ r, p: r.history.find((p) => Q(p) === q) })).filter((c) => c.p);
      for (const { r, p } of cells) if ((r.category !== null || totalsToo) && p!.value !== null && p!.value >= 1 && p!.value < minimum) leaks.push(`${r.key} ${q}: shows ${p!.value}`);
      // Total = sum of the categories: one equation. With exactly one unknown it is solved.
      const total = cells.find((c) => c.r.category === null);
      const cats = cells.filter((c) => c.r.category !== null);
      if (!total || cats.length === 0) continue;
      const unknown = cells.filter((c) => c.p!.symbol === "c");
      if (total.p!.value === null && total.p!.symbol !== "c") continue; // no total on record: nothing to subtract from
      if (unknown.length === 1 && cats.some((c) => c.p!.value !== null || c.p!.symbol === "c")) leaks.push(`${unknown[0]!.r.key} ${q}: is the total less the categories shown`);
      const hidden = cats.filter((c) => c.p!.symbol === "c");
      if (total.p!.symbol !== "c" && hidden.length > 1 && hidden.length < cats.length) {
        const between = total.p!.value! - cats.filter((c) => c.p!.symbol !== "c").reduce((s, c) => s + (c.p!.value ?? 0), 0);
        if (between >= 0 && between < minimum) leaks.push(`${name} ${q}: the withheld categories hold ${between} between them`);
      }
    }
  }
  // Figures worked out from a withheld quarter would give it away: changes, year to date, limits.
  const quarterOfYear = ["Q1", "Q2", "Q3", "Q4"].indexOf(report.quarter) + 1;
  for (const r of report.results) {
    const h = r.history;
    const hidden = (back: number) => h[h.length - 1 - back]?.symbol === "c";
    if (hidden(0) && [r.value, r.change, r.changePercent, r.changeOnYear, r.changeOnYearPercent, r.yearToDate].some((v) => v !== null))
      leaks.push(`${r.key}: a figure worked out from this quarter's withheld value`);
    if (hidden(1) && (r.previous !== null || r.change !== null || r.changePercent !== null)) leaks.push(`${r.key}: last quarter's withheld value, or the change from it`);
    if (hidden(4) && (r.sameQuarterLastYear !== null || r.changeOnYear !== null)) leaks.push(`${r.key}: a year ago's withheld value, or the change from it`);
    if ([...Array(quarterOfYear).keys()].some(hidden) && (r.yearToDate !== null || (r.target?.actualToDate ?? null) !== null)) leaks.push(`${r.key}: a year to date with a withheld quarter in it`);
    // Limits are worked out from the values on record; an agency's own [c] was never on record.
    const own = new Set((truth?.get(r.key) ?? []).filter((p) => p.symbol === "c").map(Q));
    if (r.spc?.mean != null && h.some((p) => p.symbol === "c" && !own.has(Q(p)))) leaks.push(`${r.key}: process limits worked out over withheld quarters`);
  }
  return leaks;
}

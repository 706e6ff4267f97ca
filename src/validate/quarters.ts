// Checks against the same agency's previous return: a figure that moved so far it is likely a keying
// error, and a return identical to last quarter's (perhaps the old file sent again). Warnings only.
import { issue } from "../issues/catalogue.js";
import type { Figure, Issue } from "../types.js";
import { about, figureKey } from "./figures.js";

/** Below this, small numbers swing threefold and fall to zero by chance: 2 -> 7 is no keying error. */
export const SUDDEN_CHANGE_FLOOR = 10;

export function suddenChanges(figures: Figure[], previous: Figure[], factor: number): Issue[] {
  const before = new Map(previous.map((f) => [figureKey(f), f]));
  const issues: Issue[] = [];
  for (const f of figures) {
    const p = before.get(figureKey(f));
    if (f.value === null || p?.value == null) continue;
    const [was, now] = [p.value, f.value];
    const fellToZero = now === 0 && was >= SUDDEN_CHANGE_FLOOR;
    const jumped = was > 0 && now > 0 && Math.max(was, now) >= SUDDEN_CHANGE_FLOOR && Math.max(now / was, was / now) > factor;
    if (!fellToZero && !jumped) continue;
    const what = `${f.indicator} ${f.measure}${f.category ? ` (${f.category})` : ""}`;
    const how = fellToZero ? `fell to 0 from ${was}` : `${now > was ? "rose" : "fell"} from ${was} to ${now}, more than ${factor}-fold`;
    issues.push(
      issue("sudden-change", f.source, `${what} ${how} since last quarter.`, {
        ...about(f),
        found: String(now),
        expected: `near last quarter's ${was}`,
      }),
    );
  }
  return issues;
}

/**
 * Year-to-date measures (the schema's `reported: "year-to-date"`): a total so far cannot fall within
 * a year (an error), and the year's first due quarter starts again from nothing, so it is left out of
 * the sudden-change check (600 in March to 170 in June is April's reset, not a keying error).
 * Returns the figures the sudden-change check should compare, and the errors.
 */
export function yearToDateChecks(figures: Figure[], previous: Figure[], yearToDate: (f: Figure) => "reset" | "within" | null): { compared: Figure[]; issues: Issue[] } {
  const before = new Map(previous.map((f) => [figureKey(f), f]));
  const issues: Issue[] = [];
  for (const f of figures) {
    if (yearToDate(f) !== "within" || f.value === null) continue;
    const p = before.get(figureKey(f));
    if (p?.value == null || p.year !== f.year || f.value >= p.value) continue;
    const what = `${f.indicator} ${f.measure}${f.category ? ` (${f.category})` : ""}`;
    issues.push(
      issue("year-to-date-fell", f.source, `${what} is a year-to-date total, but fell from ${p.value} last quarter to ${f.value}.`, {
        ...about(f),
        found: String(f.value),
        expected: `at least last quarter's total of ${p.value}`,
      }),
    );
  }
  return { compared: figures.filter((f) => yearToDate(f) !== "reset"), issues };
}

export function identicalToPrevious(file: string, figures: Figure[], previous: Figure[]): Issue[] {
  if (figures.length < 2 || figures.length !== previous.length || !figures.some((f) => f.value)) return [];
  const before = new Map(previous.map((f) => [figureKey(f), f]));
  const same = figures.every((f) => {
    const p = before.get(figureKey(f));
    return p !== undefined && p.value === f.value && p.symbol === f.symbol;
  });
  if (!same) return [];
  return [issue("identical-to-previous", { file }, `All ${figures.length} figures are exactly the same as last quarter's return.`, { found: `${figures.length} identical figures` })];
}

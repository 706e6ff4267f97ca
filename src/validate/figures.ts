// Checks on a return's figures taken together: the same figure twice, an indicator left out,
// categories that do not add up to their total, a part bigger than its whole.
import type { Framework } from "../framework/types.js";
import type { Agency, Measure } from "../framework/schema.js";
import { issue } from "../issues/catalogue.js";
import type { Figure, Issue, Location, QuarterName } from "../types.js";

export const figureKey = (f: Pick<Figure, "indicator" | "measure" | "category">): string => `${f.indicator}/${f.measure}/${f.category ?? ""}`;

const describe = (f: Figure) => `${f.indicator} ${f.measure}${f.category ? ` (${f.category})` : ""}`;
const at = (f: Figure): Location => f.source;
/** The issue fields naming the figure. */
export const about = (f: Figure): Partial<Issue> => ({ indicator: f.indicator, measure: f.measure, ...(f.category ? { category: f.category } : {}) });
const same = (a: Figure, b: Figure) => a.value === b.value && a.symbol === b.symbol;

/**
 * Keep one figure per indicator/measure/category. A figure given twice is an error either way; when
 * the copies agree one is kept, when they differ neither is, since darep cannot tell which is right.
 */
export function dropDuplicates(figures: Figure[]): { figures: Figure[]; issues: Issue[] } {
  const byKey = new Map<string, Figure[]>();
  for (const f of figures) {
    // Pushed in place: copying the list for each copy made a figure given k times cost k².
    const copies = byKey.get(figureKey(f));
    if (copies) copies.push(f);
    else byKey.set(figureKey(f), [f]);
  }
  const issues: Issue[] = [];
  const kept: Figure[] = [];
  for (const copies of byKey.values()) {
    const [first, ...rest] = copies as [Figure, ...Figure[]];
    for (const f of rest) {
      const agree = same(f, first);
      issues.push(
        issue("duplicate-figure", at(f), `${describe(f)} is given on row ${first.source.row} and again on row ${f.source.row}${agree ? "" : ", with a different value"}.`, {
          ...about(f),
          found: `rows ${first.source.row} and ${f.source.row}`,
          expected: "one row per figure",
          ...(agree ? {} : { advice: "Keep the row with the right value and delete the other; until then neither is used." }),
        }),
      );
    }
    if (rest.every((f) => same(f, first))) kept.push(first);
  }
  return { figures: kept, issues };
}

// When a figure is due is the framework's rule (src/framework/frequency.ts); re-exported for validate's callers.
export { isDue } from "../framework/frequency.js";
import { isDue } from "../framework/frequency.js";

/** Indicators the agency reports and left out altogether (a row with a bad value still counts as given). */
export function missingIndicators(file: string, agency: Agency, framework: Framework, quarter: QuarterName, given: Set<string>): Issue[] {
  const issues: Issue[] = [];
  for (const ref of agency.indicators) {
    const ind = framework.byRef.get(ref.toUpperCase());
    if (!ind || given.has(ind.ref) || !isDue(ind.frequency, quarter)) continue;
    issues.push(
      issue("missing-indicator", { file }, `${ind.ref} (${ind.title}) has no row, but ${agency.name} reports it.`, {
        indicator: ind.ref,
        expected: `rows for ${ind.ref}: ${ind.measures.map((m) => m.id).join(", ")}`,
      }),
    );
  }
  return issues;
}

// byRef is keyed by upper-case reference, while a figure carries the reference as the schema writes it
// (a framework may use a lower-case suffix, e.g. PM12a), so look-ups go through upper case.
function measureOf(framework: Framework, f: Figure): Measure | undefined {
  return framework.byRef.get(f.indicator.toUpperCase())?.measures.find((m) => m.id === f.measure);
}

/** Totals whose categories add up to something else (checked only when no category is withheld). */
export function checkCategorySums(figures: Figure[], framework: Framework): Issue[] {
  const byKey = new Map(figures.map((f) => [figureKey(f), f]));
  const issues: Issue[] = [];
  for (const total of figures) {
    const m = measureOf(framework, total);
    if (total.category !== null || total.value === null || !m?.categories || m.categories.addsUpToTotal === false) continue;
    const parts = m.categories.values.map((c) => byKey.get(figureKey({ ...total, category: c.id })));
    const present = parts.filter((p): p is Figure => p !== undefined);
    if (present.some((p) => p.value === null)) continue; // a withheld category: the sum cannot be checked
    const sum = present.reduce((s, p) => s + (p.value ?? 0), 0);
    const complete = present.length === parts.length;
    const wrong = complete ? Math.abs(sum - total.value) > 1e-9 : sum > total.value + 1e-9;
    if (!wrong || present.length === 0) continue;
    const rows = present.map((p) => p.source.row).filter((r) => r !== undefined);
    issues.push(
      issue(
        "categories-do-not-add-up",
        at(total),
        complete
          ? `The ${m.categories.dimension} categories of ${describe(total)} add up to ${sum}, but the total on row ${total.source.row} is ${total.value}.`
          : `The ${m.categories.dimension} categories of ${describe(total)} given so far already add up to ${sum}, more than the total ${total.value}.`,
        {
          ...about(total),
          found: `categories ${sum}, total ${total.value}`,
          expected: `categories adding up to ${total.value}`,
          advice: `Check the total on row ${total.source.row} and the categories on rows ${Math.min(...rows)}-${Math.max(...rows)}.`,
        },
      ),
    );
  }
  return issues;
}

/** Figures larger than the figure the schema says they are part of (same category), within this return. */
export function checkPartsOfWholes(figures: Figure[], framework: Framework): Issue[] {
  const byKey = new Map(figures.map((f) => [figureKey(f), f]));
  const issues: Issue[] = [];
  for (const part of figures) {
    const m = measureOf(framework, part);
    if (!m?.partOf || part.value === null) continue;
    const [ref, measure] = m.partOf.includes("/") ? m.partOf.split("/") : [part.indicator, m.partOf];
    const wholeRef = framework.byRef.get(ref!.toUpperCase())?.ref ?? ref!;
    const whole = byKey.get(figureKey({ indicator: wholeRef, measure: measure!, category: part.category }));
    if (!whole || whole.value === null || part.value <= whole.value) continue;
    const wholeMeasure = measureOf(framework, whole);
    issues.push(
      issue("part-exceeds-whole", at(part), `${describe(part)} is ${part.value}, more than ${describe(whole)} (${whole.value}) on row ${whole.source.row}, which it is part of.`, {
        ...about(part),
        found: String(part.value),
        expected: `at most ${whole.value} (${wholeMeasure?.label ?? whole.measure})`,
      }),
    );
  }
  return issues;
}

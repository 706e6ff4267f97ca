// The rows of the return an agency owes: one per indicator, measure and category it reports (the
// total first, then each category), with words beside each saying what it counts. Pure.
import type { Framework } from "../framework/types.js";
import type { Agency, Measure, Unit } from "../framework/schema.js";
import type { Figure } from "../types.js";

export interface TemplateRow {
  /** The indicator's reference as the framework writes it, e.g. "PM20". */
  indicator: string;
  measure: string;
  /** Category id, or null for the total. */
  category: string | null;
  /** The indicator's title. */
  title: string;
  /** What the row counts, in words: the measure, the category and the measure's definition. */
  definition: string;
  unit: Unit;
  min?: number;
  max?: number;
  /** Last quarter's figure as it passed validation: a number, a symbol such as "[x]", or null when none. */
  previous: number | string | null;
  /** On a total whose categories must add up to it: how many category rows follow it. */
  parts?: number;
}

export const figureKey = (indicator: string, measure: string, category: string | null) => `${indicator.toUpperCase()}|${measure}|${category ?? ""}`;

/** A figure as the agency would have written it: 812, "[x]", "[u] 12". */
export function figureText(f: Pick<Figure, "value" | "symbol">): number | string | null {
  if (f.symbol === "u") return f.value === null ? "[u]" : `[u] ${f.value}`;
  if (f.symbol) return `[${f.symbol}]`;
  return f.value;
}

function describe(m: Measure, category: { id: string; label: string } | null): string {
  const what = category ? `${m.label}: ${category.label}` : m.categories ? `${m.label}: total, all ${m.categories.dimension} categories together` : m.label;
  const definition = m.definition?.trim();
  return definition ? `${what}. ${definition}` : `${what}.`;
}

/** The agency's rows in framework order; `previous` is the agency's figures of the quarter before, if any. */
export function templateRows(framework: Framework, agency: Agency, previous: Figure[] = []): TemplateRow[] {
  const owned = new Set(agency.indicators.map((r) => r.toUpperCase()));
  const before = new Map(previous.map((f) => [figureKey(f.indicator, f.measure, f.category), figureText(f)]));
  const rows: TemplateRow[] = [];
  for (const ind of framework.indicators) {
    if (!owned.has(ind.ref.toUpperCase())) continue;
    for (const m of ind.measures) {
      const categories = [null, ...(m.categories?.values ?? [])];
      for (const c of categories) {
        const row: TemplateRow = {
          indicator: ind.ref,
          measure: m.id,
          category: c?.id ?? null,
          title: ind.title,
          definition: describe(m, c),
          unit: m.unit,
          previous: before.get(figureKey(ind.ref, m.id, c?.id ?? null)) ?? null,
        };
        if (m.min !== undefined) row.min = m.min;
        if (m.max !== undefined) row.max = m.max;
        if (c === null && m.categories && m.categories.addsUpToTotal !== false) row.parts = m.categories.values.length;
        rows.push(row);
      }
    }
  }
  return rows;
}

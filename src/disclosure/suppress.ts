// Cell suppression for one breakdown in one quarter: which of a measure's total and categories to
// withhold so that no small count is shown and none can be worked out from what is shown.
//
// The reader is assumed to know the rule, the total and every category shown, and to subtract
// (total - shown categories = what the withheld ones hold between them). So:
//   - primary: a protected count from 1 to minimum - 1 is withheld; an agency's own [c] is withheld
//     already (its value is unknown, even to darep);
//   - secondary: a total shown with exactly one category withheld gives that category away, and so
//     does a withheld total with every category shown; and withheld categories that together hold
//     fewer than `minimum` (the difference is itself a small number) tell the reader they are all
//     small. Either way the next category is withheld: the smallest one shown, non-zero first
//     (withholding a zero adds nothing to what the withheld cells hold), ties in the framework's
//     order. When no category is left to withhold and one would still be given away, the total is
//     withheld too, even where totals are otherwise shown.
// Categories that do not add up to the total (people counted in several) are protected as if they
// might: the reader cannot tell from the report. A category or total with no figure ([x], [z], no
// return) is taken as known to the reader, the worst case, so it never counts as protection.
// Pure, and the pattern depends only on the quarter's own figures, so every report that shows a
// quarter withholds the same cells of it.

export interface Cell {
  /** Stable within the group: the result key. */
  id: string;
  /** The true figure; null when there is none or it is an agency's [c]. */
  value: number | null;
  /** The agency withheld it ([c]). */
  agencyWithheld: boolean;
}

export interface Breakdown {
  total: Cell | null;
  /** In the framework's order. */
  categories: Cell[];
}

export interface SuppressionRule {
  /** Totals are protected too (applyTo "all"). */
  totals: boolean;
  /** The smallest count shown. */
  minimum: number;
}

/** A count from 1 to minimum - 1: too small to show. */
export function isSmall(value: number | null, minimum: number): boolean {
  return value !== null && value >= 1 && value < minimum;
}

/** The ids to withhold (the agency's own [c] included). */
export function suppress(b: Breakdown, rule: SuppressionRule): Set<string> {
  const withheld = new Set<string>();
  const all = b.total ? [b.total, ...b.categories] : b.categories;
  for (const c of all) if (c.agencyWithheld) withheld.add(c.id);
  for (const c of b.categories) if (isSmall(c.value, rule.minimum)) withheld.add(c.id);
  if (b.total && rule.totals && isSmall(b.total.value, rule.minimum)) withheld.add(b.total.id);

  for (;;) {
    const need = giveaway(b, withheld, rule.minimum);
    if (need === "none") return withheld;
    const next = nextCategory(b.categories, withheld);
    if (next) withheld.add(next.id);
    else if (b.total && need === "category" && !withheld.has(b.total.id)) withheld.add(b.total.id);
    else return withheld;
  }
}

/**
 * Whether what is shown still gives a withheld cell away: "category" when a category can be worked
 * out (or the withheld ones are shown to hold a small number), "total" when a withheld total can.
 */
function giveaway(b: Breakdown, withheld: ReadonlySet<string>, minimum: number): "none" | "category" | "total" {
  // With no total on show there is nothing to subtract from; but a withheld total is the sum of
  // the categories, if they add up.
  const hidden = b.categories.filter((c) => withheld.has(c.id));
  if (!b.total) return "none";
  if (withheld.has(b.total.id)) return hidden.length === 0 && b.categories.length > 0 ? "total" : "none";
  if (b.total.value === null) return "none";
  if (hidden.length === 0) return "none";
  if (hidden.length === 1) return "category";
  const shownSum = b.categories.filter((c) => !withheld.has(c.id)).reduce((s, c) => s + (c.value ?? 0), 0);
  const between = b.total.value - shownSum;
  // A negative difference says the categories do not add up: it bounds nothing.
  return between >= 0 && between < minimum && hidden.length < b.categories.length ? "category" : "none";
}

function nextCategory(categories: readonly Cell[], withheld: ReadonlySet<string>): Cell | null {
  const open = categories.filter((c) => !withheld.has(c.id) && c.value !== null);
  const nonZero = open.filter((c) => c.value !== 0);
  const pool = nonZero.length ? nonZero : open;
  let best: Cell | null = null;
  for (const c of pool) if (!best || c.value! < best.value!) best = c;
  return best;
}

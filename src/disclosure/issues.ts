// Findings about the returns, as published: a finding that quotes a protected measure's figures
// ("fell from 12 to 3", "add up to 5, but the total is 10") has its words replaced by the code's
// title and its found and expected values dropped; where it is (file, row, cell) is kept for the
// chase list. Findings about a value that was refused (blank, negative, not a number) quote no
// figure that is used, and stay as they are.
import { CATALOGUE, type IssueCode } from "../issues/catalogue.js";
import type { Report } from "../report-contract/schema.js";
import { WHY } from "./words.js";

type IssueJson = Report["warnings"][number];

/** The codes whose words quote figures from a return. */
export const QUOTES_FIGURES: ReadonlySet<string> = new Set(["sudden-change", "categories-do-not-add-up", "part-exceeds-whole", "year-to-date-fell"]);

/**
 * Whether a finding quotes a small count (1 to minimum - 1). Its indicator's reference, financial years
 * and quarters are not figures; anything else that reads as a number is taken as one, so that a doubt
 * withholds rather than publishes. This also covers figures the report never used (a measure invalid
 * this quarter has no published history, so nothing marks it as protected).
 */
export function quotesSmallCount(i: IssueJson, minimum: number): boolean {
  const words = `${i.message} ${i.found ?? ""} ${i.expected ?? ""}`
    .replaceAll(i.indicator ?? "\u0000", " ")
    .replace(/\b\d{4}-\d{2}\b/g, " ")
    .replace(/\bQ[1-4]\b/g, " ")
    .replace(/\b\d+-fold\b/g, " ");
  return [...words.matchAll(/\d+(?:[.,]\d+)?/g)].some((m) => {
    const n = Number(m[0].replace(",", "."));
    return n >= 1 && n < minimum;
  });
}

/**
 * A finding as published. `protectedMeasures` holds "PM7/attendances" for every measure with a count
 * withheld or rounded; `minimum` is the policy's smallest count shown (null: no protection).
 */
export function protectIssue(i: IssueJson, protectedMeasures: ReadonlySet<string>, minimum: number | null = null): IssueJson {
  if (!i.indicator || !QUOTES_FIGURES.has(i.code) || minimum === null) return i;
  const ref = i.indicator.toUpperCase();
  const hit = i.measure ? protectedMeasures.has(`${ref}/${i.measure}`) : [...protectedMeasures].some((m) => m.startsWith(`${ref}/`));
  if (!(hit || quotesSmallCount(i, minimum)) || !/\d/.test(`${i.message} ${i.found ?? ""} ${i.expected ?? ""}`)) return i;
  const { found: _found, expected: _expected, ...rest } = i;
  const title = i.code in CATALOGUE ? CATALOGUE[i.code as IssueCode].title : i.code;
  const what = `${i.indicator}${i.measure ? ` ${i.measure}` : ""}${i.category ? ` (${i.category})` : ""}`;
  return { ...rest, message: `${what}: ${title.toLowerCase()}; the figures it quotes are withheld ${WHY} (the agency's return and the analyst's unprotected copy have them).` };
}

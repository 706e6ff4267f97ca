// Findings about the returns, as published: a finding that quotes a protected measure's figures
// ("fell from 12 to 3", "add up to 5, but the total is 10") has its words replaced by the code's
// title and its found and expected values dropped; where it is (file, row, cell) is kept for the
// chase list. Findings about a value that was refused (blank, negative, not a number) quote no
// figure that is used, and stay as they are.
import { CATALOGUE, type IssueCode } from "../issues/catalogue.js";
import type { Report } from "../report-contract/schema.js";
import { WHY } from "./words.js";

type IssueJson = Report["warnings"][number];

/** The codes whose words quote figures darep accepted. */
export const QUOTES_FIGURES: ReadonlySet<string> = new Set(["sudden-change", "categories-do-not-add-up", "part-exceeds-whole"]);

/** `protectedMeasures` holds "PM7/attendances" for every measure with a count withheld or rounded. */
export function protectIssue(i: IssueJson, protectedMeasures: ReadonlySet<string>): IssueJson {
  if (!i.indicator || !QUOTES_FIGURES.has(i.code)) return i;
  const ref = i.indicator.toUpperCase();
  const hit = i.measure ? protectedMeasures.has(`${ref}/${i.measure}`) : [...protectedMeasures].some((m) => m.startsWith(`${ref}/`));
  if (!hit || !/\d/.test(`${i.message} ${i.found ?? ""} ${i.expected ?? ""}`)) return i;
  const { found: _found, expected: _expected, ...rest } = i;
  const title = i.code in CATALOGUE ? CATALOGUE[i.code as IssueCode].title : i.code;
  const what = `${i.indicator}${i.measure ? ` ${i.measure}` : ""}${i.category ? ` (${i.category})` : ""}`;
  return { ...rest, message: `${what}: ${title.toLowerCase()}; the figures it quotes are withheld ${WHY} (the agency's return and the analyst's unprotected copy have them).` };
}

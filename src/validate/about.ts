// An XLSX return's optional About sheet must agree with the file's place: the same agency and period.
import type { Agency } from "../framework/schema.js";
import { issue, quote } from "../issues/catalogue.js";
import type { Issue, Period, RawTable } from "../types.js";

/**
 * "2025-26 Q2", "Q2 2025-26", "2025/26 q2", "2025-2026 Quarter 2" -> "2025-26 Q2"; null when it names
 * no quarter. The second year may be written in full; only its last two digits are compared.
 */
export function periodOf(text: string): string | null {
  const year = /(\d{4})\s*[-/\u2013]\s*(\d{2}(?:\d{2})?)(?!\d)/.exec(text);
  const quarter = /\bQ(?:uarter)?\s*([1-4])\b/i.exec(text);
  return year && quarter ? `${year[1]}-${year[2]!.slice(-2)} Q${quarter[1]}` : null;
}

export function checkAbout(table: RawTable, agency: Agency, period: Period): Issue[] {
  const about = table.about;
  if (!about) return [];
  const where = { file: table.file, sheet: "About" };
  const issues: Issue[] = [];
  const named = about.agency?.trim();
  if (named && ![agency.id, agency.name].some((a) => a.toLowerCase() === named.toLowerCase()))
    issues.push(
      issue("about-mismatch", { ...where, column: "agency" }, `The About sheet names the agency '${quote(named)}', but the file is ${agency.id}'s return.`, {
        found: quote(named),
        expected: `${agency.id} or ${agency.name}`,
      }),
    );
  const said = about.period?.trim();
  const place = `${period.year} ${period.quarter}`;
  if (said && periodOf(said) !== place)
    issues.push(
      issue("about-mismatch", { ...where, column: "period" }, `The About sheet says the period is '${quote(said)}', but the file is in the folder for ${place}.`, {
        found: quote(said),
        expected: place,
      }),
    );
  return issues;
}

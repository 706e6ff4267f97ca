// The names of files that leave darep (an emailed PDF, an export): they carry the partnership, the
// year and the quarter, so that a board member's downloads folder never holds two "exception-report.pdf".
import type { Period } from "../types.js";

/** "Doncaster Domestic Abuse Partnership" -> "doncaster-domestic-abuse-partnership". */
export function slugOf(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug || "partnership";
}

/** "<partnership>-<year>-<quarter>", e.g. "doncaster-domestic-abuse-partnership-2026-27-q2". */
export function fileStem(partnership: string, period: Period): string {
  return `${slugOf(partnership)}-${period.year}-${period.quarter.toLowerCase()}`;
}

// Financial years and quarters: naming, ordering, dates. Pure: "today" is always an argument.
import type { Period, QuarterName } from "../types.js";
import { MONTH_NAMES } from "../words/index.js";

export const QUARTERS: readonly QuarterName[] = ["Q1", "Q2", "Q3", "Q4"];

const MONTHS = MONTH_NAMES;

/** The label of the financial year that starts in calendar year `startYear`, e.g. 2025 -> "2025-26". */
export function yearLabel(startYear: number): string {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, "0")}`;
}

/** The calendar year a financial-year label starts in: "2025-26" -> 2025. */
export function startYearOf(year: string): number {
  return Number(year.slice(0, 4));
}

export function isYearLabel(s: string): boolean {
  const m = /^(\d{4})-(\d{2})$/.exec(s);
  return m !== null && (Number(m[1]) + 1) % 100 === Number(m[2]);
}

export function isQuarterName(s: string): s is QuarterName {
  return (QUARTERS as readonly string[]).includes(s);
}

/** A sortable number: quarters since year 0. */
export function ordinal(p: Period): number {
  return startYearOf(p.year) * 4 + QUARTERS.indexOf(p.quarter);
}

export function fromOrdinal(n: number): Period {
  return { year: yearLabel(Math.floor(n / 4)), quarter: QUARTERS[n % 4]! };
}

export function shift(p: Period, quarters: number): Period {
  return fromOrdinal(ordinal(p) + quarters);
}

export const previousQuarter = (p: Period): Period => shift(p, -1);
export const sameQuarterLastYear = (p: Period): Period => shift(p, -4);

export function periodKey(p: Period): string {
  return `${p.year} ${p.quarter}`;
}

export function comparePeriods(a: Period, b: Period): number {
  return ordinal(a) - ordinal(b);
}

/** First and last day of a quarter as ISO dates, for a year starting in `startMonth` (1-12). */
export function quarterDates(p: Period, startMonth = 4): { start: string; end: string; label: string } {
  const first = startMonth - 1 + QUARTERS.indexOf(p.quarter) * 3; // months since January of the start year
  const y0 = startYearOf(p.year) + Math.floor(first / 12);
  const m0 = first % 12;
  const lastIdx = first + 2;
  const y1 = startYearOf(p.year) + Math.floor(lastIdx / 12);
  const m1 = lastIdx % 12;
  const endDay = new Date(Date.UTC(y1, m1 + 1, 0)).getUTCDate();
  const iso = (y: number, m: number, d: number) => `${y}-${String(m + 1).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  const label = y0 === y1 ? `${MONTHS[m0]} to ${MONTHS[m1]} ${y1}` : `${MONTHS[m0]} ${y0} to ${MONTHS[m1]} ${y1}`;
  return { start: iso(y0, m0, 1), end: iso(y1, m1, endDay), label };
}

/** The financial-year period a calendar date (ISO yyyy-mm-dd) falls in. */
export function periodOfDate(isoDate: string, startMonth = 4): Period {
  const y = Number(isoDate.slice(0, 4));
  const m = Number(isoDate.slice(5, 7)) - 1;
  const sinceStart = (m - (startMonth - 1) + 12) % 12;
  const startYear = m >= startMonth - 1 ? y : y - 1;
  return { year: yearLabel(startYear), quarter: QUARTERS[Math.floor(sinceStart / 3)]! };
}

/**
 * `darep build Q2` means the most recent Q2 that has ended by `today` (ISO date):
 * in November 2026 that is 2026-27 Q2; in August 2026 it is 2025-26 Q2.
 */
export function latestEnded(quarter: QuarterName, today: string, startMonth = 4): Period {
  const current = periodOfDate(today, startMonth);
  let p: Period = { year: current.year, quarter };
  if (ordinal(p) >= ordinal(current)) p = shift(p, -4);
  return p;
}

/** Every period from `from` to `to`, inclusive, in order. */
export function periodsBetween(from: Period, to: Period): Period[] {
  const out: Period[] = [];
  for (let n = ordinal(from); n <= ordinal(to); n++) out.push(fromOrdinal(n));
  return out;
}

/** Quarters of the financial year up to and including p: Q2 -> [Q1, Q2]. */
export function yearToDate(p: Period): Period[] {
  return QUARTERS.slice(0, QUARTERS.indexOf(p.quarter) + 1).map((q) => ({ year: p.year, quarter: q }));
}

/** Parse "Q2", "2025-26 Q2", "2025-26/Q2" or "2025-26-Q2" into parts; null when it is none of them. */
export function parsePeriodArg(s: string): { year?: string; quarter: QuarterName } | null {
  const m = /^(?:(\d{4}-\d{2})[\s/_-]?)?(q[1-4])$/i.exec(s.trim());
  if (!m) return null;
  const quarter = m[2]!.toUpperCase() as QuarterName;
  if (m[1] && !isYearLabel(m[1])) return null;
  return m[1] ? { year: m[1], quarter } : { quarter };
}

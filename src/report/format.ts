// Numbers, changes, dates and quarters as the board reads them: "1,234", "45%", "up 13 (11%)",
// "30 September 2026", "Q3 2023-24". Written by hand, not with Intl, so the words never depend on
// the machine's locale or time-zone data (two builds on two machines give the same page).
import type { Result } from "../report-contract/schema.js";
import { formatNumber } from "../trends/words.js";

export type Unit = Result["unit"];

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

// One number formatter for the sentences (trends) and the tables (here), so the two always agree.
export { formatNumber };

/** A figure with its unit: "1,234", "45%", "12.5 days"; "no figure" when there is none. */
export function formatFigure(n: number | null, unit: Unit): string {
  if (n === null) return "no figure";
  if (unit === "percent") return `${formatNumber(n, 1)}%`;
  if (unit === "days") return `${formatNumber(n, 1)} ${n === 1 ? "day" : "days"}`;
  return formatNumber(n, 2);
}

/** A figure without its unit word, for chart axes and labels: "45%", "1,234", "12.5". */
export function formatTick(n: number, unit: Unit): string {
  return unit === "percent" ? `${formatNumber(n, 1)}%` : formatNumber(n, 2);
}

/**
 * A change in words: "up 13 (11%)", "down 4.5 percentage points", "from 0 to 12", "no change";
 * "not known" when one side has no figure. A percentage of a percentage would mislead, so a
 * percent measure moves in points.
 */
export function formatChange(change: number | null, changePercent: number | null, from: number | null, to: number | null, unit: Unit): string {
  if (change === null || from === null || to === null) return "not known";
  if (change === 0) return "no change";
  const way = change > 0 ? "up" : "down";
  const size = Math.abs(change);
  if (unit === "percent") return `${way} ${formatNumber(size, 1)} ${size === 1 ? "percentage point" : "percentage points"}`;
  if (changePercent === null) return `from ${formatFigure(from, unit)} to ${formatFigure(to, unit)}`;
  const amount = unit === "days" ? formatFigure(size, unit) : formatNumber(size, 2);
  return `${way} ${amount} (${formatNumber(Math.abs(changePercent), 1)}%)`;
}

/** "2026-09-30" (or a timestamp's date part) -> "30 September 2026"; the text itself when it is not a date. */
export function dateInWords(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!m || !month) return iso;
  return `${Number(m[3])} ${month} ${m[1]}`;
}

/** The last Sunday of a month (0-11) of a year, as a day of the month. */
function lastSunday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0));
  return last.getUTCDate() - last.getUTCDay();
}

/**
 * A timestamp in UK time, which the board lives in: British Summer Time runs from 01:00 UTC on the
 * last Sunday of March to 01:00 UTC on the last Sunday of October.
 */
export function ukTime(iso: string): { date: string; time: string; zone: "GMT" | "BST" } | null {
  const t = Date.parse(iso);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(iso) || Number.isNaN(t)) return null;
  const y = new Date(t).getUTCFullYear();
  const bstStart = Date.UTC(y, 2, lastSunday(y, 2), 1);
  const bstEnd = Date.UTC(y, 9, lastSunday(y, 9), 1);
  const summer = t >= bstStart && t < bstEnd;
  const local = new Date(t + (summer ? 3_600_000 : 0)).toISOString();
  return { date: dateInWords(local), time: local.slice(11, 16), zone: summer ? "BST" : "GMT" };
}

/** "14 October 2026"; a plain date is kept as it is. */
export function dayOf(iso: string): string {
  return ukTime(iso)?.date ?? dateInWords(iso);
}

/** "14 October 2026 at 09:12 BST". */
export function momentOf(iso: string): string {
  const t = ukTime(iso);
  return t ? `${t.date} at ${t.time} ${t.zone}` : dateInWords(iso);
}

/** "Q3 2023-24". */
export function quarterLong(p: { year: string; quarter: string }): string {
  return `${p.quarter} ${p.year}`;
}

/** "Quarter 2". */
export function quarterWord(quarter: string): string {
  return `Quarter ${quarter.slice(1)}`;
}

/** "23/24" from "2023-24", for the chart's axis; the label itself when it is not a year. */
export function yearShort(year: string): string {
  const m = /^\d{2}(\d{2})-(\d{2})$/.exec(year);
  return m ? `${m[1]}/${m[2]}` : year;
}

/** "A", "A and B", "A, B and C". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** "1 error", "3 errors". */
export function countWords(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n, 0)} ${n === 1 ? one : many}`;
}

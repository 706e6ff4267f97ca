// A figure with its unit and a change between two figures, in the same words in the sentences and
// in the tables: "45.5%", "12.3 days", "up 6.8%", "down 4.5 percentage points".
import type { Unit } from "../framework/schema.js";
import { formatNumber } from "./numbers.js";

/** Decimals shown per unit: one rounding for the sentences, the tables and the charts. */
const PLACES: Record<Unit, number> = { count: 2, percent: 1, rate: 2, days: 1, amount: 2 };

/** A figure as the board reads it: "1,234", "45.5%", "12.3 days", "1 day". */
export function formatValue(n: number, unit: Unit): string {
  const text = formatNumber(n, PLACES[unit]);
  if (unit === "percent") return `${text}%`;
  if (unit === "days") return `${text} ${text === "1" ? "day" : "days"}`;
  return text;
}

/** formatValue, or "no figure" when there is none. */
export function formatFigure(n: number | null, unit: Unit): string {
  return n === null ? "no figure" : formatValue(n, unit);
}

/** A figure without its unit word, for chart axes and labels: "45%", "1,234", "12.5". */
export function formatTick(n: number, unit: Unit): string {
  return unit === "percent" ? `${formatNumber(n, 1)}%` : formatNumber(n, PLACES[unit]);
}

/**
 * A computed mean or process limit, as the sentences, the charts and their text alternatives all
 * say it: one decimal ("161.4", "45.5%"), whatever the unit's own decimals.
 */
export function formatLimit(n: number, unit: Unit): string {
  return unit === "percent" ? `${formatNumber(n, 1)}%` : formatNumber(n, 1);
}

const points = (size: number) => `${formatNumber(size, 1)} ${formatNumber(size, 1) === "1" ? "percentage point" : "percentage points"}`;

/**
 * A change as a sentence puts it in brackets: "up 6.8%", or for a percentage measure "up 5
 * percentage points" (a percentage of a percentage would mislead); "" when there is no change or it
 * cannot be said (no figure, or a change from 0).
 */
export function changeInBrief(change: number | null, changePercent: number | null, unit: Unit): string {
  if (change === null || change === 0) return "";
  const way = change > 0 ? "up" : "down";
  if (unit === "percent") return `${way} ${points(Math.abs(change))}`;
  if (changePercent === null) return "";
  return `${way} ${formatNumber(Math.abs(changePercent), 1)}%`;
}

/**
 * A change as a table cell says it: "up 13 (11%)", "down 4.5 percentage points", "from 0 to 12",
 * "no change"; "not known" when one side has no figure.
 */
export function formatChange(change: number | null, changePercent: number | null, from: number | null, to: number | null, unit: Unit): string {
  if (change === null || from === null || to === null) return "not known";
  if (change === 0) return "no change";
  const way = change > 0 ? "up" : "down";
  const size = Math.abs(change);
  if (unit === "percent") return `${way} ${points(size)}`;
  if (changePercent === null) return `from ${formatFigure(from, unit)} to ${formatFigure(to, unit)}`;
  const amount = unit === "days" ? formatValue(size, unit) : formatNumber(size, 2);
  return `${way} ${amount} (${formatNumber(Math.abs(changePercent), 1)}%)`;
}

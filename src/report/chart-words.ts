// A trend chart's text alternative, in the words a board member would use: "Repeat referrals,
// 12 quarters from Q3 2023-24 to Q2 2026-27: rose from 98 to 131; the latest is above the upper
// process limit of 125."
import type { Result } from "../report-contract/schema.js";
import { concernPoints, referenceLines } from "./chart-lines.js";
import { COMPARISON_WORDS, formatFigure, formatLimit, formatTick, listWords, targetNoun } from "../words/index.js";
import { meets } from "../framework/target-rule.js";
import { quarterLong } from "./format.js";

export function chartSubject(result: Result): string {
  return result.categoryLabel ? `${result.measureLabel}: ${result.categoryLabel}` : result.measureLabel;
}

function movement(result: Result): string {
  const h = result.history;
  const valued = h.map((p, i) => ({ p, i })).filter(({ p }) => p.value !== null);
  const first = valued[0];
  const last = valued[valued.length - 1];
  if (!first || !last) return "no figures are on record";
  const fig = (v: number | null) => formatFigure(v, result.unit);
  if (first === last) return `one figure on record, ${fig(first.p.value)} in ${quarterLong(first.p)}`;
  const a = first.p.value!;
  const b = last.p.value!;
  const verb = b > a ? `rose from ${fig(a)} to ${fig(b)}` : b < a ? `fell from ${fig(a)} to ${fig(b)}` : `was ${fig(a)} at the start and is ${fig(b)} now`;
  if (last.i === h.length - 1) return verb;
  return `${verb} in ${quarterLong(last.p)}; there is no figure for the latest quarter`;
}

function gaps(result: Result): string {
  const earlier = result.history.slice(0, -1);
  // A withheld ([c]) quarter is said as such: "no figure" would read as a return not sent.
  const said = (points: typeof earlier, words: string) => {
    if (points.length === 0) return "";
    return points.length > 3 ? `; ${words} for ${points.length} quarters` : `; ${words} for ${listWords(points.map(quarterLong))}`;
  };
  return (
    said(
      earlier.filter((p) => p.value === null && p.symbol !== "c"),
      "no figure",
    ) +
    said(
      earlier.filter((p) => p.value === null && p.symbol === "c"),
      "withheld",
    )
  );
}

function limitsAndTarget(result: Result): string {
  const lines = referenceLines(result);
  const latest = result.history[result.history.length - 1]?.value ?? null;
  const tick = (v: number) => formatLimit(v, result.unit);
  const parts: string[] = [];
  const kind = lines.provisional ? "provisional process limit" : "process limit";
  if (latest !== null && (lines.upper !== null || lines.lower !== null)) {
    if (lines.upper !== null && latest > lines.upper) parts.push(`the latest is above the upper ${kind} of ${tick(lines.upper)}`);
    else if (lines.lower !== null && latest < lines.lower) parts.push(`the latest is below the lower ${kind} of ${tick(lines.lower)}`);
    else if (lines.upper !== null && lines.lower !== null) parts.push(`the latest is within the ${kind}s of ${tick(lines.lower)} to ${tick(lines.upper)}`);
    else if (lines.upper !== null) parts.push(`the latest is below the upper ${kind} of ${tick(lines.upper)}`);
    else parts.push(`the latest is above the lower ${kind} of ${tick(lines.lower!)}`);
  }
  const marked = [...concernPoints(result)].sort((a, b) => a - b);
  const from = result.history[marked[0] ?? -1];
  const to = result.history[marked[marked.length - 1] ?? -1];
  if (from && to && marked.length > 1) parts.push(`the quarters from ${quarterLong(from)} to ${quarterLong(to)} are marked as a pattern of concern`);
  if (lines.target) {
    const t = lines.target;
    const met = latest === null ? null : meets(latest, t.value, t.comparison);
    const side = met === null ? "" : met ? ", and the latest meets it" : targetNoun(t.comparison) === "target" ? ", and the latest falls short of it" : ", and the latest is over it";
    parts.push(
      `the ${result.frequency === "annual" ? "year" : result.frequency === "six-monthly" ? "half-year" : "quarter"}'s target is ${COMPARISON_WORDS[t.comparison]} ${formatTick(t.value, result.unit)}${side}`,
    );
  }
  return parts.map((p) => `; ${p}`).join("");
}

export function describeChart(result: Result): string {
  const h = result.history;
  const first = h[0];
  const last = h[h.length - 1];
  if (!first || !last) return `${chartSubject(result)}: no quarters on record.`;
  const span = h.length === 1 ? `1 quarter, ${quarterLong(first)}` : `${h.length} quarters from ${quarterLong(first)} to ${quarterLong(last)}`;
  return `${chartSubject(result)}, ${span}: ${movement(result)}${gaps(result)}${limitsAndTarget(result)}.`;
}

// A small trend chart of every quarter on record, drawn as inline SVG by string: no chart library,
// no script, nothing fetched. Gaps break the line (a missing quarter is never drawn as zero); the
// mean and process limits appear where they were computed, over each baseline's own quarters, with
// a rebase marked; the target where there is one; the latest point has its own shape, and a key
// names every kind of mark drawn. Labels are placed so that none overlaps another (a test checks).
// Every piece of report text is escaped; the output depends only on the result.
import type { Result } from "../report-contract/schema.js";
import { escapeXml, formatLimit, formatTick } from "../words/index.js";
import { chartKey, type KeyMark, MARK_COLOUR as COLOUR, textBox } from "./chart-key.js";
import { concernPoints, referenceLines } from "./chart-lines.js";
import { niceScale } from "./chart-scale.js";
import { describeChart } from "./chart-words.js";
import { yearShort } from "./format.js";

export interface TrendChart {
  svg: string;
  /** The text alternative: what the chart shows, in words. */
  description: string;
}

const W = 400;
const PLOT = { left: 42, right: W - 76, top: 12, bottom: 144 };
const INSET = 8;
const GRID = "#dddddd";

const n1 = (v: number) => (Math.round(v * 10) / 10).toFixed(1).replace(/\.0$/, "");

function text(x: number, y: number, s: string, attrs = ""): string {
  return `<text x="${n1(x)}" y="${n1(y)}"${attrs ? ` ${attrs}` : ""}>${escapeXml(s)}</text>`;
}

/** Spread right-hand labels so that none overlaps the next (at least `gap` apart), keeping their order. */
function spread(labels: { y: number; lines: string; colour: string }[], gap = 10): typeof labels {
  const sorted = [...labels].sort((a, b) => a.y - b.y);
  for (let i = 1; i < sorted.length; i++) sorted[i]!.y = Math.max(sorted[i]!.y, sorted[i - 1]!.y + gap);
  const overflow = (sorted[sorted.length - 1]?.y ?? 0) - (PLOT.bottom + 4);
  if (overflow > 0) for (const l of sorted) l.y -= overflow;
  return sorted;
}

/** Of labels along one row (x ascending), those that fit without touching; the last is always kept. */
function thin(items: { x: number; s: string }[], size: number): { x: number; s: string }[] {
  const kept: { x: number; s: string }[] = [];
  const clear = (a: { x: number; s: string }, b: { x: number; s: string }) => textBox(a.x, 0, a.s, size, "middle").x1 + 2 <= textBox(b.x, 0, b.s, size, "middle").x0;
  items.forEach((item, i) => {
    if (i === items.length - 1) while (kept.length && !clear(kept[kept.length - 1]!, item)) kept.pop();
    if (!kept.length || clear(kept[kept.length - 1]!, item)) kept.push(item);
  });
  return kept;
}

export function trendChart(result: Result): TrendChart {
  const description = describeChart(result);
  const h = result.history;
  const lines = referenceLines(result);
  const baselines = result.spc && result.spc.state !== "not-computed" ? (result.spc.baselines ?? []) : [];
  const values = h.flatMap((p) => (p.value === null ? [] : [p.value]));
  const nonNegative = values.length > 0 && values.every((v) => v >= 0);
  const earlier = baselines.slice(0, -1).flatMap((b) => [b.mean, b.upper, b.lower].filter((v): v is number => v !== null && !(nonNegative && v < 0)));
  const refs = [lines.mean, lines.upper, lines.lower, lines.target?.value ?? null, ...earlier].filter((v): v is number => v !== null);
  const scale = niceScale(values.length ? [...values, ...refs] : [0, ...refs]);
  const y = (v: number) => PLOT.bottom - ((v - scale.min) / (scale.max - scale.min)) * (PLOT.bottom - PLOT.top);
  const span = PLOT.right - PLOT.left - 2 * INSET;
  const step = h.length > 1 ? span / (h.length - 1) : 0;
  const x = (i: number) => PLOT.left + INSET + (h.length > 1 ? i * step : span / 2);
  const tick = (v: number) => formatTick(v, result.unit);
  const out: string[] = [];
  const marks = new Set<KeyMark>();

  // Axis: light gridlines at round values, labelled on the left.
  for (const t of scale.ticks) {
    out.push(`<line x1="${PLOT.left}" x2="${PLOT.right}" y1="${n1(y(t))}" y2="${n1(y(t))}" stroke="${GRID}" stroke-width="0.6"/>`);
    out.push(text(PLOT.left - 4, y(t) + 3, tick(t), `text-anchor="end" font-size="9" fill="${COLOUR.axis}"`));
  }
  // Quarters along the bottom, the year under the first quarter and under each Q1; thinned so none touch.
  const every = h.length <= 20 ? 1 : 4;
  const quarters = h.map((p, i) => ({ x: x(i), s: p.quarter, keep: i % every === 0 || p.quarter === "Q1" || i === h.length - 1 })).filter((q) => q.keep);
  for (const q of thin(quarters, 8.5)) out.push(text(q.x, PLOT.bottom + 16, q.s, `text-anchor="middle" font-size="8.5" fill="${COLOUR.axis}"`));
  const years = h.map((p, i) => ({ x: x(i), s: yearShort(p.year), keep: i === 0 || p.quarter === "Q1" })).filter((q) => q.keep);
  // The first year's label gives way to the next year's when they would touch.
  for (const q of thin(years, 8.5)) out.push(text(q.x, PLOT.bottom + 26, q.s, `text-anchor="middle" font-size="8.5" fill="${COLOUR.axis}"`));
  out.push(`<line x1="${PLOT.left}" x2="${PLOT.right}" y1="${PLOT.bottom}" y2="${PLOT.bottom}" stroke="${COLOUR.axis}" stroke-width="0.8"/>`);

  // Baselines: the quarters each one's limits come from, as a bar on the axis; a rebase as a dashed upright.
  const edge = (i: number, side: -1 | 1) => Math.min(PLOT.right, Math.max(PLOT.left, x(i) + (side * (step || span)) / 2));
  baselines.forEach((b, k) => {
    if (b.fixedTo !== null) {
      out.push(`<rect x="${n1(x(b.from) - 2)}" y="${PLOT.bottom + 1}" width="${n1(x(b.fixedTo) - x(b.from) + 4)}" height="3" fill="${COLOUR.baseline}"/>`);
      marks.add("baseline");
    }
    if (k > 0) {
      out.push(`<line x1="${n1(edge(b.from, -1))}" x2="${n1(edge(b.from, -1))}" y1="${PLOT.top}" y2="${PLOT.bottom}" stroke="${COLOUR.axis}" stroke-width="1" stroke-dasharray="2 2"/>`);
      marks.add("rebase");
    }
  });

  // Reference lines, each labelled on the right in words (not told apart by colour alone). With
  // several baselines, each one's lines run over its own quarters; the latest's are labelled.
  const from = baselines.length > 1 ? edge(baselines[baselines.length - 1]!.from, -1) : PLOT.left;
  const labels: { y: number; lines: string; colour: string }[] = [];
  const hline = (v: number, x1: number, x2: number, colour: string, dash: string, width: number) =>
    out.push(`<line x1="${n1(x1)}" x2="${n1(x2)}" y1="${n1(y(v))}" y2="${n1(y(v))}" stroke="${colour}" stroke-width="${width}"${dash ? ` stroke-dasharray="${dash}"` : ""}/>`);
  for (const b of baselines.length > 1 ? baselines.slice(0, -1) : []) {
    const [x1, x2] = [edge(b.from, -1), edge(b.to, 1)];
    if (b.mean !== null) hline(b.mean, x1, x2, COLOUR.mean, "", 0.7);
    for (const v of [b.upper, b.lower]) if (v !== null && !(nonNegative && v < 0)) hline(v, x1, x2, COLOUR.limit, "4 3", 0.7);
  }
  const ref = (v: number, label: string, colour: string, dash: string, width: number, x1 = from) => {
    hline(v, x1, PLOT.right, colour, dash, width);
    labels.push({ y: y(v) + 3, lines: label, colour });
  };
  const prov = lines.provisional ? "*" : "";
  const limit = (v: number) => formatLimit(v, result.unit);
  if (lines.upper !== null) ref(lines.upper, `Upper${prov} ${limit(lines.upper)}`, COLOUR.limit, "4 3", 0.9);
  if (lines.mean !== null) ref(lines.mean, `Mean${prov} ${limit(lines.mean)}`, COLOUR.mean, "", 0.9);
  if (lines.lower !== null) ref(lines.lower, `Lower${prov} ${limit(lines.lower)}`, COLOUR.limit, "4 3", 0.9);
  if (lines.target) ref(lines.target.value, `Target ${tick(lines.target.value)}`, COLOUR.target, "8 2 2 2", 1.4, PLOT.left);
  if (lines.mean !== null) marks.add("mean");
  if (lines.upper !== null || lines.lower !== null) marks.add("limits");
  if (lines.target) marks.add("target");
  for (const l of spread(labels)) out.push(text(PLOT.right + 4, l.y, l.lines, `font-size="8.5" fill="${l.colour}"`));
  if (lines.provisional) marks.add("provisional");

  // The figures: a line broken at every gap, a dot per quarter.
  const segments: string[] = [];
  let pen = "M";
  h.forEach((p, i) => {
    if (p.value === null) {
      pen = "M";
      return;
    }
    segments.push(`${pen}${n1(x(i))} ${n1(y(p.value))}`);
    pen = "L";
  });
  if (segments.length) out.push(`<path d="${segments.join(" ")}" fill="none" stroke="${COLOUR.line}" stroke-width="1.8" stroke-linejoin="round"/>`);
  const concern = concernPoints(result);
  if (concern.size) marks.add("special-cause");
  const last = h.length - 1;
  h.forEach((p, i) => {
    if (p.value === null || i === last) return;
    marks.add("figure");
    if (concern.has(i)) out.push(`<circle cx="${n1(x(i))}" cy="${n1(y(p.value))}" r="5" fill="none" stroke="${COLOUR.concern}" stroke-width="1.4"/>`);
    const hollow = p.symbol === "u";
    out.push(`<circle cx="${n1(x(i))}" cy="${n1(y(p.value))}" r="2.6" fill="${hollow ? "#ffffff" : COLOUR.line}" stroke="${COLOUR.line}" stroke-width="1"/>`);
  });
  // The latest quarter: a larger diamond with its value, on the side its line does not come from.
  const latest = h[last];
  if (latest && latest.value !== null) {
    marks.add("latest");
    const cx = x(last);
    const cy = y(latest.value);
    if (concern.has(last)) out.push(`<circle cx="${n1(cx)}" cy="${n1(cy)}" r="7.5" fill="none" stroke="${COLOUR.concern}" stroke-width="1.4"/>`);
    out.push(`<path d="M${n1(cx)} ${n1(cy - 5.5)} L${n1(cx + 5.5)} ${n1(cy)} L${n1(cx)} ${n1(cy + 5.5)} L${n1(cx - 5.5)} ${n1(cy)} Z" fill="${COLOUR.line}" stroke="#ffffff" stroke-width="1"/>`);
    const before = h[last - 1]?.value ?? null;
    const fromBelow = before === null || before <= latest.value;
    const roomAbove = cy - PLOT.top > 20;
    const roomBelow = PLOT.bottom - cy > 20;
    const above = (fromBelow && roomAbove) || !roomBelow;
    // At the top with its line rising to it: up and to the left of the point, clear of the line.
    const [lx, ly] = !roomAbove && fromBelow ? [cx - 9, cy - 2] : [cx + 4, above ? cy - 10 : cy + 18];
    // A white halo keeps the figure legible where a reference line runs behind it.
    out.push(text(lx, ly, tick(latest.value), `text-anchor="end" font-size="9" font-weight="bold" fill="${COLOUR.line}" stroke="#ffffff" stroke-width="2.5" paint-order="stroke"`));
  } else if (latest) {
    out.push(text(x(last), PLOT.bottom - 4, latest.symbol === "c" ? "withheld" : "no figure", `text-anchor="end" font-size="8.5" fill="${COLOUR.axis}"`));
  }

  const order: KeyMark[] = ["figure", "latest", "special-cause", "mean", "limits", "provisional", "target", "baseline", "rebase"];
  const key = chartKey(
    order.filter((m) => marks.has(m)),
    4,
    PLOT.bottom + 32,
    W - 8,
  );
  const height = Math.ceil(PLOT.bottom + 32 + key.height + 2);
  const svg =
    `<svg class="chart" viewBox="0 0 ${W} ${height}" role="img" aria-label="${escapeXml(description, true)}">` +
    `<title>${escapeXml(description)}</title>${out.join("")}<g class="chart-key" aria-hidden="true">${key.svg}</g></svg>`;
  return { svg, description };
}

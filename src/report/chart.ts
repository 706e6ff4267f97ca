// A small trend chart of every quarter on record, drawn as inline SVG by string: no chart library,
// no script, nothing fetched. Gaps break the line (a missing quarter is never drawn as zero); the
// mean and process limits appear where they were computed, the target where there is one, and
// the latest point has its own shape. Every piece of report text is escaped; the output depends
// only on the result, so two builds give the same bytes.
import type { Result } from "../report-contract/schema.js";
import { concernPoints, referenceLines } from "./chart-lines.js";
import { niceScale } from "./chart-scale.js";
import { describeChart } from "./chart-words.js";
import { escapeXml, formatTick } from "../words/index.js";
import { yearShort } from "./format.js";

export interface TrendChart {
  svg: string;
  /** The text alternative: what the chart shows, in words. */
  description: string;
}

const W = 400;
const H = 176;
const PLOT = { left: 42, right: W - 84, top: 12, bottom: H - 32 };
const INSET = 8;
const COLOUR = { line: "#1f4e79", grid: "#dddddd", axis: "#595959", mean: "#595959", limit: "#595959", target: "#8a4600", concern: "#b34700" };

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

export function trendChart(result: Result): TrendChart {
  const description = describeChart(result);
  const h = result.history;
  const lines = referenceLines(result);
  const values = h.flatMap((p) => (p.value === null ? [] : [p.value]));
  const refs = [lines.mean, lines.upper, lines.lower, lines.target?.value ?? null].filter((v): v is number => v !== null);
  const scale = niceScale(values.length ? [...values, ...refs] : [0, ...refs]);
  const y = (v: number) => PLOT.bottom - ((v - scale.min) / (scale.max - scale.min)) * (PLOT.bottom - PLOT.top);
  const span = PLOT.right - PLOT.left - 2 * INSET;
  const x = (i: number) => PLOT.left + INSET + (h.length > 1 ? (i * span) / (h.length - 1) : span / 2);
  const tick = (v: number) => formatTick(v, result.unit);
  const out: string[] = [];

  // Axis: light gridlines at round values, labelled on the left.
  for (const t of scale.ticks) {
    out.push(`<line x1="${PLOT.left}" x2="${PLOT.right}" y1="${n1(y(t))}" y2="${n1(y(t))}" stroke="${COLOUR.grid}" stroke-width="0.6"/>`);
    out.push(text(PLOT.left - 4, y(t) + 3, tick(t), `text-anchor="end" font-size="9" fill="${COLOUR.axis}"`));
  }
  // Quarters along the bottom, with the year under the first quarter and under each Q1.
  const every = h.length <= 20 ? 1 : 4;
  h.forEach((p, i) => {
    const labelled = i % every === 0 || p.quarter === "Q1" || i === h.length - 1;
    // Low enough that the ring round a latest figure sitting on the axis does not cover its quarter.
    if (labelled) out.push(text(x(i), PLOT.bottom + 16, p.quarter, `text-anchor="middle" font-size="8.5" fill="${COLOUR.axis}"`));
    if (i === 0 || p.quarter === "Q1") out.push(text(x(i), PLOT.bottom + 26, yearShort(p.year), `text-anchor="middle" font-size="8.5" fill="${COLOUR.axis}"`));
  });
  out.push(`<line x1="${PLOT.left}" x2="${PLOT.right}" y1="${PLOT.bottom}" y2="${PLOT.bottom}" stroke="${COLOUR.axis}" stroke-width="0.8"/>`);

  // Reference lines, each labelled on the right in words (not told apart by colour alone).
  const labels: { y: number; lines: string; colour: string }[] = [];
  const ref = (v: number, label: string, colour: string, dash: string, width: number) => {
    const dashAttr = dash ? ` stroke-dasharray="${dash}"` : "";
    out.push(`<line x1="${PLOT.left}" x2="${PLOT.right}" y1="${n1(y(v))}" y2="${n1(y(v))}" stroke="${colour}" stroke-width="${width}"${dashAttr}/>`);
    labels.push({ y: y(v) + 3, lines: `${label} ${tick(v)}`, colour });
  };
  const prov = lines.provisional ? "*" : "";
  if (lines.upper !== null) ref(lines.upper, `Upper limit${prov}`, COLOUR.limit, "4 3", 0.9);
  if (lines.mean !== null) ref(lines.mean, `Mean${prov}`, COLOUR.mean, "", 0.9);
  if (lines.lower !== null) ref(lines.lower, `Lower limit${prov}`, COLOUR.limit, "4 3", 0.9);
  if (lines.target) ref(lines.target.value, "Target", COLOUR.target, "8 2 2 2", 1.4);
  for (const l of spread(labels)) out.push(text(PLOT.right + 4, l.y, l.lines, `font-size="8.5" fill="${l.colour}"`));
  if (lines.provisional) out.push(text(PLOT.left, PLOT.top - 3, "* provisional: fewer quarters than the framework asks for", `font-size="8" fill="${COLOUR.axis}"`));

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
  const last = h.length - 1;
  h.forEach((p, i) => {
    if (p.value === null || i === last) return;
    if (concern.has(i)) out.push(`<circle cx="${n1(x(i))}" cy="${n1(y(p.value))}" r="5" fill="none" stroke="${COLOUR.concern}" stroke-width="1.4"/>`);
    const hollow = p.symbol === "u";
    out.push(`<circle cx="${n1(x(i))}" cy="${n1(y(p.value))}" r="2.6" fill="${hollow ? "#ffffff" : COLOUR.line}" stroke="${COLOUR.line}" stroke-width="1"/>`);
  });
  // The latest quarter: a larger diamond with its value, or a note that it has no figure.
  const latest = h[last];
  if (latest && latest.value !== null) {
    const cx = x(last);
    const cy = y(latest.value);
    if (concern.has(last)) out.push(`<circle cx="${n1(cx)}" cy="${n1(cy)}" r="7.5" fill="none" stroke="${COLOUR.concern}" stroke-width="1.4"/>`);
    out.push(`<path d="M${n1(cx)} ${n1(cy - 5.5)} L${n1(cx + 5.5)} ${n1(cy)} L${n1(cx)} ${n1(cy + 5.5)} L${n1(cx - 5.5)} ${n1(cy)} Z" fill="${COLOUR.line}" stroke="#ffffff" stroke-width="1"/>`);
    const above = cy - PLOT.top > 16;
    out.push(text(cx, above ? cy - 9 : cy + 16, tick(latest.value), `text-anchor="end" font-size="9" font-weight="bold" fill="${COLOUR.line}"`));
  } else if (latest) {
    out.push(text(x(last), PLOT.bottom - 4, latest.symbol === "c" ? "withheld" : "no figure", `text-anchor="end" font-size="8.5" fill="${COLOUR.axis}"`));
  }

  const svg =
    `<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeXml(description, true)}">` +
    `<title>${escapeXml(description)}</title>${out.join("")}</svg>`;
  return { svg, description };
}

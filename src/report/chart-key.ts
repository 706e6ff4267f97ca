// A trend chart's key: one entry for every kind of mark the chart draws (the figures, the latest,
// special cause, mean, limits, target, the baseline quarters, a rebase), laid out in rows along its
// foot. Also the approximate box of an SVG text, shared with the test that no two labels overlap.
import { escapeXml } from "../words/index.js";

export type KeyMark = "figure" | "latest" | "special-cause" | "mean" | "limits" | "provisional" | "target" | "baseline" | "rebase";

export const MARK_COLOUR = { line: "#1f4e79", mean: "#595959", limit: "#595959", target: "#8a4600", concern: "#b34700", baseline: "#9ecae1", axis: "#595959" } as const;

const WORDS: Record<KeyMark, string> = {
  figure: "Each quarter",
  latest: "Latest",
  "special-cause": "Special cause of concern",
  mean: "Mean",
  limits: "Process limits (usual range)",
  provisional: "Provisional: fewer quarters than the framework asks for",
  target: "Target",
  baseline: "Quarters the limits come from",
  rebase: "New baseline",
};

/** Average glyph width as a share of the font size: generous for Arial and DejaVu digits and letters. */
const GLYPH = 0.58;

/** The box an SVG <text> takes, approximated by its characters times its font size. */
export function textBox(x: number, y: number, s: string, size: number, anchor: "start" | "middle" | "end" = "start"): { x0: number; x1: number; y0: number; y1: number } {
  const w = s.length * size * GLYPH;
  const x0 = anchor === "start" ? x : anchor === "middle" ? x - w / 2 : x - w;
  return { x0, x1: x0 + w, y0: y - size * 0.8, y1: y + size * 0.2 };
}

const n1 = (v: number) => (Math.round(v * 10) / 10).toFixed(1).replace(/\.0$/, "");

function glyph(mark: KeyMark, x: number, y: number): string {
  const c = MARK_COLOUR;
  const line = (colour: string, dash: string, width: number) =>
    `<line x1="${n1(x)}" x2="${n1(x + 12)}" y1="${n1(y)}" y2="${n1(y)}" stroke="${colour}" stroke-width="${width}"${dash ? ` stroke-dasharray="${dash}"` : ""}/>`;
  switch (mark) {
    case "figure":
      return `<circle cx="${n1(x + 6)}" cy="${n1(y)}" r="2.6" fill="${c.line}"/>`;
    case "latest":
      return `<path d="M${n1(x + 6)} ${n1(y - 4)} L${n1(x + 10)} ${n1(y)} L${n1(x + 6)} ${n1(y + 4)} L${n1(x + 2)} ${n1(y)} Z" fill="${c.line}"/>`;
    case "special-cause":
      return `<circle cx="${n1(x + 6)}" cy="${n1(y)}" r="4" fill="none" stroke="${c.concern}" stroke-width="1.4"/>`;
    case "mean":
      return line(c.mean, "", 0.9);
    case "limits":
      return line(c.limit, "4 3", 0.9);
    case "target":
      return line(c.target, "8 2 2 2", 1.4);
    case "provisional":
      return `<text x="${n1(x + 4)}" y="${n1(y + 3)}" font-size="${KEY_SIZE}" fill="${c.axis}">*</text>`;
    case "baseline":
      return `<rect x="${n1(x)}" y="${n1(y - 1.5)}" width="12" height="3" fill="${c.baseline}"/>`;
    case "rebase":
      return `<line x1="${n1(x + 6)}" x2="${n1(x + 6)}" y1="${n1(y - 5)}" y2="${n1(y + 5)}" stroke="${c.axis}" stroke-width="1" stroke-dasharray="2 2"/>`;
  }
}

export const KEY_SIZE = 8;
const ROW = 12;

/** The key's SVG from `top`, wrapped to `width`, and how tall it is. */
export function chartKey(marks: readonly KeyMark[], left: number, top: number, width: number): { svg: string; height: number } {
  const out: string[] = [];
  let x = left;
  let y = top + ROW / 2;
  for (const mark of marks) {
    const words = WORDS[mark];
    const w = 15 + words.length * KEY_SIZE * GLYPH + 10;
    if (x > left && x + w > left + width) {
      x = left;
      y += ROW;
    }
    out.push(glyph(mark, x, y));
    out.push(`<text x="${n1(x + 15)}" y="${n1(y + 3)}" font-size="${KEY_SIZE}" fill="${MARK_COLOUR.axis}">${escapeXml(words)}</text>`);
    x += w;
  }
  return { svg: out.join(""), height: marks.length ? y + ROW / 2 - top : 0 };
}

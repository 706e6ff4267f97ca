// Making Data Count's variation and assurance icons, drawn here as small inline SVG in their spirit
// (NHS boards know them): a circle whose colour, letter and little line each say the same thing, so
// no reader depends on colour alone. Generic on purpose: an icon is chosen by a kind, and any field
// that says which kind (the SPC reading, a target's assurance, a comparator's) can feed it.
import type { Result } from "../report-contract/schema.js";
import { escapeXml } from "../words/index.js";
import type { IconView } from "./view-types.js";

export type VariationKind = "concern-high" | "concern-low" | "improvement-high" | "improvement-low" | "neither-high" | "neither-low" | "common-cause";
export type AssuranceKind = "pass" | "fail" | "hit-and-miss";

export type { IconView };

const TONE = { concern: "#b34700", improvement: "#1f5fa8", neither: "#6b3fa0", common: "#6b6b6b" } as const;

interface Look {
  tone: string;
  /** The letter inside: H/L for high/low, P/F/? for assurance; empty for common cause. */
  letter: string;
  /** The little line of five points inside the circle (y from 0 top to 10 bottom). */
  line: number[];
  label: string;
  meaning: string;
}

const VARIATION: Record<VariationKind, Look> = {
  "concern-high": { tone: TONE.concern, letter: "H", line: [7, 7, 6, 3, 2], label: "Special cause of concern, high", meaning: "Higher than chance explains: the wrong way." },
  "concern-low": { tone: TONE.concern, letter: "L", line: [3, 3, 4, 7, 8], label: "Special cause of concern, low", meaning: "Lower than chance explains: the wrong way." },
  "improvement-high": { tone: TONE.improvement, letter: "H", line: [7, 7, 6, 3, 2], label: "Special cause of improvement, high", meaning: "Higher than chance explains: the way wanted." },
  "improvement-low": { tone: TONE.improvement, letter: "L", line: [3, 3, 4, 7, 8], label: "Special cause of improvement, low", meaning: "Lower than chance explains: the way wanted." },
  "neither-high": { tone: TONE.neither, letter: "H", line: [7, 7, 6, 3, 2], label: "Special cause, high, no wanted direction", meaning: "Higher than chance explains; no direction is wanted." },
  "neither-low": { tone: TONE.neither, letter: "L", line: [3, 3, 4, 7, 8], label: "Special cause, low, no wanted direction", meaning: "Lower than chance explains; no direction is wanted." },
  "common-cause": { tone: TONE.common, letter: "", line: [5, 4, 6, 4, 5], label: "Common cause variation", meaning: "Within its usual ups and downs." },
};

const ASSURANCE: Record<AssuranceKind, Look> = {
  pass: { tone: TONE.improvement, letter: "P", line: [2, 3, 2, 3, 2], label: "Target consistently met", meaning: "Its usual range meets the target: met unless something changes." },
  fail: { tone: TONE.concern, letter: "F", line: [8, 7, 8, 7, 8], label: "Target consistently missed", meaning: "Its usual range misses the target: missed unless something changes." },
  "hit-and-miss": { tone: TONE.common, letter: "?", line: [3, 7, 4, 7, 3], label: "Target hit and miss", meaning: "The target is inside its usual range: met in some quarters, missed in others." },
};

function draw(look: Look, kind: string, assurance: boolean): string {
  // The letter in the upper half, the little series in the lower: apart even at a small size.
  const pts = look.line.map((y, i) => `${6 + i * 3},${13.5 + y * 0.55}`).join(" ");
  // Assurance icons carry a dashed target line through the little series; variation icons do not.
  const target = assurance ? `<line x1="4" x2="20" y1="16.2" y2="16.2" stroke="${look.tone}" stroke-width="0.8" stroke-dasharray="1.5 1"/>` : "";
  const letter = look.letter
    ? `<text x="12" y="10" text-anchor="middle" font-size="8" font-weight="bold" font-family="Arial,Helvetica,sans-serif" fill="${look.tone}">${escapeXml(look.letter)}</text>`
    : "";
  return (
    `<svg class="mdc-icon mdc-${kind}" viewBox="0 0 24 24" width="24" height="24" role="img" aria-label="${escapeXml(look.label, true)}">` +
    `<title>${escapeXml(look.label)}</title>` +
    `<circle cx="12" cy="12" r="10.5" fill="#ffffff" stroke="${look.tone}" stroke-width="2"/>` +
    letter +
    target +
    `<polyline points="${pts}" fill="none" stroke="${look.tone}" stroke-width="1.1"/>` +
    `</svg>`
  );
}

export function variationIcon(kind: VariationKind): IconView {
  const look = VARIATION[kind];
  return { svg: draw(look, kind, false), label: look.label, meaning: look.meaning };
}

export function assuranceIcon(kind: AssuranceKind): IconView {
  const look = ASSURANCE[kind];
  return { svg: draw(look, kind, true), label: look.label, meaning: look.meaning };
}

export const VARIATION_KINDS = Object.keys(VARIATION) as VariationKind[];
export const ASSURANCE_KINDS = Object.keys(ASSURANCE) as AssuranceKind[];

/** The variation icon a result's latest point earns, or null when no limits were computed. */
export function variationOf(r: Pick<Result, "spc">): VariationKind | null {
  const spc = r.spc;
  if (!spc || spc.state === "not-computed" || spc.latest === null) return null;
  if (spc.latest === "common-cause") return "common-cause";
  const side = spc.marks?.[spc.marks.length - 1]?.side ?? spc.signals[0]?.side ?? "high";
  const kind = spc.latest === "special-cause-concern" ? "concern" : spc.latest === "special-cause-improvement" ? "improvement" : "neither";
  return `${kind}-${side}`;
}

/** The assurance icon from the SPC's reading of the limits against a target, or null without one. */
export function assuranceOf(r: Pick<Result, "spc">): AssuranceKind | null {
  const a = r.spc?.assurance ?? null;
  return a === "consistently-passing" ? "pass" : a === "consistently-failing" ? "fail" : a === "hit-and-miss" ? "hit-and-miss" : null;
}

// A measure's re-baselining quarters found in its history, and the process analysis as report.json
// writes it (quarters named as well as indexed).
import type { Measure } from "../framework/schema.js";
import { periodKey } from "../framework/period.js";
import type { HistoryPoint } from "./history.js";
import type { Spc } from "../report-contract/schema.js";
import type { SpcAnalysis } from "./spc.js";

const label = (p: HistoryPoint) => periodKey({ year: p.year, quarter: p.quarter });

/** The schema's `rebase` entries that fall inside the history, as indexes; later ones are not yet in force. */
export function rebasesOf(measure: Pick<Measure, "rebase">, history: readonly HistoryPoint[]): { at: number; reason: string }[] {
  const out: { at: number; reason: string }[] = [];
  for (const r of measure.rebase ?? []) {
    const at = history.findIndex((p) => label(p) === r.from);
    if (at > 0) out.push({ at, reason: r.reason });
  }
  return out;
}

export function spcJson(spc: SpcAnalysis, history: readonly HistoryPoint[]): Spc {
  return {
    state: spc.state,
    points: spc.points,
    mean: spc.mean,
    lower: spc.lower,
    upper: spc.upper,
    width: spc.width,
    baselines: spc.baselines.map((b) => ({ ...b, start: label(history[b.from]!) })),
    marks: spc.marks.map((m) => (m ? { rule: m.rule, side: m.side, reading: m.reading } : null)),
    rebaseSuggested: spc.rebaseSuggestedAt === null ? null : label(history[spc.rebaseSuggestedAt]!),
    signals: spc.signals.map((s) => ({ ...s })),
    latest: spc.latest,
    assurance: spc.assurance,
  };
}

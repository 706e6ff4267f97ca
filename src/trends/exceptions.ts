// Which figures need the board's attention, and in what order.
//
// An exception is: a worsening or off-track figure; a target measure whose latest point is a
// special-cause concern on locked limits; a missing or invalid figure of a tracked measure's total.
// (For up and down measures a concern on locked limits is already "worsening", unless it is the
// season: an unusual point the same quarter last year also had, which is not an exception.)
//
// Ranking, worst first, by tier and then by severity (README "How exceptions are ranked"):
//   tier 1  a sustained special-cause concern on locked limits (a run or trend of seven)
//   tier 2  any other special-cause concern on locked limits, or off track against a target
//   tier 3  worsening before limits lock (a move beyond chance on the quarter and on the year)
//   tier 4  missing or invalid: the board hears first what is going wrong, then what is unknown
// Severity is the size of the move against the wanted direction, counted the smaller of two ways, so
// that it must be big both for the figure and for its usual variation:
//   in sigmas: the move / sigma (a third of the limits' width, Poisson floor included; before
//     limits exist, sqrt(last quarter) for a count, else the tolerance at last quarter's level);
//   in tenths of the figure: 10 x the move / the figure it moved from (10% counts as 1).
// The move is the latest value's distance from the baseline mean when the limits decided, else the
// change on last quarter. Off track: 10 x the shortfall / the target to date. Ties keep framework order.
import type { Unit } from "../framework/schema.js";
import type { Comparison } from "./compare.js";
import { tidy } from "./compare.js";
import { wantsHigh, type Side } from "./direction.js";
import type { Tolerance } from "./judge-types.js";
import type { Status } from "../report-contract/schema.js";
import type { SpcAnalysis, SpcSignal } from "./spc.js";
import type { TargetProgress } from "./target.js";

export interface Assessed {
  status: Status;
  tracked: boolean;
  category: string | null;
  spc: SpcAnalysis;
  comparison: Comparison;
  better: Side | null;
  tolerance: Tolerance;
  target: TargetProgress | null;
  unit: Unit;
  /** The latest point's special cause that decided the status, if one did. */
  signal: SpcSignal | null;
}

const lockedConcern = (a: Assessed) => a.spc.state === "computed" && a.spc.latest === "special-cause-concern";
const absent = (s: Status) => s === "missing" || s === "invalid";

export function isException(a: Assessed): boolean {
  if (a.status === "worsening" || a.status === "off-track") return true;
  if (a.target && lockedConcern(a)) return true;
  return absent(a.status) && a.tracked && a.category === null;
}

/** The ranking tier (1 worst), or null for a figure that is not an exception. */
export function tierOf(a: Assessed): number | null {
  if (!isException(a)) return null;
  if (absent(a.status)) return 4;
  const s = a.signal;
  if (a.status === "worsening" && s && (s.rule === "run-of-seven" || s.rule === "trend-of-seven")) return 1;
  if (a.status === "worsening" && !s) return 3;
  return 2;
}

function sigmaOf(a: Assessed, from: number): number {
  if (a.spc.width !== null && a.spc.width > 0) return a.spc.width / 3;
  if (a.unit === "count") return Math.sqrt(Math.max(Math.abs(from), 1));
  return Math.max(Math.abs(from) * a.tolerance.relative, a.tolerance.absolute) || 1;
}

export function severity(a: Assessed): number {
  if (absent(a.status)) return 0;
  const t = a.target;
  if (t) {
    if (t.actualToDate === null || t.toDate === 0) return 0;
    const shortfall = wantsHigh(t.comparison) ? t.toDate - t.actualToDate : t.actualToDate - t.toDate;
    return tidy((10 * Math.max(0, shortfall)) / Math.abs(t.toDate), 3);
  }
  const { value, change, previous } = a.comparison;
  if (a.better === null || value === null) return 0;
  let from: number;
  let move: number;
  if (a.signal && a.spc.mean !== null) {
    from = a.spc.mean;
    move = value - a.spc.mean;
  } else if (change !== null && previous !== null) {
    from = previous;
    move = change;
  } else return 0;
  const against = Math.max(0, a.better === "high" ? -move : move);
  const inSigmas = against / sigmaOf(a, from);
  const inTenths = (10 * against) / Math.max(Math.abs(from), 1);
  return tidy(Math.min(inSigmas, inTenths), 3);
}

/** Order exception indexes worst first, by the rule above. */
export function rankOrder(items: readonly { exception: boolean; status: Status; severity: number; tier?: number | null | undefined }[]): number[] {
  return items
    .map((item, i) => ({ item, i }))
    .filter(({ item }) => item.exception)
    .sort((a, b) => (a.item.tier ?? 5) - (b.item.tier ?? 5) || b.item.severity - a.item.severity || a.i - b.i)
    .map(({ i }) => i);
}

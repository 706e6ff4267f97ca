// Which figures need the board's attention, and in what order.
//
// An exception is: a worsening or off-track figure; a special-cause concern on the latest point
// (limits no longer provisional); a missing or invalid figure of a tracked measure's total. (The
// categories of a missing return are not listed as well: one line per measure keeps the list short.)
//
// Ranking, worst first. Every result gets a severity: how far it moved against the wanted direction
// measured in its usual variation:
//   move against direction / scale, where scale = the mean moving range when process limits exist
//   (provisional or computed), else the tolerance at last quarter's level, max(|previous| x relative,
//   absolute); plus 3 for a special-cause concern on the latest point (a point beyond the limits is
//   at least 2.66 moving ranges out, so a concern weighs about as much as such a move);
//   off-track: the shortfall against the target to date / max(target to date x relative, absolute).
// Exceptions are ranked by severity, highest first, but missing and invalid figures (severity 0)
// come after every move: the board hears first about what is going wrong, then about what is unknown.
// Ties keep framework order.
import type { Status } from "../report-contract/schema.js";
import type { Comparison } from "./compare.js";
import { tidy } from "./compare.js";
import type { Side } from "./direction.js";
import type { Tolerance } from "./judge.js";
import type { SpcAnalysis } from "./spc.js";
import type { TargetProgress } from "./target.js";

export const CONCERN_BONUS = 3;

export interface Assessed {
  status: Status;
  tracked: boolean;
  category: string | null;
  spc: SpcAnalysis;
  comparison: Comparison;
  better: Side | null;
  tolerance: Tolerance;
  target: TargetProgress | null;
}

const concern = (a: Assessed) => a.spc.state === "computed" && a.spc.latest === "special-cause-concern";
const absent = (s: Status) => s === "missing" || s === "invalid";

export function isException(a: Assessed): boolean {
  if (a.status === "worsening" || a.status === "off-track" || concern(a)) return true;
  return absent(a.status) && a.tracked && a.category === null;
}

export function severity(a: Assessed): number {
  if (absent(a.status)) return 0;
  const bonus = concern(a) ? CONCERN_BONUS : 0;
  const t = a.target;
  if (t) {
    if (t.actualToDate === null) return tidy(bonus, 3);
    const shortfall = t.comparison === "at-least" ? t.toDate - t.actualToDate : t.actualToDate - t.toDate;
    const scale = Math.max(t.toDate * a.tolerance.relative, a.tolerance.absolute) || 1;
    return tidy(Math.max(0, shortfall) / scale + bonus, 3);
  }
  const { change, previous } = a.comparison;
  if (change === null || previous === null || a.better === null) return tidy(bonus, 3);
  const against = a.better === "high" ? -change : change;
  const mr = a.spc.state !== "not-computed" ? a.spc.movingRange : null;
  const scale = mr && mr > 0 ? mr : Math.max(Math.abs(previous) * a.tolerance.relative, a.tolerance.absolute) || 1;
  return tidy(Math.max(0, against) / scale + bonus, 3);
}

/** Order exception indexes worst first, by the rule above. */
export function rankOrder(items: readonly { exception: boolean; status: Status; severity: number }[]): number[] {
  return items
    .map((item, i) => ({ item, i }))
    .filter(({ item }) => item.exception)
    .sort((a, b) => Number(absent(a.item.status)) - Number(absent(b.item.status)) || b.item.severity - a.item.severity || a.i - b.i)
    .map(({ i }) => i);
}

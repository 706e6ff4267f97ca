// Which quality-assurance evidence is due in a quarter, which has been received, and which is
// overdue. Pure: the framework's items, the evidence on record and the quarter come in.
//   due       due this quarter and not yet received
//   received  received for this quarter (a row with a date in an evidence file)
//   overdue   due in an earlier quarter and never received since
//   not-due   not due this quarter, and nothing owed from before
// Earlier quarters count back at most a year, and never before the first quarter the workspace kept
// an evidence file for: darep cannot know what was received before records began.
import { DUE_QUARTERS } from "../framework/frequency.js";
import { comparePeriods, fromOrdinal, ordinal } from "../framework/period.js";
import type { AssuranceItem } from "../framework/schema.js";
import type { Period, QuarterName } from "../types.js";
import type { AssuranceStatus } from "../report-contract/schema.js";
import type { Evidence } from "./types.js";

export type AssuranceState = AssuranceStatus["state"];

export function isDue(item: Pick<AssuranceItem, "frequency" | "dueQuarters">, quarter: QuarterName): boolean {
  return (item.dueQuarters ?? DUE_QUARTERS[item.frequency]).includes(quarter);
}

/** Quarters before `period` to look back over: up to a year, none before `trackedFrom`. */
export function lookback(period: Period, trackedFrom: Period | null): Period[] {
  if (!trackedFrom) return [];
  const out: Period[] = [];
  for (let n = Math.max(ordinal(period) - 4, ordinal(trackedFrom)); n < ordinal(period); n++) out.push(fromOrdinal(n));
  return out;
}

export function assuranceStatus(items: readonly AssuranceItem[], evidence: readonly Evidence[], period: Period, trackedFrom: Period | null): AssuranceStatus[] {
  const got = new Map<string, Evidence>();
  for (const e of evidence) {
    if (e.received === null || comparePeriods(e.for, period) > 0) continue;
    const key = `${e.ref.toUpperCase()}|${e.for.year}|${e.for.quarter}`;
    if (!got.has(key)) got.set(key, e);
  }
  const earlier = lookback(period, trackedFrom);
  return items.map((item) => {
    const ref = item.ref.toUpperCase();
    const now = got.get(`${ref}|${period.year}|${period.quarter}`) ?? null;
    const dueThisQuarter = isDue(item, period.quarter);
    const overdueFor = earlier.filter((p) => isDue(item, p.quarter) && !got.has(`${ref}|${p.year}|${p.quarter}`));
    const state: AssuranceState = overdueFor.length ? "overdue" : now ? "received" : dueThisQuarter ? "due" : "not-due";
    return { ref: item.ref, title: item.title, owner: item.owner, frequency: item.frequency, dueThisQuarter, state, received: now?.received ?? null, evidence: now?.evidence || null, overdueFor };
  });
}

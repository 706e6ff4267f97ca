// Gather what the trend engine needs for one quarter: every return on record up to it, checked,
// with a "missing" entry for each agency that sent nothing for the quarter itself, and the quarter's
// commentary.
import { join } from "node:path";
import { comparePeriods, periodKey, previousQuarter } from "../framework/period.js";
import type { Workspace } from "../framework/types.js";
import type { ReadLimits } from "../ingest/index.js";
import type { Issue, Period, ValidatedReturn } from "../types.js";
import type { ReturnsCache } from "./cache/returns.js";
import { checkReturn } from "./check-return.js";
import { openInput } from "./input.js";
import { listReturns } from "./returns-folder.js";

export interface Gathered {
  returns: ValidatedReturn[];
  /** Problems with the returns folders themselves (not inside a file). */
  issues: Issue[];
  commentary: { source: string; file: string } | null;
}

/** Check files a few at a time: enough to overlap disk and parsing, few enough to bound memory. */
export async function inBatches<T, R>(items: T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return out;
}

export async function gather(ws: Workspace, period: Period, limits?: Partial<ReadLimits>, cache?: ReturnsCache | null): Promise<Gathered> {
  const listed = await listReturns(ws);
  const upTo = listed.entries.filter((e) => comparePeriods(e.period, period) <= 0);
  const before = periodKey(previousQuarter(period));
  const earlier = upTo.filter((e) => periodKey(e.period) !== periodKey(period));
  const current = upTo.filter((e) => periodKey(e.period) === periodKey(period));

  const returns = await inBatches(earlier, 8, (e) => checkReturn(ws, e, { limits, cache }));
  const previousOf = new Map(returns.filter((r) => periodKey(r.period) === before).map((r) => [r.agency, r.figures]));
  const now = await inBatches(current, 8, (e) => checkReturn(ws, e, { limits, previous: previousOf.get(e.agency), cache }));
  returns.push(...now);

  for (const agency of ws.config.agencies) {
    if (!now.some((r) => r.agency === agency.id)) returns.push({ agency: agency.id, period, status: "missing", file: null, sha256: null, receivedAt: null, figures: [], issues: [] });
  }

  const commentaryFile = `commentary/${period.year}-${period.quarter}.md`;
  const input = openInput(join(ws.root, commentaryFile));
  // Commentary is optional.
  const commentary: Gathered["commentary"] = input.ok ? { source: input.bytes.toString("utf8"), file: commentaryFile } : null;
  const issues = listed.issues.filter((i) => !i.file.startsWith("returns/") || upToPeriod(i.file, period));
  return { returns, issues, commentary };
}

/** Whether a folder problem belongs to the quarters up to `period` (later ones are not this report's). */
function upToPeriod(file: string, period: Period): boolean {
  const m = /^returns\/(\d{4}-\d{2})\/(Q[1-4])/.exec(file);
  return !m || comparePeriods({ year: m[1]!, quarter: m[2] as Period["quarter"] }, period) <= 0;
}

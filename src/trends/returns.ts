// The quarter's returns as report.json lists them: one per agency in config order, with whether each
// came late, and the sources (files read) of those that arrived.
import type { Agency, Config } from "../framework/schema.js";
import { dueDate, isLate as lateBy } from "../framework/due-date.js";
import { periodKey } from "../framework/period.js";
import type { Issue, Period, ValidatedReturn } from "../types.js";
import type { ReturnJson } from "../report-contract/schema.js";

/**
 * Late when received on a UK day after the due day (the quarter's last day plus `returnsDueDays`):
 * the rule in framework/due-date.ts, which the chase list uses too.
 */
export function isLate(receivedAt: string | null, period: Period, dueDays: number, startMonth: number): boolean {
  return lateBy(receivedAt, dueDate(period, { financialYearStartMonth: startMonth, options: { returnsDueDays: dueDays } }));
}

/** The agency's return for the quarter, or a "missing" one when the caller gave none. */
export function returnFor(returns: readonly ValidatedReturn[], agency: Agency, period: Period): ValidatedReturn {
  const key = periodKey(period);
  return (
    returns.find((r) => r.agency === agency.id && periodKey(r.period) === key) ?? {
      agency: agency.id,
      period,
      status: "missing",
      file: null,
      sha256: null,
      receivedAt: null,
      figures: [],
      issues: [],
    }
  );
}

function issueJson(i: Issue): ReturnJson["errors"][number] {
  return { ...i };
}

export function returnJson(ret: ValidatedReturn, agency: Agency, config: Config): ReturnJson {
  return {
    agency: agency.id,
    agencyName: agency.name,
    contact: agency.contact ? { ...agency.contact } : null,
    status: ret.status,
    late: ret.status !== "missing" && isLate(ret.receivedAt, ret.period, config.options.returnsDueDays, config.financialYearStartMonth),
    file: ret.file,
    sha256: ret.sha256,
    receivedAt: ret.receivedAt,
    figuresUsed: ret.figures.length,
    indicators: [...agency.indicators],
    errors: ret.issues.filter((i) => i.severity === "error").map(issueJson),
    warnings: ret.issues.filter((i) => i.severity === "warning").map(issueJson),
  };
}

/** Files read for the quarter, each with when it was read (the report's own timestamp). */
export function sourcesOf(returns: readonly ValidatedReturn[], readAt: string): { file: string; agency: string; sha256: string; readAt: string }[] {
  return returns.flatMap((r) => (r.status !== "missing" && r.file !== null && r.sha256 !== null ? [{ file: r.file, agency: r.agency, sha256: r.sha256, readAt }] : []));
}

/** The latest receivedAt among the returns, as given; null when none has one. */
export function lastReceived(returns: readonly ValidatedReturn[]): string | null {
  let best: string | null = null;
  for (const r of returns) {
    if (r.status === "missing" || r.receivedAt === null) continue;
    if (best === null || Date.parse(r.receivedAt) > Date.parse(best)) best = r.receivedAt;
  }
  return best;
}

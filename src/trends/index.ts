// The trend engine: every figure of one quarter judged against the direction the partnership wants,
// as report.json. Pure: everything, including the time stamp, comes in as arguments.
import type { Config } from "../framework/schema.js";
import type { Framework } from "../framework/types.js";
import { quarterDates } from "../framework/period.js";
import type { Period, ValidatedReturn } from "../types.js";
import { parseCommentary } from "./commentary.js";
import { rankOrder } from "./exceptions.js";
import { indexFigures } from "./history.js";
import { REPORT_SCHEMA_VERSION, type Report } from "../report-contract/schema.js";
import { buildResult, type Built, type ResultContext } from "./result.js";
import { lastReceived, returnFor, returnJson, sourcesOf } from "./returns.js";
import { summarise } from "./summary.js";

export interface JudgeInput {
  config: Config;
  framework: Framework;
  /** The quarter being reported. */
  period: Period;
  /** Every quarter's returns on record, any order; for `period`, one per agency ("missing" for absent ones). */
  returns: ValidatedReturn[];
  /** commentary/<year>-<quarter>.md, when there is one. */
  commentary: { source: string; file: string } | null;
  /** ISO timestamp, from outside (SOURCE_DATE_EPOCH or the clock). */
  generatedAt: string;
  /** e.g. "darep 0.1.0" */
  generator: string;
}

export function judge(input: JudgeInput): Report {
  const { config, framework, period } = input;
  const dates = quarterDates(period, config.financialYearStartMonth);
  const current = config.agencies.map((a) => ({ agency: a, ret: returnFor(input.returns, a, period) }));

  const refs = framework.indicators.map((i) => i.ref);
  const commentary = input.commentary ? parseCommentary(input.commentary.source, input.commentary.file, refs) : { sections: new Map<string, string>(), issues: [] };

  const reporters = new Map<string, number>();
  for (const a of config.agencies) for (const r of new Set(a.indicators.map((x) => x.toUpperCase()))) reporters.set(r, (reporters.get(r) ?? 0) + 1);

  const ctx: ResultContext = {
    config,
    period,
    index: indexFigures(input.returns, period),
    commentary: commentary.sections,
    returns: new Map(current.map(({ agency, ret }) => [agency.id, ret])),
    reporters,
  };

  // Framework order: indicator, measure, the total then each category as the schema lists them, then agency as the config does.
  const built: Built[] = [];
  for (const indicator of framework.indicators) {
    const ref = indicator.ref.toUpperCase();
    const owing = config.agencies.filter((a) => a.indicators.some((r) => r.toUpperCase() === ref));
    for (const measure of indicator.measures) {
      for (const category of [null, ...(measure.categories?.values ?? [])]) {
        for (const agency of owing) built.push(buildResult(ctx, indicator, measure, category, agency));
      }
    }
  }

  const results = built.map((b) => b.result);
  const order = rankOrder(results);
  order.forEach((i, n) => (results[i]!.rank = n + 1));

  const returns = current.map(({ agency, ret }) => returnJson(ret, agency, config));
  const periodReturns = current.map((c) => c.ret);
  const summary = summarise(
    returns.map((r) => ({ agencyName: r.agencyName, status: r.status, late: r.late })),
    built.map((b) => ({ status: b.result.status, exception: b.result.exception, cause: b.cause, item: `${b.result.agency}/${b.result.indicator}/${b.result.measure}`, rank: b.result.rank })),
    dates.label,
    lastReceived(periodReturns),
  );

  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generator: input.generator,
    generatedAt: input.generatedAt,
    partnership: config.partnership,
    board: config.board,
    framework: framework.info.name,
    year: period.year,
    quarter: period.quarter,
    period: dates,
    summary,
    returns,
    results,
    exceptions: order.map((i) => results[i]!.key),
    warnings: commentary.issues.map((i) => ({ ...i })),
    sources: sourcesOf(periodReturns, input.generatedAt),
  };
}

// The quarter's action plan and assurance, judged (pure, in src/actions) from what the workspace read,
// for `darep build` and `darep status`.
import { judgeActionPlan, type PlanInput, type PlanJudgement, type ResultLine } from "../actions/judge.js";
import { quarterDates } from "../framework/period.js";
import type { Config, RagGuide } from "../framework/schema.js";
import type { Period } from "../types.js";

/** The quarter's action plan and assurance, judged; `results` are the quarter's judged figures (none for `darep status`). */
export function actionPlan(
  read: { config: Config; period: Period; plan: PlanInput["plan"]; assurance: PlanInput["assurance"]; guide?: RagGuide | undefined },
  results: readonly ResultLine[] = [],
): PlanJudgement {
  const { config, period, plan, assurance, guide } = read;
  return judgeActionPlan({ plan, assurance, period, quarterEnd: quarterDates(period, config.financialYearStartMonth).end, results, ...(guide ? { guide } : {}) });
}

/** The judged report with the action plan and assurance sections added, and each result's linked actions. */
export function withActionPlan<R extends { results: (ResultLine & object)[] }>(report: R, plan: PlanJudgement): R & Pick<PlanJudgement, "actions" | "assurance"> {
  const links = plan.links;
  return {
    ...report,
    results: links ? report.results.map((r) => ({ ...r, actions: links.get(r.indicator.toUpperCase()) ?? [] })) : report.results,
    ...(plan.actions ? { actions: plan.actions } : {}),
    ...(plan.assurance ? { assurance: plan.assurance } : {}),
  };
}

// Disclosure control: the judged report -> the report as it may be published. A pure stage that
// runs after judging and before anything is written, so the HTML, the PDF, report.json and every
// sentence, chart and chase-list line are made from the protected figures alone. Judging has used
// the true figures; the analyst's unprotected copy is the report before this stage.
import { indicatorStatuses } from "../actions/judge.js";
import { RunError } from "../errors.js";
import { disclosurePolicy, type DisclosureOptions } from "../framework/disclosure.js";
import { Status, type Report, type Result } from "../report-contract/schema.js";
import { checkDifferencing } from "./attack.js";
import { protectHistories } from "./histories.js";
import { protectIssue } from "./issues.js";
import { protectResult } from "./results.js";
import { statement } from "./words.js";

export { disclosurePolicy } from "../framework/disclosure.js";
export { checkDifferencing } from "./attack.js";
export { protectIssue } from "./issues.js";
export { markedSubject } from "./marking.js";

export interface Protection {
  disclosure?: DisclosureOptions;
  marking?: string;
}

/** The report as it may be published, with its policy and marking stated in it. */
export function protectReport(report: Report, options: Protection): Report {
  const policy = disclosurePolicy(options.disclosure);
  const period = { year: report.year, quarter: report.quarter };
  const histories = protectHistories(report.results, policy);
  const results = report.results.map((r) => protectResult(r, histories.get(r.key) ?? r.history, period));

  // Exceptions that are no longer exceptions leave the list; the rest keep their order, renumbered.
  const still = new Set(results.filter((r) => r.exception).map((r) => r.key));
  const exceptions = report.exceptions.filter((k) => still.has(k));
  const rank = new Map(exceptions.map((k, i) => [k, i + 1]));
  const ranked = results.map((r) => (r.exception ? { ...r, rank: rank.get(r.key) ?? null } : r.rank === null ? r : { ...r, rank: null }));

  const touched = new Set(results.filter((r, i) => r !== report.results[i]).map((r) => `${r.indicator.toUpperCase()}/${r.measure}`));
  const minimum = policy.applyTo === "none" ? null : policy.minimum;
  const issue = (i: Report["warnings"][number]) => protectIssue(i, touched, minimum);
  const withheldNow = ranked.filter((r, i) => r.symbol === "c" && report.results[i]!.symbol !== "c").length;

  const published: Report = {
    ...report,
    summary: summaryOf(report, ranked, exceptions.length !== report.exceptions.length),
    returns: report.returns.map((r) => ({ ...r, errors: r.errors.map(issue), warnings: r.warnings.map(issue) })),
    results: ranked,
    exceptions,
    warnings: report.warnings.map(issue),
    ...(report.actions ? { actions: relink(report.actions, ranked) } : {}),
    disclosure: { ...policy, withheld: withheldNow, statement: statement(policy, withheldNow) },
    marking: options.marking ?? null,
  };
  // Defence in depth: the differencing attack the tests make, made on every report before it goes out.
  const leak = checkDifferencing(published, policy);
  if (leak) throw new RunError(`Disclosure control failed to protect ${leak}; nothing was written. Please report this as a bug.`);
  return published;
}

const KIND: Partial<Record<Result["status"], string>> = { worsening: "moving the wrong way", "off-track": "off target", missing: "missing", invalid: "from a return with errors" };

/** The counts again from the published statuses; the sentence again only when exceptions were withheld. */
function summaryOf(report: Report, results: readonly Result[], reword: boolean): Report["summary"] {
  const byStatus: Record<string, number> = Object.fromEntries(Status.options.map((s) => [s, 0]));
  for (const r of results) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  const k = results.filter((r) => r.exception).length;
  if (!reword) return { ...report.summary, exceptions: k, byStatus };
  // The judge's sentence counts the exceptions by kind; said again here without the withheld ones.
  const head = /(?:No figure needs|\d+ figures? needs?) the board's attention[\s\S]*$/;
  const kinds = new Map<Result["status"], number>();
  for (const r of results) if (r.exception) kinds.set(r.status, (kinds.get(r.status) ?? 0) + 1);
  const said = [...kinds].map(([s, n]) => `${n} ${n === 1 ? "is" : "are"} ${KIND[s] ?? s.replace(/-/g, " ")}`).join(", ");
  const sentence = k === 0 ? "No figure needs the board's attention." : `${k} ${k === 1 ? "figure needs" : "figures need"} the board's attention: ${said}.`;
  return { ...report.summary, exceptions: k, byStatus, text: head.test(report.summary.text) ? report.summary.text.replace(head, sentence) : `${report.summary.text} ${sentence}` };
}

function relink(actions: NonNullable<Report["actions"]>, results: readonly Result[]): NonNullable<Report["actions"]> {
  const statuses = indicatorStatuses(results);
  return {
    ...actions,
    actions: actions.actions.map((a) => ({
      ...a,
      indicators: a.indicators.map((i) => {
        const link = statuses.get(i.ref.toUpperCase());
        return link ? { ...link, status: link.status as Result["status"] | null } : i;
      }),
    })),
  };
}

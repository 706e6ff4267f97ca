// `darep status`: the chase list for a quarter, from the library's own check of that quarter's returns.
import type { Workspace } from "../framework/types.js";
import { chaseList, type ChaseList } from "../status/chase-list.js";
import { planChase } from "../status/plan.js";
import { disclosurePolicy, protectIssue } from "../disclosure/index.js";
import type { Issue, Period } from "../types.js";
import { openWorkspace, parseQuarter, quarterMeant, readStatus } from "../workspace/index.js";
import { actionPlan } from "./actions.js";
import { settled, type QuarterRequest } from "./request.js";
import { toFileCheck } from "./validate.js";

// The chase list's words, for the CLI (and any caller) to print it as text or Markdown.
export { allIn } from "../status/chase-list.js";
export { formatStatusMarkdown } from "../status/format-markdown.js";
export { formatStatusText } from "../status/format-text.js";

export type StatusRequest = QuarterRequest;

const NO_MEASURES: ReadonlySet<string> = new Set();

export interface StatusOutcome {
  root: string;
  list: ChaseList;
}

/** The chase list of a quarter in an open workspace. */
export async function status(ws: Workspace, period: Period, today: string): Promise<ChaseList> {
  const read = await readStatus(ws, period, today);
  // The chase list is sent on (email, a ticket): a finding that quotes a small count is worded
  // without it, as in the published report. The agency's return and `darep validate` still have it.
  const policy = disclosurePolicy(ws.config.options.disclosure);
  const minimum = policy.applyTo === "none" ? null : policy.minimum;
  const guard = <T extends Issue>(i: T): T => protectIssue(i, NO_MEASURES, minimum) as T;
  const files = read.returns
    .map(toFileCheck)
    .filter((f) => f.agency !== null)
    .map((f) => ({ agency: f.agency!, file: f.file, receivedAt: f.receivedAt, issues: f.issues.map(guard) }));
  const list = chaseList({ config: ws.config, framework: ws.framework, period, today, files, issues: read.issues.map(guard) });
  const plan = planChase(actionPlan({ config: ws.config, period, plan: read.plan, assurance: read.assurance, guide: ws.framework.rag }));
  return plan ? { ...list, actionPlan: plan } : list;
}

/** The library's `status`: open the workspace, work out the quarter meant, and make its chase list. */
export async function chaseListFor(req: StatusRequest): Promise<StatusOutcome> {
  parseQuarter(req.quarter); // a quarter that is no quarter is said before the workspace is read
  const { cwd, today } = settled(req);
  const ws = await openWorkspace({ workspace: req.workspace, cwd });
  const period = quarterMeant(req, today, ws.config.financialYearStartMonth);
  return { root: ws.root, list: await status(ws, period, today) };
}

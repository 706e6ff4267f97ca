// `darep status`: the chase list for a quarter, from the library's own check of that quarter's returns.
import { periodKey } from "../framework/period.js";
import type { Workspace } from "../framework/types.js";
import { chaseList, type ChaseList } from "../status/chase-list.js";
import type { Period } from "../types.js";
import { planChase } from "../status/plan.js";
import { actionPlan } from "./actions.js";
import { validate } from "./validate.js";

export async function status(ws: Workspace, period: Period, today: string): Promise<ChaseList> {
  const checked = await validate(ws, { targets: [periodKey(period)], cwd: ws.root, today });
  const files = checked.files.filter((f) => f.agency !== null).map((f) => ({ agency: f.agency!, file: f.file, receivedAt: f.receivedAt, issues: f.issues }));
  const list = chaseList({ config: ws.config, framework: ws.framework, period, today, files, issues: checked.issues });
  const plan = planChase(await actionPlan(ws, period));
  return plan ? { ...list, actionPlan: plan } : list;
}

// `darep status`: the chase list for a quarter, from the library's own check of that quarter's returns.
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { periodKey } from "../framework/period.js";
import type { Workspace } from "../framework/types.js";
import { chaseList, type ChaseList } from "../status/chase-list.js";
import type { Period } from "../types.js";
import { planChase } from "../status/plan.js";
import { actionPlan } from "./actions.js";
import { validate } from "./validate.js";

async function modifiedAt(path: string): Promise<string | null> {
  try {
    return (await stat(path)).mtime.toISOString();
  } catch {
    return null;
  }
}

export async function status(ws: Workspace, period: Period, today: string): Promise<ChaseList> {
  const checked = await validate(ws, { targets: [periodKey(period)], cwd: ws.root, today });
  const files = await Promise.all(
    checked.files
      .filter((f) => f.agency !== null)
      .map(async (f) => ({ agency: f.agency!, file: f.file, receivedAt: await modifiedAt(join(ws.root, f.file)), issues: f.issues })),
  );
  const list = chaseList({ config: ws.config, framework: ws.framework, period, today, files, issues: checked.issues });
  const plan = planChase(await actionPlan(ws, period));
  return plan ? { ...list, actionPlan: plan } : list;
}

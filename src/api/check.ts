// `darep build --check`: judge the quarter as a build would, write nothing, and list what the analyst
// still has to do before the board meets (src/report/pre-board-check.ts).
import { preBoardCheck, type CheckItem } from "../report/pre-board-check.js";
import type { Report } from "../report-contract/schema.js";
import { prepareBuild, type BuildRequest } from "./build.js";

export interface CheckOutcome {
  report: Report;
  items: CheckItem[];
}

export async function checkBuild(req: Omit<BuildRequest, "formats" | "printer" | "out" | "unprotectedCopy">): Promise<CheckOutcome> {
  const { report } = await prepareBuild({ ...req, formats: [] });
  return { report, items: preBoardCheck(report) };
}

// `darep build <quarter> --check`: the analyst's pre-board check of one workspace. Lists each thing
// to do; exit 1 when there is something, 0 when the report is ready for the board.
import { checkBuild, parseQuarter, RunError, type CheckItem } from "../../index.js";
import { plural } from "../../words/index.js";
import { cacheSetting, colours, fixedDate, today, type Io } from "../io.js";
import type { BuildFlags } from "./build.js";

const HEADINGS: Record<CheckItem["kind"], string> = {
  "exception-without-commentary": "Exceptions without the analyst's commentary",
  "sudden-change-without-note": "Sudden changes without the agency's note",
};

export async function runCheck(quarter: string, flags: BuildFlags, io: Io): Promise<number> {
  parseQuarter(quarter);
  if (flags.workspaces || (flags.workspace?.length ?? 0) > 1) throw new RunError("--check takes one workspace at a time (one --workspace).");
  const c = await colours(io);
  const { report, items } = await checkBuild({
    workspace: flags.workspace?.[0],
    cwd: io.cwd,
    today: today(io),
    quarter,
    year: flags.year,
    generatedAt: (fixedDate(io.env) ?? new Date()).toISOString(),
    cache: cacheSetting(flags, io),
  });
  const head = `${report.partnership}, ${report.year} ${report.quarter}`;
  if (items.length === 0) {
    const owed = report.summary.returnsMissing + report.summary.returnsInvalid;
    io.stdout(
      `${head}: ready for the board. Every exception has the analyst's commentary and every sudden change the agency's note.${owed ? ` (${plural(owed, "return is", "returns are")} still missing or with errors: \`darep status\` lists them.)` : ""}\n`,
    );
    return 0;
  }
  io.stdout(`${head}: ${plural(items.length, "thing")} to do before the board meets (nothing was written).\n`);
  for (const kind of Object.keys(HEADINGS) as CheckItem["kind"][]) {
    const these = items.filter((i) => i.kind === kind);
    if (!these.length) continue;
    io.stdout(`\n${c.bold(HEADINGS[kind])}:\n`);
    for (const i of these) io.stdout(`  ${i.figure}\n    ${i.todo}\n`);
  }
  return 1;
}

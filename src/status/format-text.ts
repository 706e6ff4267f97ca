// `darep status --format text`: the chase list for the analyst's terminal. Every string in the list
// (file names, agency names, messages) is made terminal-safe first, so a crafted file name cannot
// recolour, rewrite or reorder what the analyst reads.
import type { ChalkInstance } from "chalk";
import { dateInWords as longDate, plural, terminalSafeDeep } from "../words/index.js";
import type { ChaseEntry, ChaseList } from "./chase-list.js";
import { actionWords, evidenceOwedWords, overdueWords, type PlanChase } from "./plan.js";
import { contactWords, headline, owedWords, receivedWords, statusWord } from "./words.js";

function entryLines(e: ChaseEntry, c: ChalkInstance): string[] {
  const word = statusWord(e).padEnd(13);
  const mark = e.status === "missing" ? c.red(word) : e.status === "invalid" ? c.red(word) : e.late ? c.yellow(word) : c.green(word);
  const lines = [`  ${mark} ${c.bold(e.name)} (${e.agency})`];
  const pad = " ".repeat(16);
  if (e.file) {
    const counts = e.status === "invalid" || e.warnings ? `: ${plural(e.errors, "error")}, ${plural(e.warnings, "warning")}` : "";
    lines.push(`${pad}${e.file}, ${receivedWords(e)}${counts}`);
  }
  if (e.status !== "received" || e.late) {
    if (e.owed.kind !== "nothing") lines.push(`${pad}owes ${owedWords(e)}`);
    lines.push(`${pad}contact: ${contactWords(e)}`);
  }
  return lines;
}

export function formatStatusText(given: ChaseList, c: ChalkInstance): string {
  const list = terminalSafeDeep(given);
  const out = [c.bold(`${list.partnership}: returns for ${list.year} ${list.quarter} (${list.periodLabel})`), headline(list), ""];
  for (const e of list.agencies) out.push(...entryLines(e, c));
  if (list.otherIssues.length) {
    out.push("", "Other files in the quarter's folder:");
    for (const i of list.otherIssues) out.push(`  ${i.file}: ${i.message}`);
  }
  if (list.summary.invalid) out.push("", `Run 'darep validate ${list.year} ${list.quarter}' for every error, cell by cell.`);
  if (list.actionPlan) out.push(...planLines(list.actionPlan, c));
  return out.join("\n") + "\n";
}

/** Overdue actions and assurance evidence, by owner. */
function planLines(plan: PlanChase, c: ChalkInstance): string[] {
  const out: string[] = [];
  if (plan.actionsFile && plan.quarterEnd) {
    const n = plan.overdueActions.reduce((k, g) => k + g.actions.length, 0);
    const refs = new Set(plan.overdueActions.flatMap((g) => g.actions.map((a) => a.ref)));
    out.push("", c.bold(`Actions overdue at ${longDate(plan.quarterEnd)} (${plan.actionsFile}): ${refs.size || "none"}`));
    for (const g of plan.overdueActions) {
      out.push(`  ${c.bold(g.owner)}`);
      for (const a of g.actions) out.push(`      ${c.red(a.ref.padEnd(6))} ${actionWords(a.keyAction)} (${overdueWords(a, longDate)})`);
    }
    if (n === 0) out.push("  none");
  }
  const owed = plan.overdueAssurance.reduce((k, g) => k + g.items.length, 0);
  out.push("", c.bold(`Assurance evidence overdue: ${owed || "none"}`));
  for (const g of plan.overdueAssurance) {
    out.push(`  ${c.bold(g.owner)}`);
    for (const e of g.items) out.push(`      ${c.red(e.ref.padEnd(6))} ${e.title} (${evidenceOwedWords(e)})`);
  }
  return out;
}

// `darep status --format markdown`: the chase list for an email or a ticket: a table of every agency,
// then what each invalid return must fix. Text from files and the config is escaped, so a hostile note
// or name can neither break the table, inject markup or a link, nor act on the terminal it is printed to.
import type { Issue } from "../types.js";
import { dateInWords as longDate, escapeMarkdown as mdText } from "../words/index.js";
import type { ChaseEntry, ChaseList } from "./chase-list.js";
import { actionWords, evidenceOwedWords, overdueWords, type PlanChase } from "./plan.js";
import { contactWords, headline, owedWords, receivedWords } from "./words.js";

const MARK = { missing: "❌ missing", invalid: "⚠️ invalid", received: "✅ received" } as const;

export function place(i: Issue): string {
  const parts = [i.indicator, i.row !== undefined ? `row ${i.row}` : "", i.cell ? `cell ${i.cell}` : ""].filter(Boolean);
  return parts.length ? parts.join(", ") : "the file";
}

function row(e: ChaseEntry): string {
  const status = e.late && e.status === "received" ? "🕒 received late" : MARK[e.status];
  const errors = e.status === "missing" ? "–" : String(e.errors);
  const cells = [`${mdText(e.name)} (\`${e.agency}\`)`, status, errors, mdText(receivedWords(e)), mdText(contactWords(e)), e.owed.kind === "nothing" ? "–" : mdText(owedWords(e))];
  return `| ${cells.join(" | ")} |`;
}

export function formatStatusMarkdown(list: ChaseList): string {
  const out = [
    `## Returns for ${list.year} ${list.quarter}: ${mdText(list.partnership)}`,
    "",
    `${list.periodLabel}. ${mdText(headline(list))}`,
    "",
    "| Agency | Status | Errors | Received | Contact | Still owed |",
    "| --- | --- | ---: | --- | --- | --- |",
    ...list.agencies.map(row),
  ];
  for (const e of list.agencies.filter((x) => x.status === "invalid")) {
    out.push("", `### ${mdText(e.name)}: to fix in ${mdText(e.file ?? "the return")}`, "");
    for (const i of e.issues.filter((x) => x.severity === "error")) out.push(`- ${mdText(place(i))}: ${mdText(i.message)}${i.advice ? ` ${mdText(i.advice)}` : ""}`);
  }
  if (list.otherIssues.length) {
    out.push("", "### Other files in the quarter's folder", "");
    for (const i of list.otherIssues) out.push(`- ${mdText(i.file)}: ${mdText(i.message)}`);
  }
  if (list.actionPlan) out.push(...planMarkdown(list.actionPlan));
  return out.join("\n") + "\n";
}

function planMarkdown(plan: PlanChase): string[] {
  const out: string[] = [];
  if (plan.actionsFile && plan.quarterEnd) {
    out.push("", `### Actions overdue at ${longDate(plan.quarterEnd)}`, "");
    if (plan.overdueActions.length === 0) out.push(`None in ${mdText(plan.actionsFile)}.`);
    else {
      out.push("| Lead officer | Action | Due and rated |", "| --- | --- | --- |");
      for (const g of plan.overdueActions) for (const a of g.actions) out.push(`| ${mdText(g.owner)} | ${mdText(a.ref)} ${mdText(actionWords(a.keyAction))} | ${mdText(overdueWords(a, longDate))} |`);
    }
  }
  out.push("", "### Assurance evidence overdue", "");
  if (plan.overdueAssurance.length === 0) out.push("None.");
  else {
    out.push("| Owner | Evidence | Owed |", "| --- | --- | --- |");
    for (const g of plan.overdueAssurance) for (const e of g.items) out.push(`| ${mdText(g.owner)} | ${mdText(e.ref)} ${mdText(e.title)} | ${mdText(evidenceOwedWords(e))} |`);
  }
  return out;
}

// The action plan and quality assurance sections' views, and the actions an exception card names:
// RAG ratings and assurance states each get a word and a shape, never colour alone.
import type { ActionJson, ActionsJson, AssuranceJson, Rag, Report, Result } from "../report-contract/schema.js";
import { dateInWords, formatNumber, listWords, plural } from "../words/index.js";
import { quarterLong } from "./format.js";
import { statusLook } from "./status.js";
import { whereWords } from "./view-data-quality.js";
import type { ActionRow, ActionsView, AssuranceView, CardAction, LegendEntry, PlainIssueRow, PriorityRow, StatusView } from "./view-types.js";

type RagOrNone = Rag | "not-rated";

const look = (word: string, shape: string, tone: "concern" | "good" | "neutral" | "unknown"): StatusView => ({ word, shape, css: `status status-${tone}` });

/** The RAG ratings as the report shows them: Red and Amber as concerns, the greens as good. */
export const RAG_LOOKS: Record<RagOrNone, StatusView & { meaning: string }> = {
  red: { ...look("Red", "▲", "concern"), meaning: "Action date passed and not complete, or not expected to complete in time, with significant impact on the work." },
  amber: { ...look("Amber", "◆", "neutral"), meaning: "Not started but in timescale, or slow progress with some impact on the work but expected to complete within timescale." },
  "light-green": { ...look("Light green", "◑", "good"), meaning: "Progressing well and should be delivered on time, but not yet complete." },
  green: { ...look("Green", "●", "good"), meaning: "Complete." },
  "not-rated": { ...look("Not rated", "◌", "unknown"), meaning: "The lead officer gave no rating." },
};

const ORDER: RagOrNone[] = ["red", "amber", "light-green", "green", "not-rated"];

export function ragView(rag: Rag | null): StatusView {
  const { word, shape, css } = RAG_LOOKS[rag ?? "not-rated"];
  return { word, shape, css };
}

const ASSURANCE_LOOKS = {
  overdue: { ...look("Overdue", "▲", "concern"), meaning: "Due in an earlier quarter and not received since." },
  due: { ...look("Due", "◷", "neutral"), meaning: "Due this quarter and not received yet." },
  received: { ...look("Received", "✓", "good"), meaning: "Received for this quarter." },
  "not-due": { ...look("Not due", "○", "neutral"), meaning: "Not due this quarter." },
} as const;

/** The first sentence of a long key action, cut at a word near 120 characters. */
export function shortAction(text: string, max = 120): string {
  const t = text.replace(/\s+/g, " ").trim();
  const sentence = /^(.{20,}?[.:;?])(?:\s|$)/.exec(t)?.[1] ?? t;
  const s = sentence.replace(/[:;]$/, "");
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), 40))}…`;
}

function legend(looks: Record<string, StatusView & { meaning: string }>, keys: string[]): LegendEntry[] {
  return keys.map((k) => {
    const { word, shape, css, meaning } = looks[k]!;
    return { status: { word, shape, css }, meaning };
  });
}

function plainIssues(issues: ActionsJson["issues"]): PlainIssueRow[] {
  return issues.map((i) => ({ where: `${i.file}: ${whereWords(i)}`, problem: i.message, advice: i.advice ?? "" }));
}

function actionRow(a: ActionJson): ActionRow {
  return {
    ref: a.ref,
    what: `${shortAction(a.keyAction) || "(no key action written)"}${milestoneWords(a)}`,
    lead: a.leadOfficer || "no lead officer named",
    timescale: a.timescale || "none given",
    rag: ragView(a.rag),
    previous: a.previousRag ? RAG_LOOKS[a.previousRag].word : "–",
    // Only the indicators that need the board's attention get a badge; the rest are named in one
    // line, so an action naming ten indicators takes one row, not a page.
    indicators: a.indicators
      .filter((i) => i.exception)
      .map((i) => ({ ref: i.ref, exception: i.exception, status: i.status ? (({ word, shape, css }) => ({ word, shape, css }))(statusLook(i.status)) : null })),
    others: quietIndicators(a),
  };
}

/** " Milestones: Agree funding (Green), Launch tender (Amber), Appoint provider (not rated)." in words, never colour. */
function milestoneWords(a: ActionJson): string {
  const m = a.milestones ?? [];
  if (m.length === 0) return "";
  return ` Milestones: ${m.map((x) => `${x.text} (${x.rag ? RAG_LOOKS[x.rag].word : "not rated"})`).join(", ")}.`;
}

function quietIndicators(a: ActionJson): string | null {
  const quiet = a.indicators.filter((i) => !i.exception).map((i) => i.ref);
  if (quiet.length === 0) return null;
  const noun = quiet.length === 1 ? "is not an exception" : "are not exceptions";
  return `${a.indicators.length > quiet.length ? "Also " : ""}${quiet.join(", ")} ${noun}.`;
}

function counts(a: ActionsJson): { priorities: PriorityRow[]; totals: PriorityRow } {
  const row = (label: string, c: { red: number; amber: number; lightGreen: number; green: number; notRated: number; total: number }): PriorityRow => ({
    priority: label,
    counts: [c.red, c.amber, c.lightGreen, c.green, c.notRated].map((n) => formatNumber(n, 0)),
    total: formatNumber(c.total, 0),
  });
  const sum = { red: 0, amber: 0, lightGreen: 0, green: 0, notRated: 0, total: 0 };
  for (const p of a.byPriority) for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += p[k];
  return { priorities: a.byPriority.map((p) => row(p.name ? `${p.priority} ${p.name}` : p.priority, p)), totals: row("All priorities", sum) };
}

export function actionsView(report: Report): ActionsView | null {
  const a = report.actions;
  if (!a) return null;
  const end = dateInWords(a.quarterEnd);
  const n = a.actions.length;
  const tally = (r: Rag | null) => a.actions.filter((x) => x.rag === r).length;
  const parts = ORDER.map((k) => [k, tally(k === "not-rated" ? null : k)] as const)
    .filter(([, c]) => c > 0)
    .map(([k, c]) => `${formatNumber(c, 0)} ${k === "not-rated" ? "not rated" : RAG_LOOKS[k].word}`);
  let intro: string;
  if (!a.file) intro = `No action plan was found for ${quarterLong(report)} or any quarter before it (save it as actions/${report.year}-${report.quarter}.csv or .xlsx).`;
  else {
    const which =
      a.year === report.year && a.quarter === report.quarter
        ? `The action plan update for ${quarterLong(report)}`
        : `There is no action plan update for ${quarterLong(report)}; the latest, for ${a.quarter} ${a.year},`;
    intro =
      `${which} (${a.file}) has ${plural(n, "action")}${parts.length ? `: ${listWords(parts)}` : ""}. ` +
      `Judged at the quarter's end, ${end}, ${plural(a.overdue.length, "action is", "actions are")} overdue and ${plural(a.findings.length, "rating contradicts", "ratings contradict")} the RAG guide. ` +
      "Ratings are shown as the lead officers gave them; darep never changes one.";
  }
  const byRef = new Map(a.actions.map((x) => [x.ref, x]));
  const { priorities, totals } = counts(a);
  return {
    anchor: "action-plan",
    heading: "Action plan",
    intro,
    guide: legend(RAG_LOOKS, ORDER),
    countsCaption: `Actions by priority and RAG rating, ${quarterLong(report)}`,
    columns: ORDER.map((k) => ragView(k === "not-rated" ? null : k)),
    priorities,
    totals,
    overdueCaption: `Overdue actions: due by ${end} and not complete`,
    overdue: a.actions.filter((x) => x.overdue).map(actionRow),
    overdueNone: a.overdue.length ? null : `No action was overdue at ${end}.`,
    findings: a.findings.map((f) => ({
      ref: f.ref,
      stated: ragView(f.stated),
      expected: ragView(f.expected),
      why: f.message,
      where: `${f.file}${f.row !== undefined ? `, row ${f.row}` : ""}${f.cell ? ` (cell ${f.cell})` : ""}`,
    })),
    findingsNone: a.findings.length ? null : "Every rating agrees with the RAG guide.",
    notRated: a.notRated.length
      ? `Not rated: ${listWords(
          a.notRated.map((ref) => {
            const x = byRef.get(ref);
            return x?.leadOfficer ? `${ref} (${x.leadOfficer})` : ref;
          }),
        )}.`
      : null,
    allCaption: `Every action, with the indicators its measures name and their status in ${quarterLong(report)}`,
    all: a.actions.map(actionRow),
    issues: plainIssues(a.issues),
  };
}

const FREQUENCY_WORDS = { quarterly: "Quarterly", "six-monthly": "Six-monthly", annual: "Annual" } as const;

export function assuranceView(report: Report): AssuranceView | null {
  const a: AssuranceJson | undefined = report.assurance;
  if (!a) return null;
  const s = a.summary;
  const shown = a.items.filter((i) => i.state !== "not-due");
  const since = a.trackedFrom
    ? `Evidence has been recorded since ${quarterLong(a.trackedFrom)}.`
    : "No evidence file has been kept yet (assurance/<year>-<quarter>.csv), so nothing is counted as received.";
  return {
    anchor: "assurance",
    heading: "Quality assurance",
    intro:
      `Of the ${plural(a.items.length, "item")} in the ${a.framework}, ${plural(shown.length, "was", "were")} due this quarter or owed from before: ` +
      `${formatNumber(s.received, 0)} received, ${formatNumber(s.due, 0)} due and not yet received, ${formatNumber(s.overdue, 0)} overdue from an earlier quarter. ${since}`,
    legend: legend(ASSURANCE_LOOKS, ["overdue", "due", "received"]),
    caption: `Assurance evidence due in ${quarterLong(report)} or overdue, most urgent first`,
    rows: [...shown]
      .sort((x, y) => ["overdue", "due", "received"].indexOf(x.state) - ["overdue", "due", "received"].indexOf(y.state))
      .map((i) => {
        const { word, shape, css } = ASSURANCE_LOOKS[i.state];
        const owed = i.overdueFor.length ? `Not received for ${listWords(i.overdueFor.map(quarterLong))}.` : "";
        const now = i.received
          ? `Received ${dateInWords(i.received)}${i.evidence ? `: ${i.evidence}` : ""}.`
          : i.dueThisQuarter
            ? `Not received yet for ${quarterLong(report)}${i.evidence ? ` (${i.evidence})` : ""}.`
            : "";
        return { ref: i.ref, title: i.title, owner: i.owner, frequency: FREQUENCY_WORDS[i.frequency], status: { word, shape, css }, detail: [owed, now].filter(Boolean).join(" ") };
      }),
    notDue: a.items.some((i) => i.state === "not-due") ? `Not due this quarter: ${listWords(a.items.filter((i) => i.state === "not-due").map((i) => i.ref))}.` : null,
    issues: plainIssues(a.issues),
  };
}

/** The actions an exception card lists, or null when the workspace keeps no action plan. */
export function cardActions(r: Result, report: Report): { actions: CardAction[] | null; none: string | null } {
  if (!report.actions || !r.actions) return { actions: null, none: null };
  const byRef = new Map(report.actions.actions.map((a) => [a.ref, a]));
  const actions = r.actions.map((l) => {
    const a = byRef.get(l.ref);
    return { ref: l.ref, what: a ? shortAction(a.keyAction, 90) : "", rag: ragView(l.rag), overdue: l.overdue ? `overdue: due by ${a?.due ? dateInWords(a.due) : "its timescale"}` : null };
  });
  return { actions, none: actions.length ? null : `No action in the action plan names ${r.indicator} in its measures.` };
}

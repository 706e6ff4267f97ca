// The action plan and quality assurance sections' views, and the actions an exception card names:
// RAG ratings and assurance states each get a word and a shape, never colour alone.
import type { ActionJson, ActionsJson, AssuranceJson, Rag, Report, Result } from "../report-contract/schema.js";
import { DEFAULT_RAG_GUIDE } from "../framework/rag-guide.js";
import { dateInWords, formatNumber, listWords, plural } from "../words/index.js";
import { quarterLong } from "./format.js";
import { statusLook } from "./status.js";
import { whereWords } from "./view-data-quality.js";
import type { ActionRow, ActionsView, AssuranceView, CardAction, LegendEntry, PlainIssueRow, PriorityRow, StatusView } from "./view-types.js";

type RagOrNone = Rag | "not-rated";

const look = (word: string, shape: string, tone: "concern" | "good" | "neutral" | "unknown"): StatusView => ({ word, shape, css: `status status-${tone}` });

/** Each rating's shape and tone: Red and Amber as concerns, the greens as good. The words come from the guide. */
const RAG_MARKS: Record<RagOrNone, { shape: string; tone: "concern" | "good" | "neutral" | "unknown" }> = {
  red: { shape: "▲", tone: "concern" },
  amber: { shape: "◆", tone: "neutral" },
  "light-green": { shape: "◑", tone: "good" },
  green: { shape: "●", tone: "good" },
  "not-rated": { shape: "◌", tone: "unknown" },
};

type RagLooks = Map<RagOrNone, StatusView & { meaning: string }>;

/** The report's RAG ratings, in the guide's order and words, then "not rated". */
function ragLooks(report: Report): RagLooks {
  const guide = report.actions?.guide ?? DEFAULT_RAG_GUIDE;
  const looks: RagLooks = new Map();
  const sentence = (t: string) => (/[.!?]$/.test(t) ? t : `${t}.`);
  for (const r of guide.ratings) looks.set(r.rag, { ...look(r.words, RAG_MARKS[r.rag].shape, RAG_MARKS[r.rag].tone), meaning: sentence(r.meaning) });
  looks.set("not-rated", { ...look("Not rated", RAG_MARKS["not-rated"].shape, "unknown"), meaning: "The lead officer gave no rating." });
  return looks;
}

/** A rating as the report shows it; one the guide does not list still reads in words. */
function ragView(rag: Rag | null, looks: RagLooks): StatusView {
  const key = rag ?? "not-rated";
  const { word, shape, css } = looks.get(key) ?? look(DEFAULT_RAG_GUIDE.ratings.find((r) => r.rag === key)!.words, RAG_MARKS[key].shape, RAG_MARKS[key].tone);
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

function legend(looks: ReadonlyMap<string, StatusView & { meaning: string }>): LegendEntry[] {
  return [...looks.values()].map(({ word, shape, css, meaning }) => ({ status: { word, shape, css }, meaning }));
}

function plainIssues(issues: ActionsJson["issues"]): PlainIssueRow[] {
  return issues.map((i) => ({ where: `${i.file}: ${whereWords(i)}`, problem: i.message, advice: i.advice ?? "" }));
}

function actionRow(a: ActionJson, looks: RagLooks): ActionRow {
  return {
    ref: a.ref,
    what: `${shortAction(a.keyAction) || "(no key action written)"}${milestoneWords(a, looks)}`,
    lead: a.leadOfficer || "no lead officer named",
    timescale: a.timescale || "none given",
    rag: ragView(a.rag, looks),
    previous: a.previousRag ? ragView(a.previousRag, looks).word : "–",
    // Only the indicators that need the board's attention get a badge; the rest are named in one
    // line, so an action naming ten indicators takes one row, not a page.
    indicators: a.indicators
      .filter((i) => i.exception)
      .map((i) => ({ ref: i.ref, exception: i.exception, status: i.status ? (({ word, shape, css }) => ({ word, shape, css }))(statusLook(i.status)) : null })),
    others: quietIndicators(a),
  };
}

/** " Milestones: Agree funding (Green), Launch tender (Amber), Appoint provider (not rated)." in words, never colour. */
function milestoneWords(a: ActionJson, looks: RagLooks): string {
  const m = a.milestones ?? [];
  if (m.length === 0) return "";
  return ` Milestones: ${m.map((x) => `${x.text} (${x.rag ? ragView(x.rag, looks).word : "not rated"})`).join(", ")}.`;
}

function quietIndicators(a: ActionJson): string | null {
  const quiet = a.indicators.filter((i) => !i.exception).map((i) => i.ref);
  if (quiet.length === 0) return null;
  const noun = quiet.length === 1 ? "is not an exception" : "are not exceptions";
  return `${a.indicators.length > quiet.length ? "Also " : ""}${quiet.join(", ")} ${noun}.`;
}

const COUNT_FIELD = { red: "red", amber: "amber", "light-green": "lightGreen", green: "green", "not-rated": "notRated" } as const;

/** The counts by priority, one column per rating the guide has (and "not rated"). */
function counts(a: ActionsJson, order: RagOrNone[]): { priorities: PriorityRow[]; totals: PriorityRow } {
  const row = (label: string, c: { red: number; amber: number; lightGreen: number; green: number; notRated: number; total: number }): PriorityRow => ({
    priority: label,
    counts: order.map((k) => formatNumber(c[COUNT_FIELD[k]], 0)),
    total: formatNumber(c.total, 0),
  });
  const sum = { red: 0, amber: 0, lightGreen: 0, green: 0, notRated: 0, total: 0 };
  for (const p of a.byPriority) for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += p[k];
  return { priorities: a.byPriority.map((p) => row(p.name ? `${p.priority} ${p.name}` : p.priority, p)), totals: row("All priorities", sum) };
}

export function actionsView(report: Report): ActionsView | null {
  const a = report.actions;
  if (!a) return null;
  const looks = ragLooks(report);
  // A rating the guide does not list still gets a column when an action has it (it was read as given).
  const order = [...looks.keys()];
  for (const x of a.actions) if (x.rag && !order.includes(x.rag)) order.splice(order.length - 1, 0, x.rag);
  const end = dateInWords(a.quarterEnd);
  const n = a.actions.length;
  const tally = (r: Rag | null) => a.actions.filter((x) => x.rag === r).length;
  const parts = order
    .map((k) => [k, tally(k === "not-rated" ? null : k)] as const)
    .filter(([, c]) => c > 0)
    .map(([k, c]) => `${formatNumber(c, 0)} ${k === "not-rated" ? "not rated" : ragView(k, looks).word}`);
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
  const { priorities, totals } = counts(a, order);
  return {
    anchor: "action-plan",
    heading: "Action plan",
    intro,
    guide: legend(looks),
    countsCaption: `Actions by priority and RAG rating, ${quarterLong(report)}`,
    columns: order.map((k) => ragView(k === "not-rated" ? null : k, looks)),
    priorities,
    totals,
    overdueCaption: `Overdue actions: due by ${end} and not complete`,
    overdue: a.actions.filter((x) => x.overdue).map((x) => actionRow(x, looks)),
    overdueNone: a.overdue.length ? null : `No action was overdue at ${end}.`,
    findings: a.findings.map((f) => ({
      ref: f.ref,
      stated: ragView(f.stated, looks),
      expected: ragView(f.expected, looks),
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
    all: a.actions.map((x) => actionRow(x, looks)),
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
    legend: legend(new Map((["overdue", "due", "received"] as const).map((k) => [k, ASSURANCE_LOOKS[k]]))),
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
  const looks = ragLooks(report);
  const actions = r.actions.map((l) => {
    const a = byRef.get(l.ref);
    return { ref: l.ref, what: a ? shortAction(a.keyAction, 90) : "", rag: ragView(l.rag, looks), overdue: l.overdue ? `overdue: due by ${a?.due ? dateInWords(a.due) : "its timescale"}` : null };
  });
  return { actions, none: actions.length ? null : `No action in the action plan names ${r.indicator} in its measures.` };
}

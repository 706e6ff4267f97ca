// The action plan and the assurance evidence of one quarter -> the report's `actions` and
// `assurance` sections, and the actions linked to each indicator. Pure: the actions read, the
// judged results and the quarter's end come in; nothing is read and no clock is asked.
import type { AssuranceFramework } from "../framework/schema.js";
import type { Issue, Period } from "../types.js";
import { dateInWords } from "../words/index.js";
import { assuranceStatus } from "./assurance.js";
import { DEFAULT_RAG_GUIDE, judgeRag, ragWords } from "./rag.js";
import type { RagGuide } from "../framework/schema.js";
import type { ActionJson, ActionsJson, AssuranceJson, IndicatorLink, LinkedAction, PriorityCount, Rag, RagFinding, RagGuideJson, Result } from "../report-contract/schema.js";
import type { Action, Evidence } from "./types.js";

/** What the judgement needs of a result; report.json's results fit it. */
export type ResultLine = Pick<Result, "indicator" | "indicatorTitle" | "status" | "exception" | "rank">;

export interface PlanInput {
  /** The action plan used, when the workspace keeps one. */
  plan: {
    /** Workspace-relative file, or null when none is at or before the quarter. */
    file: string | null;
    /** The quarter the file is for (an earlier one when this quarter's is missing). */
    period: Period | null;
    actions: Action[];
    /** The quarter before's ratings, by upper-case reference, when its file exists. */
    previous: Map<string, Rag | null> | null;
    previousFile: string | null;
    issues: Issue[];
  } | null;
  /** The assurance framework and the evidence on record, when the framework has one. */
  assurance: {
    framework: AssuranceFramework;
    evidence: Evidence[];
    files: string[];
    trackedFrom: Period | null;
    issues: Issue[];
  } | null;
  period: Period;
  /** The quarter's last day (ISO): the RAG rules' "today". */
  quarterEnd: string;
  results: readonly ResultLine[];
  /** The framework's RAG guide (rag.json); default Doncaster's four. */
  guide?: RagGuide;
}

export interface PlanJudgement {
  actions?: ActionsJson;
  assurance?: AssuranceJson;
  /** Linked actions by upper-case indicator reference; null when the workspace keeps no action plan. */
  links: Map<string, LinkedAction[]> | null;
}

/** The headline status of each indicator: its worst exception's, else its first figure's. */
export function indicatorStatuses(results: readonly ResultLine[]): Map<string, IndicatorLink> {
  const best = new Map<string, { link: IndicatorLink; rank: number }>();
  for (const r of results) {
    const ref = r.indicator.toUpperCase();
    const seen = best.get(ref);
    const rank = r.exception ? (r.rank ?? Number.MAX_SAFE_INTEGER) : Infinity;
    if (!seen || rank < seen.rank) best.set(ref, { link: { ref: r.indicator, title: r.indicatorTitle, status: r.status, exception: r.exception }, rank });
  }
  return new Map([...best].map(([k, v]) => [k, v.link]));
}

function compareRefs(a: string, b: string): number {
  const pa = a.split(/(\d+)/).map((x) => (/^\d+$/.test(x) ? Number(x) : x.toUpperCase()));
  const pb = b.split(/(\d+)/).map((x) => (/^\d+$/.test(x) ? Number(x) : x.toUpperCase()));
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? "";
    const y = pb[i] ?? "";
    if (x === y) continue;
    if (typeof x === "number" && typeof y === "number") return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return 0;
}

function countByPriority(actions: ActionJson[]): PriorityCount[] {
  const groups = new Map<string, PriorityCount>();
  for (const a of actions) {
    const g = groups.get(a.priority) ?? { priority: a.priority, name: null, red: 0, amber: 0, lightGreen: 0, green: 0, notRated: 0, total: 0 };
    g.name ??= a.priorityName;
    if (a.rag === null) g.notRated++;
    else if (a.rag === "light-green") g.lightGreen++;
    else g[a.rag]++;
    g.total++;
    groups.set(a.priority, g);
  }
  return [...groups.values()].sort((x, y) => compareRefs(x.priority, y.priority));
}

function judgePlan(plan: NonNullable<PlanInput["plan"]>, quarterEnd: string, statuses: Map<string, IndicatorLink>, guide?: RagGuide): ActionsJson {
  const findings: RagFinding[] = [];
  const actions: ActionJson[] = plan.actions.map((a) => {
    const j = judgeRag(a.rag, a.timescale, quarterEnd, guide);
    if (j.contradicts && a.rag !== null && j.ruled !== null) {
      const due = a.timescale.kind === "date" ? a.timescale.due : null;
      findings.push({
        ref: a.ref,
        code: "rag-contradicts-rules",
        stated: a.rag,
        expected: j.ruled,
        due,
        message: `${a.ref} was due by ${due ? dateInWords(due) : "its timescale"} and is not complete, so the RAG guide says ${ragWords(j.ruled, guide)}; the lead officer rated it ${ragWords(a.rag, guide)}.`,
        file: a.source.file,
        ...(a.source.sheet ? { sheet: a.source.sheet } : {}),
        ...(a.source.row !== undefined ? { row: a.source.row } : {}),
        ...(a.source.ragCell ? { cell: a.source.ragCell } : {}),
      });
    }
    return {
      ref: a.ref,
      priority: a.priority,
      priorityName: a.priorityName,
      keyAction: a.keyAction,
      leadOfficer: a.leadOfficer,
      timescale: a.timescaleText,
      due: a.timescale.kind === "date" ? a.timescale.due : a.timescale.kind === "ongoing" ? a.timescale.first : null,
      ongoing: a.timescale.kind === "ongoing",
      measures: a.measures,
      progress: a.progress,
      ...(a.milestones?.length ? { milestones: a.milestones } : {}),
      rag: a.rag,
      ragText: a.ragText,
      previousRag: plan.previous?.get(a.ref.toUpperCase()) ?? null,
      rule: j.rule,
      overdue: j.overdue,
      ruledRag: j.ruled,
      indicators: a.indicators.map((ref) => statuses.get(ref) ?? { ref, title: null, status: null, exception: false }),
      assurance: a.assurance,
      file: a.source.file,
      row: a.source.row ?? null,
    };
  });
  return {
    file: plan.file,
    year: plan.period?.year ?? null,
    quarter: plan.period?.quarter ?? null,
    previousFile: plan.previousFile,
    quarterEnd,
    actions,
    byPriority: countByPriority(actions),
    overdue: actions.filter((a) => a.overdue).map((a) => a.ref),
    notRated: actions.filter((a) => a.rag === null).map((a) => a.ref),
    findings,
    issues: plan.issues,
    guide: guideJson(guide ?? DEFAULT_RAG_GUIDE),
  };
}

/** The guide as report.json carries it, so the report words each rating as the partnership does. */
function guideJson(guide: RagGuide): RagGuideJson {
  return { name: guide.name, ratings: guide.ratings.map(({ rag, words, meaning }) => ({ rag, words, meaning })) };
}

export function judgeActionPlan(input: PlanInput): PlanJudgement {
  const out: PlanJudgement = { links: null };
  if (input.plan) {
    const section = judgePlan(input.plan, input.quarterEnd, indicatorStatuses(input.results), input.guide);
    out.actions = section;
    const links = new Map<string, LinkedAction[]>();
    for (const a of section.actions)
      for (const ind of a.indicators) {
        const key = ind.ref.toUpperCase();
        links.set(key, [...(links.get(key) ?? []), { ref: a.ref, rag: a.rag, overdue: a.overdue }]);
      }
    out.links = links;
  }
  if (input.assurance) {
    const a = input.assurance;
    const items = assuranceStatus(a.framework.items, a.evidence, input.period, a.trackedFrom);
    out.assurance = {
      framework: a.framework.name,
      files: a.files,
      trackedFrom: a.trackedFrom,
      items,
      summary: {
        due: items.filter((i) => i.state === "due").length,
        received: items.filter((i) => i.state === "received").length,
        overdue: items.filter((i) => i.state === "overdue").length,
        notDue: items.filter((i) => i.state === "not-due").length,
      },
      issues: a.issues,
    };
  }
  return out;
}

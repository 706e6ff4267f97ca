// The chase list's second half: actions overdue at the quarter's end and assurance evidence owed
// from earlier quarters, grouped by who owns them. Pure: the judged action plan comes in.
import type { Rag, Report } from "../report-contract/schema.js";
import type { Period } from "../types.js";
import { listWords } from "../words/index.js";

export interface OverdueAction {
  ref: string;
  keyAction: string;
  timescale: string;
  /** ISO last day it was due. */
  due: string | null;
  rag: Rag | null;
}

export interface OwedEvidence {
  ref: string;
  title: string;
  overdueFor: Period[];
}

export interface PlanChase {
  /** The action plan file judged, or null when the workspace keeps none. */
  actionsFile: string | null;
  quarterEnd: string | null;
  overdueActions: { owner: string; actions: OverdueAction[] }[];
  overdueAssurance: { owner: string; items: OwedEvidence[] }[];
}

/** Several lead officers share an action when the cell separates them with ";" or a line break. */
export function ownersOf(lead: string): string[] {
  const owners = lead
    .split(/[;\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return owners.length ? owners : ["no lead officer named"];
}

function group<T>(entries: [string, T][]): { owner: string; list: T[] }[] {
  const m = new Map<string, T[]>();
  for (const [owner, item] of entries) m.set(owner, [...(m.get(owner) ?? []), item]);
  return [...m].map(([owner, list]) => ({ owner, list })).sort((a, b) => b.list.length - a.list.length || a.owner.localeCompare(b.owner));
}

/** The action plan and assurance as judged (report.json's sections; absent when the workspace keeps none). */
export function planChase(plan: Pick<Report, "actions" | "assurance">): PlanChase | null {
  if (!plan.actions && !plan.assurance) return null;
  const overdue = (plan.actions?.actions ?? []).filter((a) => a.overdue);
  const actions = group(
    overdue.flatMap((a) => ownersOf(a.leadOfficer).map((o): [string, OverdueAction] => [o, { ref: a.ref, keyAction: a.keyAction, timescale: a.timescale, due: a.due, rag: a.rag }])),
  );
  const owed = (plan.assurance?.items ?? []).filter((i) => i.state === "overdue");
  const evidence = group(owed.map((i): [string, OwedEvidence] => [i.owner, { ref: i.ref, title: i.title, overdueFor: i.overdueFor }]));
  return {
    actionsFile: plan.actions?.file ?? null,
    quarterEnd: plan.actions?.quarterEnd ?? null,
    overdueActions: actions.map((g) => ({ owner: g.owner, actions: g.list })),
    overdueAssurance: evidence.map((g) => ({ owner: g.owner, items: g.list })),
  };
}

const RAG_WORDS: Record<Rag, string> = { red: "Red", amber: "Amber", "light-green": "Light green", green: "Green" };

/** "due by 31 March 2026; rated Light green" (words shared by the text and markdown formats). */
export function overdueWords(a: OverdueAction, longDate: (iso: string) => string): string {
  return `due by ${a.due ? longDate(a.due) : a.timescale}; ${a.rag ? `rated ${RAG_WORDS[a.rag]}` : "not rated"}`;
}

/** "not received for Q1 2026-27". */
export function evidenceOwedWords(e: OwedEvidence): string {
  const quarters = e.overdueFor.map((p) => `${p.quarter} ${p.year}`);
  return `not received for ${quarters.length ? listWords(quarters) : "an earlier quarter"}`;
}

/** The first sentence of a key action, at most `max` characters. */
export function actionWords(text: string, max = 80): string {
  const t = text.replace(/\s+/g, " ").trim();
  const first = /^(.{20,}?[.:;?])(?:\s|$)/.exec(t)?.[1]?.replace(/[:;]$/, "") ?? t;
  return first.length <= max ? first : `${first.slice(0, max - 1).replace(/\s+\S*$/, "")}…`;
}

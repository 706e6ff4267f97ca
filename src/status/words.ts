// The chase list's entries in words, shared by the text and markdown formats.
import type { ChaseEntry, ChaseList } from "./chase-list.js";
import { dateInWords, plural } from "../words/index.js";

export function owedWords(e: ChaseEntry): string {
  const refs = e.owed.indicators.join(", ");
  if (e.owed.kind === "return") return `the whole return (${refs})`;
  if (e.owed.kind === "corrections") return e.owed.indicators.length ? `corrected figures for ${refs}` : "a corrected return";
  return "nothing";
}

export function contactWords(e: ChaseEntry): string {
  const c = e.contact;
  if (!c || (!c.name && !c.email)) return "no contact in darep.config.json";
  if (c.name && c.email) return `${c.name} <${c.email}>`;
  return (c.name ?? c.email)!;
}

export function receivedWords(e: ChaseEntry): string {
  if (!e.receivedAt) return "not received";
  const when = `received ${dateInWords(e.receivedAt)}`;
  return e.late ? `${when} (${plural(e.daysLate, "day")} late)` : when;
}

export function statusWord(e: ChaseEntry): string {
  return e.status === "received" ? (e.late ? "received late" : "received") : e.status;
}

export function headline(list: ChaseList): string {
  const s = list.summary;
  const due = `${list.overdue ? "Were due" : "Due"} by ${dateInWords(list.dueBy)}`;
  return `${due}. ${s.received} of ${s.expected} received and valid; ${s.missing} missing, ${s.invalid} invalid, ${s.late} late.`;
}

// A chase message to one agency whose return is missing or cannot all be used: what it owes or must
// correct, cell by cell, from the chase list (src/status/chase-list.ts), with the template attached
// when the whole return is owed. Agencies whose return is in and valid get none. Pure.
import type { ChaseEntry, ChaseList } from "../status/chase-list.js";
import { place } from "../status/format-markdown.js";
import { receivedWords } from "../status/words.js";
import { markedSubject } from "../disclosure/marking.js";
import { dateInWords, escapeHtml } from "../words/index.js";
import type { Attachment, Message } from "./mime.js";

/** The entries a chase goes to: every agency that owes a return or corrections. */
export const owing = (list: ChaseList) => list.agencies.filter((e) => e.owed.kind !== "nothing");

export interface ChaseMessageInput {
  list: ChaseList;
  entry: ChaseEntry;
  from: string;
  to: string;
  marking?: string;
  /** The blank return to fill in, when the whole return is owed. */
  template: Attachment | null;
  messageId: string;
  date: Date;
}

export function chaseSubject(list: ChaseList, entry: ChaseEntry, marking: string | undefined): string {
  const what = entry.owed.kind === "return" && entry.status === "missing" ? "is missing" : entry.owed.kind === "return" ? "cannot be read" : "needs corrections";
  return markedSubject(marking, `${list.partnership}: your ${list.year} ${list.quarter} return ${what}`);
}

/** The lines that say what is owed: the part of the message a reminder compares. */
export function owedLines(list: ChaseList, entry: ChaseEntry, template: Attachment | null): string[] {
  const quarter = `${list.year} ${list.quarter} (${list.periodLabel})`;
  const due = `${list.overdue ? "It was due" : "It is due"} by ${dateInWords(list.dueBy)}.`;
  const refs = entry.owed.indicators.join(", ");
  const fill = template ? [`The return to fill in is attached (${template.filename}): complete its value column and send it back.`] : [];
  if (entry.status === "missing") return [`We have not received ${entry.name}'s return for ${quarter}. ${due}`, `It should give: ${refs}.`, ...fill];
  const errors = entry.issues.filter((i) => i.severity === "error");
  const problems = errors.map((i) => `- ${place(i)}: ${i.message}${i.advice ? ` ${i.advice}` : ""}`);
  const file = entry.file ? ` (${entry.file}, ${receivedWords(entry)})` : "";
  if (entry.owed.kind === "return")
    return [`${entry.name}'s return for ${quarter}${file} cannot be used as it is:`, ...problems, `Please send the whole return again (${refs}).`, ...fill];
  return [
    `${entry.name}'s return for ${quarter}${file} arrived, but it has ${errors.length === 1 ? "an error" : `${errors.length} errors`} to correct before ${refs ? refs : "all its figures"} can be used:`,
    ...problems,
    "Please correct them and send the return again; the other figures are already in the report.",
  ];
}

export function chaseMessage(input: ChaseMessageInput): Message {
  const { list, entry, marking, template } = input;
  const greeting = entry.contact?.name ? `Dear ${entry.contact.name},` : "Hello,";
  const lines = owedLines(list, entry, template);
  const sign = `Sent by darep for ${list.partnership}. Reply to this message with any questions.`;
  const text = [...(marking ? [marking, ""] : []), greeting, "", ...lines, "", sign, ...(marking ? ["", marking] : [])].join("\n");

  const e = escapeHtml;
  const body: string[] = [];
  let bullets: string[] = [];
  const flush = () => {
    if (bullets.length) body.push(`<ul>${bullets.map((l) => `<li>${e(l)}</li>`).join("")}</ul>`);
    bullets = [];
  };
  for (const l of lines) {
    if (l.startsWith("- ")) bullets.push(l.slice(2));
    else {
      flush();
      body.push(`<p>${e(l)}</p>`);
    }
  }
  flush();
  const html = [
    "<!DOCTYPE html>",
    `<html lang="en-GB"><head><meta charset="utf-8"><title>${e(chaseSubject(list, entry, marking))}</title></head>`,
    '<body style="font-family: Arial, Helvetica, sans-serif; font-size: 15px; line-height: 1.4; color: #1b1b1b; max-width: 42em">',
    ...(marking ? [`<p style="font-weight: bold">${e(marking)}</p>`] : []),
    `<p>${e(greeting)}</p>`,
    ...body,
    `<p style="color: #555">${e(sign)}</p>`,
    ...(marking ? [`<p style="font-weight: bold">${e(marking)}</p>`] : []),
    "</body></html>",
  ].join("\n");

  return {
    from: input.from,
    to: input.to,
    subject: chaseSubject(list, entry, marking),
    text,
    html,
    attachments: template ? [template] : [],
    messageId: input.messageId,
    date: input.date,
  };
}

// A chase message to one agency whose return is missing or cannot all be used: what it owes or must
// correct, cell by cell, from its entry in the chase list (the library face passes the entry's facts:
// src/status/chase-list.ts decides who owes what), with the template attached when the whole return is
// owed. Pure.
import { dateInWords, escapeHtml, markedSubject } from "../words/index.js";
import type { Attachment, Message } from "./mime.js";

/** One agency's entry in the chase list, in the words the message needs. */
export interface ChaseFacts {
  partnership: string;
  year: string;
  quarter: string;
  /** "July to September 2026". */
  periodLabel: string;
  dueBy: string;
  overdue: boolean;
  name: string;
  contactName?: string;
  status: "missing" | "invalid" | "received";
  /** "return": the whole return is owed; "corrections": figures to correct. */
  owed: "return" | "corrections";
  indicators: string[];
  /** The file received, with when: "returns/2026-27/Q2/x.csv, received 20 October 2026". */
  received: string | null;
  /** Each error: "PM27, row 5, cell D5: ... Advice." */
  problems: string[];
}

export interface ChaseMessageInput {
  facts: ChaseFacts;
  from: string;
  to: string;
  marking?: string;
  /** The blank return to fill in, when the whole return is owed. */
  template: Attachment | null;
  messageId: string;
  date: Date;
}

export function chaseSubject(f: ChaseFacts, marking: string | undefined): string {
  const what = f.status === "missing" ? "is missing" : f.owed === "return" ? "cannot be read" : "needs corrections";
  return markedSubject(marking, `${f.partnership}: your ${f.year} ${f.quarter} return ${what}`);
}

/** The lines that say what is owed: the part of the message a reminder compares. */
export function owedLines(f: ChaseFacts, template: Attachment | null): string[] {
  const quarter = `${f.year} ${f.quarter} (${f.periodLabel})`;
  const due = `${f.overdue ? "It was due" : "It is due"} by ${dateInWords(f.dueBy)}.`;
  const refs = f.indicators.join(", ");
  const fill = template ? [`The return to fill in is attached (${template.filename}): complete its value column and send it back.`] : [];
  if (f.status === "missing") return [`We have not received ${f.name}'s return for ${quarter}. ${due}`, `It should give: ${refs}.`, ...fill];
  const problems = f.problems.map((p) => `- ${p}`);
  const file = f.received ? ` (${f.received})` : "";
  if (f.owed === "return") return [`${f.name}'s return for ${quarter}${file} cannot be used as it is:`, ...problems, `Please send the whole return again (${refs}).`, ...fill];
  const n = f.problems.length;
  return [
    `${f.name}'s return for ${quarter}${file} arrived, but it has ${n === 1 ? "an error" : `${n} errors`} to correct before ${refs ? refs : "all its figures"} can be used:`,
    ...problems,
    "Please correct them and send the return again; the other figures are already in the report.",
  ];
}

export function chaseMessage(input: ChaseMessageInput): Message {
  const { facts, marking, template } = input;
  const greeting = facts.contactName ? `Dear ${facts.contactName},` : "Hello,";
  const lines = owedLines(facts, template);
  const sign = `Sent by darep for ${facts.partnership}. Reply to this message with any questions.`;
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
    `<html lang="en-GB"><head><meta charset="utf-8"><title>${e(chaseSubject(facts, marking))}</title></head>`,
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
    subject: chaseSubject(facts, marking),
    text,
    html,
    attachments: template ? [template] : [],
    messageId: input.messageId,
    date: input.date,
  };
}

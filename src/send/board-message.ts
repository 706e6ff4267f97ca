// The board's message: a subject naming the partnership, the quarter and the protective marking; a
// plain-text and an HTML body with the report's summary (its cover paragraph and the figures needing
// the board's attention, worst first), readable without opening the attached PDF. Pure.
import { fileStem } from "../framework/file-names.js";
import { bytesInWords, escapeHtml, markedSubject, momentInWords } from "../words/index.js";
import type { Report } from "../report-contract/schema.js";
import type { Message } from "./mime.js";
import type { SentEntry } from "./sent-log.js";

export interface BoardMessageInput {
  report: Report;
  pdf: Buffer;
  from: string;
  to: string;
  marking?: string;
  /** The earlier pack this one replaces, from the sent log. */
  replaces: SentEntry | null;
  messageId: string;
  date: Date;
}

export const packFileName = (report: Pick<Report, "partnership" | "year" | "quarter">) => `${fileStem(report.partnership, report)}-board-pack.pdf`;

export function boardSubject(report: Report, marking: string | undefined, replacing: boolean): string {
  return markedSubject(marking, `${replacing ? "Updated: " : ""}${report.partnership}: ${report.board} pack, ${report.year} ${report.quarter} (${report.period.label})`);
}

/** The figures needing attention, worst first, as report.json orders them; each sentence names its figure and reference. */
export function attentionItems(report: Report): { ref: string; title: string; sentence: string }[] {
  const byKey = new Map(report.results.map((r) => [r.key, r]));
  return report.exceptions.flatMap((k) => {
    const r = byKey.get(k);
    return r ? [{ ref: r.indicator, title: r.indicatorTitle, sentence: r.sentence }] : [];
  });
}

export function boardMessage(input: BoardMessageInput): Message {
  const { report, marking, replaces } = input;
  const filename = packFileName(report);
  const items = attentionItems(report);
  const intro = `The ${report.board}'s exception report for ${report.partnership}, ${report.year} ${report.quarter} (${report.period.label}), is attached as ${filename} (${bytesInWords(input.pdf.length)}).`;
  const replacing = replaces ? `This pack replaces the one sent to you on ${momentInWords(replaces.sentAt)}: the report has changed since, so please use this one.` : null;
  const heading = items.length ? `Needing the board's attention (${items.length})` : "Needing the board's attention";

  const text = [
    ...(marking ? [marking, ""] : []),
    intro,
    ...(replacing ? ["", replacing] : []),
    "",
    "Summary",
    "",
    report.summary.text,
    "",
    heading,
    "",
    ...(items.length ? items.map((it, i) => `${i + 1}. ${it.sentence}`) : ["Nothing this quarter."]),
    "",
    `Sent by darep from ${report.partnership}'s returns.`,
    ...(marking ? ["", marking] : []),
  ].join("\n");

  const e = escapeHtml;
  const html = [
    "<!DOCTYPE html>",
    `<html lang="en-GB"><head><meta charset="utf-8"><title>${e(boardSubject(report, marking, !!replaces))}</title></head>`,
    '<body style="font-family: Arial, Helvetica, sans-serif; font-size: 15px; line-height: 1.4; color: #1b1b1b; max-width: 42em">',
    ...(marking ? [`<p style="font-weight: bold; letter-spacing: 0.05em">${e(marking)}</p>`] : []),
    `<p>${e(intro)}</p>`,
    ...(replacing ? [`<p style="border-left: 4px solid #b35900; padding-left: 0.6em"><strong>${e(replacing)}</strong></p>`] : []),
    '<h2 style="font-size: 1.15em">Summary</h2>',
    `<p>${e(report.summary.text)}</p>`,
    `<h2 style="font-size: 1.15em">${e(heading)}</h2>`,
    items.length ? `<ol>${items.map((it) => `<li>${e(it.sentence)}</li>`).join("")}</ol>` : "<p>Nothing this quarter.</p>",
    `<p style="color: #555">Sent by darep from ${e(report.partnership)}'s returns.</p>`,
    ...(marking ? [`<p style="font-weight: bold; letter-spacing: 0.05em">${e(marking)}</p>`] : []),
    "</body></html>",
  ].join("\n");

  return {
    from: input.from,
    to: input.to,
    subject: boardSubject(report, marking, !!replaces),
    text,
    html,
    attachments: [{ filename, content: input.pdf, contentType: "application/pdf" }],
    messageId: input.messageId,
    date: input.date,
    references: replaces?.messageId ? [replaces.messageId] : undefined,
  };
}

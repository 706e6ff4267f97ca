// The sent log, `sent.csv` in the report folder: one line per message delivered (when, what kind, to
// whom, its Message-ID, the attachment and the SHA-256 of what was sent). It is what stops the same
// pack going twice to one person, and what lets a changed pack say which message it replaces. Pure:
// the log's text comes in and goes out.
import { parse } from "csv-parse/sync";
import { csvField } from "../words/index.js";

export const SENT_LOG = "sent.csv";
export const SENT_LOG_COLUMNS = ["sent_at", "kind", "recipient", "message_id", "attachment", "sha256"] as const;

export type MessageKind = "board" | "chase";

export interface SentEntry {
  sentAt: string;
  kind: MessageKind;
  recipient: string;
  messageId: string;
  attachment: string;
  /** Of the attachment (board) or of the list of what is owed (chase). */
  sha256: string;
}

export function parseSentLog(text: string): SentEntry[] {
  if (!text.trim()) return [];
  const rows = parse(text.replace(/^\ufeff/, ""), { columns: true, skip_empty_lines: true, relax_column_count: true }) as Record<string, string>[];
  return rows
    .filter((r) => (r.kind === "board" || r.kind === "chase") && r.recipient && r.sha256)
    .map((r) => ({ sentAt: r.sent_at ?? "", kind: r.kind as MessageKind, recipient: r.recipient!, messageId: r.message_id ?? "", attachment: r.attachment ?? "", sha256: r.sha256! }));
}

export function formatSentLog(entries: SentEntry[]): string {
  const lines = [SENT_LOG_COLUMNS.join(","), ...entries.map((e) => [e.sentAt, e.kind, e.recipient, e.messageId, e.attachment, e.sha256].map(csvField).join(","))];
  return `${lines.join("\r\n")}\r\n`;
}

export type Decision =
  /** Never sent this to this recipient: send. */
  | { send: true; replaces: SentEntry | null }
  /** Already sent, the same content: skip unless --resend. */
  | { send: false; already: SentEntry };

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Whether to send a message of this kind and content to this recipient, given what the log holds. */
export function decide(log: SentEntry[], kind: MessageKind, recipient: string, sha256: string, resend: boolean): Decision {
  const earlier = log.filter((e) => e.kind === kind && same(e.recipient, recipient));
  const identical = earlier.filter((e) => e.sha256 === sha256).at(-1);
  const latest = earlier.at(-1) ?? null;
  if (identical && !resend) return { send: false, already: identical };
  // A pack that changed since the last one this recipient had replaces it; a resend of the same does not.
  return { send: true, replaces: latest && latest.sha256 !== sha256 ? latest : null };
}

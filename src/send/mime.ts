// One RFC 5322 message, built by nodemailer's MailComposer: the same bytes are delivered over SMTP and
// written as a .eml by --dry-run, so what an analyst opens is exactly what would have been sent.
import MailComposer from "nodemailer/lib/mail-composer";

export interface Attachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface Message {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: Attachment[];
  /** "<id@domain>". */
  messageId: string;
  date: Date;
  /** Message-IDs this one follows (the pack it replaces), so mail programs thread them. */
  references?: string[];
}

/**
 * The message's bytes. A draft (for --dry-run) carries X-Unsent: 1, which makes Outlook open the .eml
 * as a message to send rather than one received; Thunderbird opens it with "Edit as new message".
 */
export async function buildMessage(m: Message, options: { draft?: boolean } = {}): Promise<Buffer> {
  const composer = new MailComposer({
    from: m.from,
    to: m.to,
    subject: m.subject,
    text: m.text,
    html: m.html,
    attachments: m.attachments.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
    messageId: m.messageId,
    date: m.date,
    ...(m.references?.length ? { references: m.references, inReplyTo: m.references.at(-1) } : {}),
    headers: { "X-Mailer": "darep", ...(options.draft ? { "X-Unsent": "1" } : {}) },
    disableFileAccess: true,
    disableUrlAccess: true,
    newline: "\r\n",
  });
  return composer.compile().build();
}

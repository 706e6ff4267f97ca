// `darep send`: the board pack to every board address, or (--chase) a chase to every agency that owes a
// return or corrections. Every message is composed and checked before the first is sent; each one
// delivered is written to the sent log at once, so a run that stops part way never sends a pack twice.
// A dry run writes each message as a .eml in the outbox instead, and sends and logs nothing.
import { createHash } from "node:crypto";
import { randomUUID } from "node:crypto";
import { join, resolve } from "node:path";
import addressparser from "nodemailer/lib/addressparser";
import { RunError } from "../errors.js";
import type { Workspace } from "../framework/types.js";
import { writeAllAtomically } from "./write-atomic.js";
import { boardMessage } from "../send/board-message.js";
import { chaseMessage, owedLines, type ChaseFacts } from "../send/chase-message.js";
import type { ChaseEntry, ChaseList } from "../status/chase-list.js";
import { place } from "../status/format-markdown.js";
import { receivedWords } from "../status/words.js";
import { buildMessage, type Attachment, type Message } from "../send/mime.js";
import { decide, formatSentLog, parseSentLog, SENT_LOG, type MessageKind, type SentEntry } from "../send/sent-log.js";
import { smtpSettings } from "../send/smtp-url.js";
import { ServerError, smtpDelivery, type Delivery } from "../send/transport.js";
import type { Period } from "../types.js";
import { bytesInWords, formatNumber } from "../words/index.js";
import { openWorkspace, parseQuarter, quarterMeant, readReportFile, reportFolder } from "../workspace/index.js";
import { ensureReport, readPdf, readReport } from "./pack.js";
import { settled, type QuarterRequest } from "./request.js";
import { status } from "./status.js";
import { makeTemplate } from "./template.js";

export interface SendRequest extends QuarterRequest {
  /** Chase the agencies that owe instead of sending the board pack. */
  chase?: boolean;
  dryRun?: boolean;
  resend?: boolean;
  /** Folder for a dry run's .eml files; default <report folder>/outbox. */
  outbox?: string;
  /** The value of DAREP_SMTP_URL (the library reads no environment variable); not needed for a dry run. */
  smtpUrl?: string;
  /** For a pack that must be built first: the browser, the environment holding DAREP_BROWSER, the timestamp. */
  browser?: string;
  env?: NodeJS.ProcessEnv;
  generatedAt?: string;
  /** The clock, for the Date header and the log; default the system's. */
  now?: () => Date;
  /** A new unique id for each Message-ID; default a random UUID. */
  newId?: () => string;
}

/** What the messages are built and sent with, once the request is settled. */
interface Run {
  period: Period;
  kind: MessageKind;
  dryRun: boolean;
  resend: boolean;
  outbox?: string;
  delivery?: () => Delivery;
  now: () => Date;
  today: string;
  newId: () => string;
}

export interface SendLine {
  recipient: string;
  /** The agency chased, for --chase. */
  agency?: string;
  outcome: "sent" | "written" | "skipped" | "failed";
  /** The .eml written (dry run). */
  file?: string;
  messageId?: string;
  replaces?: SentEntry | null;
  /** When skipped: the earlier delivery of the same content. */
  already?: SentEntry;
  problem?: string;
}

export interface SendOutcome {
  root: string;
  partnership: string;
  period: Period;
  kind: MessageKind;
  /** "host:port" of the mail server; null in a dry run. */
  server: string | null;
  /** The report files built first because they were missing or stale. */
  rebuilt: string[];
  lines: SendLine[];
  /** Agencies that owe but have no contact.email to chase. */
  noAddress: { agency: string; name: string }[];
}

const sha256 = (b: Buffer | string) => createHash("sha256").update(b).digest("hex");

function sender(ws: Workspace): { header: string; address: string; domain: string } {
  const from = ws.config.distribution?.from;
  if (!from) throw new RunError('darep.config.json has no distribution.from: add the address the messages come from, e.g. "distribution": { "from": "Community Safety Team <cst@council.gov.uk>" }.');
  const parsed = addressparser(from, { flatten: true });
  const address = parsed.length === 1 ? parsed[0]!.address : "";
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address)) throw new RunError(`darep.config.json: distribution.from is not one email address (found "${from}").`);
  return { header: from, address, domain: address.split("@")[1]! };
}

function readSentLog(ws: Workspace, period: Period, path: string): SentEntry[] {
  const got = readReportFile(ws, period, SENT_LOG);
  if (!got.ok && !got.missing) throw new RunError(`The sent log ${path} cannot be read (${got.detail}): it says what was sent to whom, so darep will not send without it.`);
  const text = got.ok ? got.bytes.toString("utf8") : "";
  try {
    return parseSentLog(text);
  } catch (e) {
    const where = /line (\d+)/i.exec((e as Error).message)?.[1];
    throw new RunError(
      `The sent log ${path} cannot be read${where ? ` (line ${where})` : ""}: it says what was sent to whom, so darep will not send without it. Put right what was changed by hand in it, and run again.`,
    );
  }
}

/** The config's distribution fields a run needs, checked before anything is built or read. */
export function checkDistribution(ws: Workspace, kind: MessageKind): void {
  sender(ws);
  if (kind === "board" && (ws.config.distribution?.board ?? []).length === 0)
    throw new RunError('darep.config.json has no distribution.board addresses: list the board\'s email addresses there, e.g. "distribution": { "board": ["chair@council.gov.uk"] }.');
}

/** An agency's entry in the chase list as the chase message words it. */
function chaseFacts(list: ChaseList, e: ChaseEntry): ChaseFacts {
  return {
    partnership: list.partnership,
    year: list.year,
    quarter: list.quarter,
    periodLabel: list.periodLabel,
    dueBy: list.dueBy,
    overdue: list.overdue,
    name: e.name,
    contactName: e.contact?.name,
    status: e.status,
    owed: e.owed.kind === "return" ? "return" : "corrections",
    indicators: e.owed.indicators,
    received: e.file ? `${e.file}, ${receivedWords(e)}` : null,
    problems: e.issues.filter((i) => i.severity === "error").map((i) => `${place(i)}: ${i.message}${i.advice ? ` ${i.advice}` : ""}`),
  };
}

/** A file name for a .eml from an address or an id: letters, digits, dots and hyphens only. */
const emlName = (prefix: string, who: string) =>
  `${prefix}-${who
    .toLowerCase()
    .replace("@", "-at-")
    .replace(/[^a-z0-9.-]+/g, "_")}.eml`;

interface Planned {
  line: SendLine;
  message: Message | null;
  raw: Buffer | null;
  sha: string;
  attachment: string;
  eml: string;
}

/** The library's `send`: the board pack to the board, or (chase) each agency what it owes. */
export async function sendFor(req: SendRequest): Promise<SendOutcome> {
  parseQuarter(req.quarter);
  // The mail server is read (and refused) before anything else, so a refused URL connects to nothing.
  const settings = req.dryRun ? null : smtpSettings(req.smtpUrl);
  const { cwd, today } = settled(req);
  const ws = await openWorkspace({ workspace: req.workspace, cwd });
  const period = quarterMeant(req, today, ws.config.financialYearStartMonth);
  const kind: MessageKind = req.chase ? "chase" : "board";
  checkDistribution(ws, kind);
  const rebuilt = kind === "board" ? await ensureReport(ws, period, "pdf", { cwd, today, browser: req.browser, env: req.env, generatedAt: req.generatedAt }) : [];
  const done = await deliverAll(ws, {
    period,
    kind,
    dryRun: !!req.dryRun,
    resend: !!req.resend,
    outbox: req.outbox ? resolve(cwd, req.outbox) : undefined,
    delivery: settings ? () => smtpDelivery(settings, req.smtpUrl!) : undefined,
    now: req.now ?? (() => new Date()),
    today,
    newId: req.newId ?? randomUUID,
  });
  return { root: ws.root, partnership: ws.config.partnership, period, kind, server: settings?.shown ?? null, rebuilt, ...done };
}

async function deliverAll(ws: Workspace, req: Run): Promise<Pick<SendOutcome, "lines" | "noAddress">> {
  const from = sender(ws);
  // A chase carries the marking the config sets now; the board's message the one its pack was printed with.
  const marking = ws.config.options.marking;
  const folder = reportFolder(ws, req.period);
  const logPath = join(folder, SENT_LOG);
  const log = readSentLog(ws, req.period, logPath);
  const messageId = () => `<${req.newId()}@${from.domain}>`;
  const planned: Planned[] = [];
  const noAddress: SendOutcome["noAddress"] = [];

  const plan = (kind: MessageKind, to: string, sha: string, attachment: string, eml: string, compose: (replaces: SentEntry | null) => Message, agency?: string) => {
    const d = decide(log, kind, to, sha, req.resend);
    if (!d.send) planned.push({ line: { recipient: to, agency, outcome: "skipped", already: d.already }, message: null, raw: null, sha, attachment, eml });
    else planned.push({ line: { recipient: to, agency, outcome: "sent", replaces: d.replaces }, message: compose(d.replaces), raw: null, sha, attachment, eml });
  };

  if (req.kind === "board") {
    checkDistribution(ws, "board");
    // An address listed twice still gets one message.
    const board = [...new Map((ws.config.distribution?.board ?? []).map((a) => [a.trim().toLowerCase(), a.trim()])).values()];
    const report = readReport(ws, req.period);
    const pdf = readPdf(ws, req.period);
    const sha = sha256(pdf);
    for (const to of board)
      plan("board", to, sha, "", emlName("board", to), (replaces) =>
        boardMessage({ report, pdf, from: from.header, to, marking: report.marking ?? undefined, replaces, messageId: messageId(), date: req.now() }),
      );
  } else {
    const list = await status(ws, req.period, req.today);
    for (const entry of list.agencies.filter((e) => e.owed.kind !== "nothing")) {
      const to = entry.contact?.email;
      if (!to) {
        noAddress.push({ agency: entry.agency, name: entry.name });
        continue;
      }
      let template: Attachment | null = null;
      if (entry.owed.kind === "return") {
        const agency = ws.config.agencies.find((a) => a.id === entry.agency)!;
        const made = await makeTemplate(ws, agency, req.period, "xlsx");
        template = { filename: made.fileName, content: made.content, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" };
      }
      const facts = chaseFacts(list, entry);
      const sha = sha256(owedLines(facts, template).join("\n"));
      plan(
        "chase",
        to,
        sha,
        template?.filename ?? "",
        emlName("chase", entry.agency),
        () => chaseMessage({ facts, from: from.header, to, marking, template, messageId: messageId(), date: req.now() }),
        entry.agency,
      );
    }
  }

  // Every message built and checked against the size limit before the first goes.
  const limit = (ws.config.distribution?.maxMessageMB ?? 10) * 1024 * 1024;
  for (const p of planned) {
    if (!p.message) continue;
    p.raw = await buildMessage(p.message, { draft: req.dryRun });
    p.line.messageId = p.message.messageId;
    if (p.raw.length > limit)
      throw new RunError(
        `The message to ${p.line.recipient} would be ${bytesInWords(p.raw.length)}, more than the ${formatNumber(limit / 1024 / 1024, 2)} MB limit (distribution.maxMessageMB in darep.config.json): nothing was sent. Raise the limit if your mail server takes more, or share the PDF another way.`,
      );
  }

  if (req.dryRun) {
    const outbox = req.outbox ? resolve(req.outbox) : join(folder, "outbox");
    const files = planned.filter((p) => p.raw).map((p) => ({ path: join(outbox, p.eml), content: p.raw! }));
    await writeAllAtomically(files);
    for (const p of planned) if (p.raw) Object.assign(p.line, { outcome: "written", file: join(outbox, p.eml) });
    return { lines: planned.map((p) => p.line), noAddress };
  }

  const toSend = planned.filter((p) => p.raw);
  if (toSend.length === 0) return { lines: planned.map((p) => p.line), noAddress };
  if (!req.delivery) throw new RunError("No mail server was given to send with.");
  const delivery = req.delivery();
  try {
    for (const p of toSend) {
      try {
        await delivery.deliver(p.raw!, { from: from.address, to: p.line.recipient });
      } catch (e) {
        if (e instanceof ServerError) {
          // The server itself failed: no later message can go either.
          for (const q of toSend.slice(toSend.indexOf(p))) Object.assign(q.line, { outcome: "failed", problem: e.message });
          break;
        }
        Object.assign(p.line, { outcome: "failed", problem: e instanceof RunError ? e.message : String(e) });
        continue;
      }
      log.push({
        sentAt: req.now().toISOString(),
        kind: req.kind,
        recipient: p.line.recipient,
        messageId: p.message!.messageId,
        attachment: p.attachment || (p.message!.attachments[0]?.filename ?? ""),
        sha256: p.sha,
      });
      await writeAllAtomically([{ path: logPath, content: formatSentLog(log) }]);
    }
  } finally {
    delivery.close();
  }
  return { lines: planned.map((p) => p.line), noAddress };
}

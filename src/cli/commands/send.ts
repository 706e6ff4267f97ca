// `darep send <quarter>`: the board pack by email to distribution.board (or, with --chase, a chase to
// each agency that owes), over the SMTP server in DAREP_SMTP_URL; --dry-run writes .eml files instead.
// Exit 0 when every message went (or was already sent), 1 when an agency that owes has no address,
// 2 when a message could not be sent or nothing could start.
import { randomUUID } from "node:crypto";
import { relative, resolve } from "node:path";
import { checkDistribution, send, type SendLine } from "../../api/send.js";
import { RunError } from "../../errors.js";
import { SMTP_ENV, smtpSettings } from "../../send/smtp-url.js";
import { smtpDelivery } from "../../send/transport.js";
import { momentInWords, terminalSafe } from "../../words/index.js";
import { today, type Io } from "../io.js";
import { freshReport, workspaceAndPeriod } from "./fresh-report.js";

export interface SendFlags {
  year?: string;
  workspace?: string;
  dryRun?: boolean;
  out?: string;
  resend?: boolean;
  chase?: boolean;
  browser?: string;
}

function say(line: SendLine, io: Io, cwd: string): void {
  // Addresses and names come from the config and server replies: never raw to a terminal.
  const out = (t: string) => io.stdout(terminalSafe(t));
  const err = (t: string) => io.stderr(terminalSafe(t));
  const who = line.agency ? `${line.agency} <${line.recipient}>` : line.recipient;
  if (line.outcome === "sent") out(`  sent to ${who}${line.replaces ? ` (replaces the pack sent ${momentInWords(line.replaces.sentAt)})` : ""}\n`);
  else if (line.outcome === "written") out(`  written for ${who}: ${relative(cwd, line.file!) || line.file}${line.replaces ? " (replaces the pack sent earlier)" : ""}\n`);
  else if (line.outcome === "skipped") out(`  not sent to ${who}: the same was sent ${momentInWords(line.already!.sentAt)} (--resend sends it again)\n`);
  else err(`darep: not sent to ${who}: ${line.problem}\n`);
}

export async function runSend(quarterArg: string, flags: SendFlags, io: Io): Promise<number> {
  // The mail server is read (and refused) before anything else is done, so a refused URL connects to nothing.
  if (flags.out && !flags.dryRun) throw new RunError("--out says where --dry-run writes its .eml files: use it with --dry-run.");
  const url = io.env[SMTP_ENV];
  const settings = flags.dryRun ? null : smtpSettings(url);
  const { ws, period } = await workspaceAndPeriod(quarterArg, flags, io);
  const kind = flags.chase ? "chase" : "board";
  checkDistribution(ws, kind);
  if (kind === "board") await freshReport(ws, period, "pdf", flags, io);
  const outcome = await send(ws, {
    period,
    kind,
    dryRun: !!flags.dryRun,
    resend: !!flags.resend,
    outbox: flags.out ? resolve(io.cwd, flags.out) : undefined,
    delivery: settings ? () => smtpDelivery(settings, url!) : undefined,
    now: () => new Date(),
    today: today(io),
    newId: randomUUID,
  });
  const what = kind === "board" ? "board pack" : "chase";
  io.stdout(terminalSafe(`${ws.config.partnership}, ${period.year} ${period.quarter}: ${what}${flags.dryRun ? " (dry run: nothing sent)" : settings ? ` via ${settings.shown}` : ""}\n`));
  if (outcome.lines.length === 0 && kind === "chase") io.stdout("  every agency's return is in and valid: nobody to chase\n");
  for (const line of outcome.lines) say(line, io, io.cwd);
  for (const a of outcome.noAddress) io.stderr(terminalSafe(`darep: ${a.name} (${a.agency}) owes its return but has no contact.email in darep.config.json: chase it another way, or add the address.\n`));
  if (outcome.lines.some((l) => l.outcome === "failed")) return 2;
  return outcome.noAddress.length ? 1 : 0;
}


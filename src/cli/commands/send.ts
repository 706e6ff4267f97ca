// `darep send <quarter>`: the board pack by email to distribution.board (or, with --chase, a chase to
// each agency that owes), over the SMTP server in DAREP_SMTP_URL; --dry-run writes .eml files instead.
// Exit 0 when every message went (or was already sent), 1 when an agency that owes has no address,
// 2 when a message could not be sent or nothing could start.
import { relative } from "node:path";
import { RunError } from "../../errors.js";
import { parseQuarter, send, type SendLine } from "../../index.js";
import { momentInWords, terminalSafe } from "../../words/index.js";
import { today, type Io } from "../io.js";
import { generatedAt } from "./build.js";

/** The environment variable naming the mail server: read here, passed to the library as smtpUrl. */
const SMTP_ENV = "DAREP_SMTP_URL";

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

export async function runSend(quarter: string, flags: SendFlags, io: Io): Promise<number> {
  parseQuarter(quarter);
  if (flags.out && !flags.dryRun) throw new RunError("--out says where --dry-run writes its .eml files: use it with --dry-run.");
  const done = await send({
    workspace: flags.workspace,
    cwd: io.cwd,
    today: today(io),
    quarter,
    year: flags.year,
    chase: !!flags.chase,
    dryRun: !!flags.dryRun,
    resend: !!flags.resend,
    outbox: flags.out,
    smtpUrl: io.env[SMTP_ENV],
    browser: flags.browser,
    env: io.env,
    generatedAt: generatedAt(io.env),
  });
  const { period } = done;
  if (done.rebuilt.length)
    io.stderr(
      `darep: ${done.rebuilt.join(" and ")} for ${period.year} ${period.quarter} ${done.rebuilt.length > 1 ? "were" : "was"} missing or older than the workspace's files: built the report first.\n`,
    );
  const what = done.kind === "board" ? "board pack" : "chase";
  io.stdout(terminalSafe(`${done.partnership}, ${period.year} ${period.quarter}: ${what}${flags.dryRun ? " (dry run: nothing sent)" : done.server ? ` via ${done.server}` : ""}\n`));
  if (done.lines.length === 0 && done.kind === "chase") io.stdout("  every agency's return is in and valid: nobody to chase\n");
  for (const line of done.lines) say(line, io, io.cwd);
  for (const a of done.noAddress) io.stderr(terminalSafe(`darep: ${a.name} (${a.agency}) owes its return but has no contact.email in darep.config.json: chase it another way, or add the address.\n`));
  if (done.lines.some((l) => l.outcome === "failed")) return 2;
  return done.noAddress.length ? 1 : 0;
}

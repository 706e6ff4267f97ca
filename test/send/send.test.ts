// `darep send` against a real SMTP server on 127.0.0.1: what arrives is parsed with mailparser and
// checked against the built PDF and report.json; the sent log stops a second delivery; --chase goes
// only to the agencies that owe; a URL without TLS to another machine is refused before connecting.
import { createHash } from "node:crypto";
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../src/report-contract/schema.js";
import { darep, DEMO } from "../helpers/cli.js";
import { startSmtp, type TestServer } from "./smtp.js";

const LOGIN = { user: "analyst", pass: "s3cret-Pa55w0rd" };
const BOARD = ["chair@board.example.org", "vice.chair@board.example.org"];
const FROM = "Community Safety Analyst <analyst@council.example.org>";
const PACK = "doncaster-domestic-abuse-partnership-2026-27-q2-board-pack.pdf";

let tmp = "";
let ws = "";
let server: TestServer;
let url = "";
const folder = () => join(ws, "reports", "2026-27-Q2");
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const run = (args: string[], env: Record<string, string> = {}) =>
  darep(["send", "Q2", "--year", "2026-27", "--workspace", ws, ...args], { cwd: tmp, env: { ...process.env, DAREP_SMTP_URL: url, ...env } });
const noSecret = (r: { stdout: string; stderr: string }) => {
  for (const s of [LOGIN.pass, encodeURIComponent(LOGIN.pass), Buffer.from(LOGIN.pass).toString("base64")]) expect(r.stdout + r.stderr).not.toContain(s);
};

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "darep-send-"));
  ws = join(tmp, "demo");
  cpSync(DEMO, ws, { recursive: true });
  const configPath = join(ws, "darep.config.json");
  const config = JSON.parse(readFileSync(configPath, "utf8"));
  config.distribution = { board: BOARD, from: FROM };
  writeFileSync(configPath, JSON.stringify(config, null, 2));
  server = await startSmtp(LOGIN);
  url = `smtp://${LOGIN.user}:${encodeURIComponent(LOGIN.pass)}@127.0.0.1:${server.port}`;
});

afterAll(async () => {
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe("darep send", () => {
  it("builds the pack first, then delivers one message per board address with the summary and the PDF", async () => {
    const r = await run([]);
    noSecret(r);
    expect(r.stderr).toMatch(/missing or older than the workspace's files: built the report first/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/via 127\.0\.0\.1:\d+/);
    expect(server.received.map((m) => m.to)).toEqual(BOARD.map((b) => [b]));
    const pdf = readFileSync(join(folder(), "exception-report.pdf"));
    const report = JSON.parse(readFileSync(join(folder(), "report.json"), "utf8")) as Report;
    const firstException = report.results.find((x) => x.key === report.exceptions[0])!;
    for (const [i, m] of server.received.entries()) {
      expect(m.from).toBe("analyst@council.example.org");
      expect(m.mail.to && !Array.isArray(m.mail.to) ? m.mail.to.text : "").toBe(BOARD[i]);
      expect(m.mail.from?.value[0]).toMatchObject({ name: "Community Safety Analyst", address: "analyst@council.example.org" });
      expect(m.mail.subject).toBe("Doncaster Domestic Abuse Partnership: DA Strategic Board pack, 2026-27 Q2 (July to September 2026)");
      for (const body of [m.mail.text ?? "", m.mail.html || ""]) {
        expect(body).toContain(report.summary.text.replace(/'/g, body === m.mail.text ? "'" : "&#39;"));
        expect(body).toContain(`Needing the board's attention (${report.exceptions.length})`.replace(/'/g, body === m.mail.text ? "'" : "&#39;"));
        expect(body).toContain(firstException.sentence.split("(")[0]!.replace(/'/g, body === m.mail.text ? "'" : "&#39;"));
      }
      expect(m.mail.attachments).toHaveLength(1);
      const [a] = m.mail.attachments;
      expect(a!.filename).toBe(PACK);
      expect(a!.contentType).toBe("application/pdf");
      expect(Buffer.compare(a!.content, pdf)).toBe(0);
    }
    const log = readFileSync(join(folder(), "sent.csv"), "utf8").trim().split("\r\n");
    expect(log[0]).toBe("sent_at,kind,recipient,message_id,attachment,sha256");
    expect(log).toHaveLength(3);
    for (const [i, line] of log.slice(1).entries()) {
      expect(line).toContain(`,board,${BOARD[i]},${server.received[i]!.mail.messageId},${PACK},${sha(pdf)}`);
    }
  });

  it("does not send the same pack to the same address twice, unless --resend", async () => {
    // A return touched (as a copy or a git clone does) without changing the report: the pack is kept.
    const touched = join(ws, "returns", "2026-27", "Q2", readdirSync(join(ws, "returns", "2026-27", "Q2")).find((n) => n.endsWith(".csv"))!);
    utimesSync(touched, new Date(), new Date(Date.now() + 60_000));
    const again = await run([]);
    expect(again.code).toBe(0);
    expect(again.stderr).toBe("");
    expect(again.stdout).toMatch(/not sent to chair@board\.example\.org: the same was sent .* \(--resend sends it again\)/);
    expect(server.received).toHaveLength(2);
    const resend = await run(["--resend"]);
    expect(resend.code).toBe(0);
    expect(server.received).toHaveLength(4);
    // The same pack again is not a replacement.
    expect(server.received[2]!.mail.subject).not.toMatch(/Updated/);
  });

  it("sends a changed pack, saying it replaces the earlier one and threading to it, marked as the pack is", async () => {
    appendFileSync(join(ws, "commentary", "2026-27-Q2.md"), "\n\n## PM17\n\nA late correction from the refuge provider.\n");
    const configPath = join(ws, "darep.config.json");
    const config = JSON.parse(readFileSync(configPath, "utf8"));
    config.options = { ...config.options, marking: "OFFICIAL-SENSITIVE" };
    writeFileSync(configPath, JSON.stringify(config, null, 2));
    const before = server.received.length;
    const earlier = server.received[2]!.mail.messageId;
    const r = await run([]);
    expect(r.stderr).toMatch(/built the report first/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/sent to chair@board\.example\.org \(replaces the pack sent/);
    const m = server.received[before]!;
    expect(m.mail.subject).toMatch(/^OFFICIAL-SENSITIVE: Updated: Doncaster Domestic Abuse Partnership/);
    expect(m.mail.text!.split("\n")[0]).toBe("OFFICIAL-SENSITIVE");
    expect(m.mail.text).toMatch(/This pack replaces the one sent to you on \d+ \w+ \d{4} at \d\d:\d\d (GMT|BST)/);
    expect(m.mail.references).toContain(earlier);
    const pdf = readFileSync(join(folder(), "exception-report.pdf"));
    expect(Buffer.compare(m.mail.attachments[0]!.content, pdf)).toBe(0);
    expect(server.received.length - before).toBe(2);
  });

  it("chases only the agencies whose return is missing or has errors, each with its own list", async () => {
    const before = server.received.length;
    const r = await run(["--chase"]);
    noSecret(r);
    expect(r.code).toBe(0);
    const chased = server.received.slice(before);
    expect(chased.map((m) => m.to[0]).sort()).toEqual(["cranstoun.da-returns@example.org", "st-leger-homes.da-returns@example.org"]);
    const missing = chased.find((m) => m.to[0]!.startsWith("cranstoun"))!;
    expect(missing.mail.subject).toBe("OFFICIAL-SENSITIVE: Doncaster Domestic Abuse Partnership: your 2026-27 Q2 return is missing");
    expect(missing.mail.text).toMatch(/We have not received Cranstoun \(Inspire to Change\)'s return for 2026-27 Q2/);
    expect(missing.mail.text).toContain("PM37");
    expect(missing.mail.attachments.map((a) => a.filename)).toEqual(["cranstoun.xlsx"]);
    expect(missing.mail.attachments[0]!.content.subarray(0, 2).toString()).toBe("PK");
    const invalid = chased.find((m) => m.to[0]!.startsWith("st-leger"))!;
    expect(invalid.mail.subject).toMatch(/your 2026-27 Q2 return needs corrections$/);
    expect(invalid.mail.text).toMatch(/arrived, but it has \d+ errors to correct before PM\d+.* can be used:/);
    expect(invalid.mail.text).toMatch(/^- PM\d+.*row \d+/m);
    expect(invalid.mail.html).toMatch(/<li>PM\d+/);
    expect(invalid.mail.attachments).toHaveLength(0);
    // The same chase is not sent twice.
    const again = await run(["--chase"]);
    expect(again.code).toBe(0);
    expect(server.received.length - before).toBe(2);
  });

  it("refuses a URL to another machine without TLS with exit 2, connecting to nothing", async () => {
    const before = { received: server.received.length, connections: server.connections };
    const r = await run([], { DAREP_SMTP_URL: `smtp://${LOGIN.user}:${encodeURIComponent(LOGIN.pass)}@mail.example.org:${server.port}?ignoreTLS=true` });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^darep: DAREP_SMTP_URL asks to send to mail\.example\.org:\d+ without TLS/);
    noSecret(r);
    expect(server.connections).toBe(before.connections);
    expect(server.received).toHaveLength(before.received);
    const unset = await run([], { DAREP_SMTP_URL: "" });
    expect(unset.code).toBe(2);
    expect(unset.stderr).toMatch(/DAREP_SMTP_URL is not set/);
  });

  it("says plainly when the server refuses the login, exit 2, without the password", async () => {
    const before = server.received.length;
    const r = await run(["--resend"], { DAREP_SMTP_URL: `smtp://${LOGIN.user}:wrong-${encodeURIComponent(LOGIN.pass)}@127.0.0.1:${server.port}` });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/refused the user name and password in DAREP_SMTP_URL/);
    noSecret(r);
    expect(server.received).toHaveLength(before);
  });

  it("in a dry run writes one .eml per message that parses, opens as a draft, and sends nothing", async () => {
    const before = { received: server.received.length, log: readFileSync(join(folder(), "sent.csv"), "utf8") };
    const r = await run(["--dry-run", "--resend"]);
    expect(r.code).toBe(0);
    const outbox = join(folder(), "outbox");
    expect(readdirSync(outbox).sort()).toEqual(["board-chair-at-board.example.org.eml", "board-vice.chair-at-board.example.org.eml"]);
    const pdf = readFileSync(join(folder(), "exception-report.pdf"));
    for (const name of readdirSync(outbox)) {
      const mail = await simpleParser(readFileSync(join(outbox, name)));
      expect(mail.headers.get("x-unsent")).toBe("1");
      expect(mail.subject).toMatch(/DA Strategic Board pack, 2026-27 Q2/);
      expect(mail.text).toBeTruthy();
      expect(mail.html).toBeTruthy();
      expect(Buffer.compare(mail.attachments[0]!.content, pdf)).toBe(0);
    }
    // An analyst without SMTP access: no DAREP_SMTP_URL at all.
    const chase = await run(["--dry-run", "--chase", "--resend", "--out", join(tmp, "drafts")], { DAREP_SMTP_URL: "" });
    expect(chase.code).toBe(0);
    expect(readdirSync(join(tmp, "drafts")).sort()).toEqual(["chase-cranstoun.eml", "chase-st-leger-homes.eml"]);
    expect(server.received).toHaveLength(before.received);
    expect(readFileSync(join(folder(), "sent.csv"), "utf8")).toBe(before.log);
  });

  it("refuses a message over the size limit before sending any, exit 2", async () => {
    const configPath = join(ws, "darep.config.json");
    const config = JSON.parse(readFileSync(configPath, "utf8"));
    const before = server.received.length;
    config.distribution.maxMessageMB = 0.1;
    writeFileSync(configPath, JSON.stringify(config, null, 2));
    try {
      const r = await run(["--resend"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/would be [\d.,]+ (KB|MB), more than the 0\.1 MB limit \(distribution\.maxMessageMB/);
      expect(server.received).toHaveLength(before);
    } finally {
      delete config.distribution.maxMessageMB;
      writeFileSync(configPath, JSON.stringify(config, null, 2));
    }
  });

  it("refuses a sent log it cannot read rather than risk sending twice, exit 2", async () => {
    const logPath = join(folder(), "sent.csv");
    const text = readFileSync(logPath, "utf8");
    const before = server.received.length;
    try {
      writeFileSync(logPath, `${text}2026-12-01,board,"unclosed quote\r\n`);
      const r = await run([]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^darep: The sent log .*sent\.csv cannot be read.*will not send without it/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(server.received).toHaveLength(before);
    } finally {
      writeFileSync(logPath, text);
    }
    expect((await run(["--out", "x"])).code).toBe(2);
  });

  it("needs distribution.from and distribution.board, exit 2", async () => {
    const configPath = join(ws, "darep.config.json");
    const text = readFileSync(configPath, "utf8");
    const config = JSON.parse(text);
    try {
      config.distribution = { board: BOARD };
      writeFileSync(configPath, JSON.stringify(config));
      expect((await run(["--dry-run"])).stderr).toMatch(/no distribution\.from/);
      config.distribution = { from: FROM };
      writeFileSync(configPath, JSON.stringify(config));
      const r = await run(["--dry-run"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/no distribution\.board addresses/);
    } finally {
      writeFileSync(configPath, text);
    }
    expect(existsSync(configPath)).toBe(true);
  });
});

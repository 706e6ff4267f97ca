// The pure parts of `darep send`: reading DAREP_SMTP_URL, the sent log's decisions, the board message
// (subject with the marking, both bodies escaped), and the message bytes MailComposer builds.
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { boardMessage, boardSubject, packFileName } from "../../src/send/board-message.js";
import { buildMessage } from "../../src/send/mime.js";
import { decide, formatSentLog, parseSentLog, type SentEntry } from "../../src/send/sent-log.js";
import { isLoopback, scrub, smtpSettings } from "../../src/send/smtp-url.js";
import type { Report } from "../../src/report-contract/schema.js";

describe("DAREP_SMTP_URL", () => {
  it("requires STARTTLS for smtp:// to another machine, and TLS from the start for smtps://", () => {
    expect(smtpSettings("smtp://u:p%40ss@mail.example.org:587")).toMatchObject({
      host: "mail.example.org",
      port: 587,
      secure: false,
      requireTLS: true,
      ignoreTLS: false,
      auth: { user: "u", pass: "p@ss" },
      shown: "mail.example.org:587",
    });
    expect(smtpSettings("smtps://mail.example.org")).toMatchObject({ port: 465, secure: true, requireTLS: false, auth: null });
  });

  it("sends without TLS only to this machine", () => {
    expect(smtpSettings("smtp://127.0.0.1:2525")).toMatchObject({ requireTLS: false, ignoreTLS: true });
    expect(smtpSettings("smtp://[::1]:25?ignoreTLS=true").shown).toBe("[::1]:25");
    expect(() => smtpSettings("smtp://u:secret@mail.example.org:25?ignoreTLS=true")).toThrow(/without TLS only to a server on this machine/);
    expect(() => smtpSettings("smtp://mail.example.org?secure=false")).toThrow(/does not know \('secure'\)/);
    expect(() => smtpSettings("http://mail.example.org")).toThrow(/must start with smtp:\/\/ or smtps:\/\//);
    expect(() => smtpSettings(undefined)).toThrow(/is not set/);
    for (const bad of ["smtp://u:secret@mail.example.org:25?ignoreTLS=true", "smtp://u:secret@mail.example.org?x=1", "nonsense secret"]) {
      expect(() => smtpSettings(bad), bad).toThrow();
      try {
        smtpSettings(bad);
      } catch (e) {
        expect((e as Error).message).not.toContain("secret");
      }
    }
  });

  it("knows loopback hosts without resolving names", () => {
    for (const h of ["localhost", "127.0.0.1", "127.9.9.9", "::1", "[::1]"]) expect(isLoopback(h), h).toBe(true);
    for (const h of ["mail.example.org", "128.0.0.1", "localhost.example.org", "::2", "10.0.0.1"]) expect(isLoopback(h), h).toBe(false);
  });

  it("scrubs the password, plain, percent-encoded and in base64, out of a server's words", () => {
    const s = smtpSettings("smtp://analyst:p%40ss%2Fw0rd@mail.example.org");
    const said = `535 auth failed for analyst p@ss/w0rd ${encodeURIComponent("p@ss/w0rd")} ${Buffer.from("\u0000analyst\u0000p@ss/w0rd").toString("base64")}`;
    expect(scrub(said, s)).not.toMatch(/p@ss|p%40ss|analyst|AGFuYWx5c3Q/);
  });
});

describe("the sent log", () => {
  const entry = (over: Partial<SentEntry>): SentEntry => ({
    sentAt: "2026-12-01T09:00:00.000Z",
    kind: "board",
    recipient: "chair@x.org",
    messageId: "<1@x.org>",
    attachment: "p.pdf",
    sha256: "aaa",
    ...over,
  });

  it("round-trips through its CSV", () => {
    const log = [entry({}), entry({ kind: "chase", recipient: "a,b@x.org", sha256: "bbb" })];
    expect(parseSentLog(formatSentLog(log))).toEqual(log);
    expect(parseSentLog("")).toEqual([]);
  });

  it("sends what a recipient never had, skips the same again, and says a changed pack replaces the last", () => {
    const log = [entry({ sha256: "aaa", messageId: "<1@x.org>" }), entry({ sha256: "bbb", messageId: "<2@x.org>" })];
    expect(decide(log, "board", "new@x.org", "aaa", false)).toEqual({ send: true, replaces: null });
    expect(decide(log, "board", "CHAIR@x.org", "bbb", false)).toMatchObject({ send: false, already: { messageId: "<2@x.org>" } });
    expect(decide(log, "board", "chair@x.org", "bbb", true)).toEqual({ send: true, replaces: null });
    expect(decide(log, "board", "chair@x.org", "ccc", false)).toMatchObject({ send: true, replaces: { messageId: "<2@x.org>" } });
    expect(decide(log, "chase", "chair@x.org", "aaa", false)).toEqual({ send: true, replaces: null });
  });
});

const report = {
  partnership: "Test <Partnership> & Co",
  board: "DA Board",
  year: "2026-27",
  quarter: "Q2",
  period: { start: "2026-07-01", end: "2026-09-30", label: "July to September 2026" },
  summary: { text: "All returns arrived; <b>1</b> figure needs attention." },
  exceptions: ["PM1/x/total/a"],
  results: [{ key: "PM1/x/total/a", indicator: "PM1", indicatorTitle: "Referrals", sentence: "Referrals (PM1) rose to 12 & more." }],
} as unknown as Report;

describe("the board's message", () => {
  it("names the partnership, the quarter and the marking in the subject; the file after the partnership", () => {
    expect(boardSubject(report, "OFFICIAL-SENSITIVE", false)).toBe("OFFICIAL-SENSITIVE: Test <Partnership> & Co: DA Board pack, 2026-27 Q2 (July to September 2026)");
    expect(boardSubject(report, undefined, true)).toMatch(/^Updated: Test/);
    expect(packFileName(report)).toBe("test-partnership-and-co-2026-27-q2-board-pack.pdf");
  });

  it("carries the summary and the items in both bodies, the HTML escaped, the marking top and bottom", async () => {
    const m = boardMessage({
      report,
      pdf: Buffer.from("%PDF-1.7 test"),
      from: "a@x.org",
      to: "b@x.org",
      marking: "OFFICIAL-SENSITIVE",
      replaces: null,
      messageId: "<id@x.org>",
      date: new Date("2026-12-01T09:00:00Z"),
    });
    expect(m.text.split("\n")[0]).toBe("OFFICIAL-SENSITIVE");
    expect(m.text.trim().split("\n").at(-1)).toBe("OFFICIAL-SENSITIVE");
    expect(m.text).toContain("All returns arrived; <b>1</b> figure needs attention.");
    expect(m.text).toContain("1. Referrals (PM1) rose to 12 & more.");
    expect(m.html).toContain("All returns arrived; &lt;b&gt;1&lt;/b&gt; figure");
    expect(m.html).toContain("<li>Referrals (PM1) rose to 12 &amp; more.</li>");
    expect(m.html).not.toContain("<b>1</b>");
    const mail = await simpleParser(await buildMessage(m));
    expect(mail.subject).toBe(m.subject);
    expect(mail.messageId).toBe("<id@x.org>");
    expect(mail.attachments[0]!.content.toString()).toBe("%PDF-1.7 test");
    expect(mail.headers.has("x-unsent")).toBe(false);
  });
});

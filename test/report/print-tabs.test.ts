// The printer's tabs, with the REAL browser: a tab kept for the run carries nothing of one report into
// the next; a print that hangs is ended and said; a browser that stops mid-run is said at once, to the
// reports it was printing and to those after, and the run's pool starts another. A machine without a
// browser fails here on purpose.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tool } from "../helpers/demo-pdf.js";
import { RunError } from "../../src/errors.js";
import { findBrowser } from "../../src/report/browser.js";
import { PdfPrinter } from "../../src/report/pdf.js";
import { NotPrinted } from "../../src/report/print-slots.js";
import { PrinterPool } from "../../src/report/printer-pool.js";

let dir = "";
let browserPath = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "darep-tabs-test-"));
  const found = findBrowser({ env: process.env, platform: process.platform, exists: existsSync });
  if (!found) throw new Error("No Chrome, Chromium or Edge was found, so the PDF cannot be tested: install one (Debian: apt-get install chromium) or set DAREP_BROWSER.");
  browserPath = found.path;
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function read(pdf: Uint8Array, name: string): Promise<{ text: string; info: string }> {
  const file = join(dir, name);
  await writeFile(file, pdf);
  return { text: tool("pdftotext", ["-layout", file, "-"]), info: tool("pdfinfo", [file]) };
}

/** A page of `paragraphs` paragraphs, so that it takes the browser a while to lay out and print. */
const long = (word: string, paragraphs: number) => `<!doctype html><html lang="en"><head><title>${word}</title></head><body>${`<p>${word} `.repeat(paragraphs)}</body></html>`;

/** The browser's renderers (Linux), found by their parent. */
function renderersOf(browserPid: number): number[] {
  return readdirSync("/proc")
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        const stat = readFileSync(`/proc/${p}/stat`, "utf8");
        const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        return ppid !== 0 && readFileSync(`/proc/${p}/cmdline`, "utf8").includes("--type=renderer") && isBelow(ppid, browserPid);
      } catch {
        return false; // ended while we looked
      }
    })
    .map(Number);
}
function isBelow(pid: number, ancestor: number): boolean {
  for (let p = pid, i = 0; p > 1 && i < 20; i++) {
    if (p === ancestor) return true;
    const stat = readFileSync(`/proc/${p}/stat`, "utf8");
    p = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  }
  return false;
}

describe("a tab kept for the run", () => {
  it("prints a second report with none of the first's text, title, marking or footer", async () => {
    // One slot: both reports go through the same tab.
    const printer = await PdfPrinter.launch(browserPath, { timeoutMs: 30_000, slots: 1 });
    try {
      // The machines darep is tested on have a Chromium that draws page margin boxes (156 here).
      expect(printer.marginBoxes).toBe(true);
      const first = `<!doctype html><html lang="en"><head><title>Alpha Partnership report</title><style>body { color: red }</style></head><body><h1>ALPHA-ONLY heading</h1><p>alpha's figures</p></body></html>`;
      const a = await read(await printer.print(first, { title: "Alpha Partnership: exception report", marking: "OFFICIAL-SENSITIVE" }), "a.pdf");
      expect(a.text).toContain("ALPHA-ONLY heading");
      expect(a.text).toContain("OFFICIAL-SENSITIVE");
      expect(a.text).toContain("Alpha Partnership: exception report");
      // The second page has no <title> of its own: the PDF's title is then the report's, not the last one's.
      const b = await read(await printer.print(`<!doctype html><html lang="en"><body><h1>Bravo heading</h1></body></html>`, { title: "Bravo Partnership: exception report" }), "b.pdf");
      expect(b.text).toContain("Bravo heading");
      expect(b.text).toContain("Bravo Partnership: exception report");
      expect(b.text).toContain("Page 1 of 1");
      expect(b.text).not.toMatch(/alpha|OFFICIAL/i);
      expect(b.info.match(/^Title:\s+(.*)$/m)?.[1]).toBe("Bravo Partnership: exception report");
      expect(b.info).not.toMatch(/alpha/i);
    } finally {
      await printer.close();
    }
  });
});

describe("a browser older than Chromium 131 (no page margin boxes)", () => {
  it("gets the footer and marking as header and footer templates, with the same words", async () => {
    const printer = await PdfPrinter.launch(browserPath, { timeoutMs: 30_000, marginBoxes: false });
    try {
      const { text } = await read(await printer.print(long("old", 2), { title: "Old Chrome: exception report", marking: "OFFICIAL" }), "old.pdf");
      const lines = text
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean);
      expect(lines[0]).toBe("OFFICIAL");
      expect(lines.at(-1)).toMatch(/^Old Chrome: exception report\s+OFFICIAL\s+Page 1 of 1$/);
    } finally {
      await printer.close();
    }
  });
});

describe("a print that cannot finish", () => {
  it("is ended after the timeout and says so; the next report prints on a new tab", async () => {
    if (process.platform !== "linux") throw new Error("This test finds the browser's renderers in /proc (Linux).");
    const printer = await PdfPrinter.launch(browserPath, { timeoutMs: 4_000, slots: 1 });
    const stopped: number[] = [];
    try {
      await printer.print(long("warm", 1), { title: "warm" });
      // The tab's renderer stops answering for good: a real hang, not a slow page.
      for (const pid of renderersOf(printer.pid!)) {
        process.kill(pid, "SIGSTOP");
        stopped.push(pid);
      }
      expect(stopped.length).toBeGreaterThan(0);
      const hung = await printer.print(long("hung", 10), { title: "hung" }).catch((e: unknown) => e);
      expect(hung).toBeInstanceOf(RunError);
      expect((hung as RunError).message).toBe("The browser took longer than 4 s to print the PDF.");
      const next = await read(await printer.print(long("after", 3), { title: "after" }), "after.pdf");
      expect(next.text).toMatch(/after\s+after\s+after/);
    } finally {
      for (const pid of stopped) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          // already gone
        }
      }
      await printer.close();
    }
  });
});

describe("a browser that hangs", () => {
  it("is ended after two prints in a row time out, so that the run's pool starts another", async () => {
    const printer = await PdfPrinter.launch(browserPath, { timeoutMs: 3_000, slots: 1 });
    try {
      await printer.print(long("warm", 1), { title: "warm" });
      // The whole browser stops answering (its every process stopped): no tab can be opened or printed.
      process.kill(-printer.pid!, "SIGSTOP");
      const first = await printer.print(long("one", 10), { title: "one" }).catch((e: unknown) => e);
      expect((first as RunError).message).toBe("The browser took longer than 3 s to print the PDF.");
      expect(printer.alive).toBe(true);
      const second = await printer.print(long("two", 10), { title: "two" }).catch((e: unknown) => e);
      expect((second as RunError).message).toMatch(/^The browser took longer than 3 s to print the PDF\. It did so twice in a row, so darep ended that browser/);
      expect(printer.alive).toBe(false);
      await expect(printer.print(long("three", 1), { title: "three" })).rejects.toBeInstanceOf(NotPrinted);
    } finally {
      try {
        process.kill(-printer.pid!, "SIGKILL");
      } catch {
        // already gone
      }
      await printer.close();
    }
  }, 30_000);
});

describe("a browser that stops mid-run", () => {
  it("fails the reports it was printing with a plain message, and every later one at once", async () => {
    const printer = await PdfPrinter.launch(browserPath, { timeoutMs: 30_000 });
    try {
      const printing = [printer.print(long("one", 3000), { title: "one" }), printer.print(long("two", 3000), { title: "two" })];
      process.kill(-printer.pid!, "SIGKILL");
      for (const p of printing) {
        const e = await p.catch((error: unknown) => error);
        expect(e).toBeInstanceOf(RunError);
        expect((e as RunError).message).toBe("The browser stopped while printing the PDF (it crashed, or something on this computer ended it). Build again to print it.");
      }
      expect(printer.alive).toBe(false);
      await expect(printer.print(long("three", 1), { title: "three" })).rejects.toThrow("The browser stopped while printing the PDF");
    } finally {
      await printer.close();
    }
  });

  it("is replaced by the run's pool for the reports after", async () => {
    const pool = new PrinterPool({ browser: browserPath, env: {} });
    try {
      const first = await pool.printer();
      process.kill(-first.pid!, "SIGKILL");
      await expect(first.print(long("lost", 3000), { title: "lost" })).rejects.toThrow(RunError);
      const second = await pool.printer();
      expect(second).not.toBe(first);
      const { text } = await read(await second.print(long("again", 2), { title: "again" }), "again.pdf");
      expect(text).toMatch(/again\s+again/);
    } finally {
      await pool.close();
    }
  });
});

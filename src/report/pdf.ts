// Printing the HTML report to a tagged, bookmarked A4 PDF with the user's own browser, one browser
// shared by every report in a run. The page is sealed off: no scripts, and no request ever leaves it.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { RunError } from "../errors.js";
import { escapeHtml, formatNumber } from "../words/index.js";
import { startBrowser, type BrowserProcess } from "./browser-process.js";
import type { PdfFacts } from "./pdf-finish.js";

// Without the networking flags Chromium keeps trying to reach the (closed) network and slows start-up.
const FLAGS = ["--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

// Chromium draws header and footer at a zero font size unless told otherwise. An empty template would
// bring back Chromium's default header (date and title), hence the empty div.
// A protective marking (options.marking) goes at the top and bottom of every page, as the Government
// Security Classifications ask.
const MARK = "font-weight:bold;letter-spacing:0.05em;color:#000";
const header = (marking: string | null) =>
  marking ? `<div style="font-size:9pt;font-family:Arial,Helvetica,sans-serif;width:100%;text-align:center;${MARK}">${escapeHtml(marking)}</div>` : "<div></div>";
const footer = (title: string, marking: string | null) =>
  `<div style="font-size:8pt;font-family:Arial,Helvetica,sans-serif;color:#444;width:100%;margin:0 15mm;display:flex;justify-content:space-between;gap:4mm">` +
  `<span>${escapeHtml(title)}</span>${marking ? `<span style="${MARK}">${escapeHtml(marking)}</span>` : ""}<span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;

function firstLine(e: unknown): string {
  return String(e instanceof Error ? e.message : e)
    .split("\n")[0]!
    .replace(/\s+/g, " ")
    .trim();
}

/** Settles with the promise, or rejects after ms: for every wait on a browser that may never answer. */
function within<T>(promise: Promise<T>, ms: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RunError(message())), ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

/** How long a browser that was asked to close may take before its process group is killed. */
const CLOSE_MS = 5_000;

export class PdfPrinter {
  #browser: Browser | null;
  #process: BrowserProcess;
  #timeoutMs: number;
  #refused = 0;
  #closing: Promise<void> | null = null;
  #removeOnExit: () => void;

  private constructor(browser: Browser, child: BrowserProcess, timeoutMs: number, removeOnExit: () => void) {
    this.#browser = browser;
    this.#process = child;
    this.#timeoutMs = timeoutMs;
    this.#removeOnExit = removeOnExit;
  }

  static async launch(executablePath: string, opts: { timeoutMs: number }): Promise<PdfPrinter> {
    // A fresh profile each run: nothing from the user's own browsing leaks in, nothing is left behind.
    const profile = await mkdtemp(join(tmpdir(), "darep-browser-"));
    // Chromium refuses to start as root with its sandbox on; everyone else keeps the sandbox.
    const extra = process.getuid?.() === 0 ? [...FLAGS, "--no-sandbox"] : FLAGS;
    const headless = /headless[-_]shell/i.test(basename(executablePath)) ? "shell" : true;
    // The CDP pipe instead of a port: no other process on the machine can connect to the browser.
    const args = [...puppeteer.defaultArgs({ headless, userDataDir: profile, args: extra }), "--remote-debugging-pipe"];
    const child = startBrowser(executablePath, args, profile);
    // If darep exits without close() (an error path, process.exit), end the browser here; a signal
    // or SIGKILL that skips this is the guard's to handle.
    const removeOnExit = () => child.kill();
    process.once("exit", removeOnExit);
    try {
      const exitedEarly = child.exited.then(() => {
        throw new RunError(child.stderrTail().trim().split("\n").pop() || "it exited at once");
      });
      const browser = await within(
        Promise.race([puppeteer.connect({ transport: child.transport, defaultViewport: { width: 800, height: 600 }, protocolTimeout: opts.timeoutMs }), exitedEarly]),
        opts.timeoutMs,
        () => `it did not answer within ${formatNumber(opts.timeoutMs / 1000, 1)} s`,
      );
      return new PdfPrinter(browser, child, opts.timeoutMs, removeOnExit);
    } catch (e) {
      // A browser that exited says why on stderr better than the closed pipe does: wait for its exit
      // a moment (bounded), then take its last line.
      const gone = await within(
        child.exited.then(() => true),
        1_000,
        () => "",
      ).catch(() => false);
      const said = gone ? child.stderrTail().trim().split("\n").pop() : undefined;
      // A browser that hangs, or a wrapper that left children, is ended with its whole process group.
      child.kill();
      process.off("exit", removeOnExit);
      throw new RunError(`The browser at ${executablePath} could not be started: ${said || firstLine(e)}`);
    }
  }

  /** How many requests pages tried to make (all refused); for tests and diagnostics. */
  get refusedRequests(): number {
    return this.#refused;
  }

  async print(html: string, opts: { title: string; marking?: string | null }): Promise<Uint8Array> {
    const browser = this.#browser;
    if (!browser || this.#closing) throw new RunError("The PDF printer was already closed.");
    // A page of its own per print, so several reports can print at once on one browser.
    const tooLong = () => `The browser took longer than ${formatNumber(this.#timeoutMs / 1000, 1)} s to print the PDF.`;
    const page = await within(browser.newPage(), this.#timeoutMs, tooLong);
    try {
      return await within(this.#render(page, html, opts.title, opts.marking ?? null), this.#timeoutMs, tooLong);
    } finally {
      // A browser that hangs may never answer this either; close() ends it in any case.
      await within(page.close(), CLOSE_MS, () => "").catch(() => undefined);
    }
  }

  async #render(page: Page, html: string, title: string, marking: string | null): Promise<Uint8Array> {
    // Loaded while the browser lays out and prints the page: the PDF library takes a while to load.
    const finishing = import("./pdf-finish.js");
    finishing.catch(() => undefined);
    page.setDefaultTimeout(this.#timeoutMs);
    await page.setJavaScriptEnabled(false);
    // The report is self-contained; anything it asks for is a mistake or an attack, never fetched.
    // (data: URLs are never intercepted, so embedded images still draw.)
    await page.setRequestInterception(true);
    page.on("request", (request) => {
      this.#refused++;
      request.abort("blockedbyclient").catch(() => undefined);
    });
    // setContent writes into about:blank: no file:// navigation, so the page can read no local files.
    await page.setContent(html, { waitUntil: "load" });
    // Chromium takes the PDF's Title from <title>; an HTML page without one still gets the report's.
    // The PDF's metadata and link descriptions come from the page itself, so they say what it says.
    const facts: PdfFacts = await page.evaluate((t) => {
      if (!document.title) document.title = t;
      const meta = (n: string) => document.querySelector(`meta[name="${n}"]`)?.getAttribute("content") ?? "";
      return {
        title: document.title,
        lang: document.documentElement.lang,
        author: meta("author"),
        subject: meta("description"),
        created: meta("dcterms.created"),
        links: [...document.querySelectorAll("a[href]")].map((a) => ({ href: a.getAttribute("href") ?? "", text: a.getAttribute("aria-label") ?? a.textContent ?? "" })),
      };
    }, title);
    const printed = await page.pdf({
      format: "A4",
      printBackground: true,
      tagged: true,
      outline: true,
      displayHeaderFooter: true,
      headerTemplate: header(marking),
      footerTemplate: footer(title, marking),
      margin: { top: "15mm", bottom: "18mm", left: "15mm", right: "15mm" },
      timeout: this.#timeoutMs,
    });
    const { finishPdf } = await finishing;
    return await finishPdf(printed, facts);
  }

  /** Safe to call more than once and from every path; always ends the browser's process group and removes the profile. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      const browser = this.#browser;
      this.#browser = null;
      try {
        // Asked nicely first, so that Chromium ends its helpers itself; then the group is killed anyway.
        await within(Promise.all([browser?.close(), this.#process.exited]), CLOSE_MS, () => "").catch(() => undefined);
      } finally {
        this.#process.kill();
        process.off("exit", this.#removeOnExit);
      }
    })();
    return this.#closing;
  }
}

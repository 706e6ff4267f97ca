// Printing the HTML report to a tagged, bookmarked A4 PDF with the user's own browser, one browser
// shared by every report in a run, each report printed on one of a few tabs kept for the run. The page
// is sealed off: no scripts, and no request ever leaves it.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "puppeteer-core";
import { RunError } from "../errors.js";
import { formatNumber } from "../words/index.js";
import { browserArgs, startBrowser, type BrowserProcess } from "./browser-process.js";
import type { PdfFacts } from "./pdf-finish.js";
import { drawsMarginBoxes, PAGE_MARGIN, pageTemplates, withPageMargins } from "./page-margins.js";
import { NotPrinted, Slots, within } from "./print-slots.js";
import { printSlots } from "./printer-pool.js";

function firstLine(e: unknown): string {
  return String(e instanceof Error ? e.message : e)
    .split("\n")[0]!
    .replace(/\s+/g, " ")
    .trim();
}

/** How long a browser that was asked to close may take before its process group is killed. */
const CLOSE_MS = 5_000;
/** How much later than darep's own timeout puppeteer's fire, so that darep's message is the one said. */
const LATER_MS = 5_000;

/** The A4 page's width inside its margins at 96 px to the inch (180 mm): the tabs' viewport. */
const VIEWPORT = { width: 680, height: 960 };

export class PdfPrinter {
  readonly slots: number;
  /** Whether the footer and marking are the page's margin boxes (Chromium 131+) or header and footer templates. */
  readonly marginBoxes: boolean;
  #browser: Browser | null;
  #process: BrowserProcess;
  #timeoutMs: number;
  #refused = 0;
  /** Prints in a row that took too long: two, and the browser is taken as hung and stopped (a new one prints the rest). */
  #timeouts = 0;
  #closing: Promise<void> | null = null;
  #removeOnExit: () => void;
  /** Why the browser can print no more, once it has gone; every print asked of it then fails with it. */
  #gone: RunError | null = null;
  /**
   * How to stop each print under way at once, with why. One promise per print, dropped when it ends:
   * racing every print against one long-lived promise would keep every PDF it ever printed alive
   * (each race leaves a reaction on the promise that holds its result), 1 MiB a partnership.
   */
  #stoppers = new Set<(why: RunError) => void>();
  /** Tabs set up and waiting for a report, and the places to print in (one a tab). */
  #idle: Page[] = [];
  #slots: Slots;

  private constructor(browser: Browser, child: BrowserProcess, opts: { timeoutMs: number; slots: number; marginBoxes: boolean }, removeOnExit: () => void) {
    this.#browser = browser;
    this.#process = child;
    this.#timeoutMs = opts.timeoutMs;
    this.slots = opts.slots;
    this.marginBoxes = opts.marginBoxes;
    this.#slots = new Slots(opts.slots);
    this.#removeOnExit = removeOnExit;
    const gone = () => {
      if (this.#gone || this.#closing) return;
      this.#gone = new RunError("The browser stopped while printing the PDF (it crashed, or something on this computer ended it). Build again to print it.");
      for (const stop of this.#stoppers) stop(this.#gone);
    };
    browser.once("disconnected", gone);
    void child.exited.then(gone);
  }

  /** `marginBoxes`: draw the footer by margin boxes or by templates; default as the browser's version allows. */
  static async launch(executablePath: string, opts: { timeoutMs: number; slots?: number; marginBoxes?: boolean }): Promise<PdfPrinter> {
    // A fresh profile each run: nothing from the user's own browsing leaks in, nothing is left behind.
    const profile = await mkdtemp(join(tmpdir(), "darep-browser-"));
    // The browser first, then puppeteer's import while it starts (both take a fifth of a second or so).
    const child = startBrowser(executablePath, browserArgs(executablePath, profile, process.getuid?.() === 0), profile);
    // If darep exits without close() (an error path, process.exit), end the browser here; a signal
    // or SIGKILL that skips this is the guard's to handle.
    const removeOnExit = () => child.kill();
    process.once("exit", removeOnExit);
    // Loaded while the browser starts too: the PDF library takes a while to load.
    import("./pdf-finish.js").catch(() => undefined);
    try {
      const exitedEarly = child.exited.then(() => {
        throw new RunError(child.stderrTail().trim().split("\n").pop() || "it exited at once");
      });
      const connecting = import("puppeteer-core").then(({ default: puppeteer }) =>
        // puppeteer's own timeouts come after darep's, which say what happened in darep's words.
        puppeteer.connect({ transport: child.transport, defaultViewport: VIEWPORT, protocolTimeout: opts.timeoutMs + LATER_MS }),
      );
      const browser = await within(Promise.race([connecting, exitedEarly]), opts.timeoutMs, () => `it did not answer within ${formatNumber(opts.timeoutMs / 1000, 1)} s`);
      const marginBoxes = opts.marginBoxes ?? drawsMarginBoxes(await within(browser.version(), opts.timeoutMs, () => "it did not say its version"));
      return new PdfPrinter(browser, child, { timeoutMs: opts.timeoutMs, slots: opts.slots ?? printSlots(), marginBoxes }, removeOnExit);
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

  /** False once the browser has stopped or the printer was closed: a run then needs another printer. */
  get alive(): boolean {
    return !this.#gone && !this.#closing;
  }

  /** The browser's process id, for tests that end it. */
  get pid(): number | undefined {
    return this.#process.pid;
  }

  /** Before a print begins: a printer that has stopped says so as NotPrinted, so the report can go to another. */
  #usable(): void {
    if (this.#gone) throw new NotPrinted(this.#gone.message);
    if (this.#closing) throw new NotPrinted("The PDF printer was already closed.");
  }

  async print(html: string, opts: { title: string; marking?: string | null }): Promise<Uint8Array> {
    this.#usable();
    await this.#slots.take();
    let tab: Page | null = null;
    let printed: { pdf: Uint8Array; facts: PdfFacts };
    let stop: (why: RunError) => void = () => undefined;
    const stopped = new Promise<never>((_, reject) => (stop = reject));
    stopped.catch(() => undefined);
    // A tab whose renderer crashed (out of memory, or killed) is said at once, not as a timeout.
    const crashed = () => stop(new RunError("The browser's page crashed while printing the PDF (perhaps the computer ran short of memory). Build again to print it."));
    try {
      this.#usable();
      this.#stoppers.add(stop);
      const tooLong = () => `The browser took longer than ${formatNumber(this.#timeoutMs / 1000, 1)} s to print the PDF.`;
      const work = (async () => {
        tab = this.#idle.pop() ?? (await this.#openTab());
        // on, not once: puppeteer wraps a once listener, and off() would then not find it.
        tab.on("error", crashed);
        return await this.#render(tab, html, opts.title, opts.marking ?? null);
      })();
      try {
        printed = await within(Promise.race([work, stopped]), this.#timeoutMs, tooLong);
        this.#timeouts = 0;
      } catch (e) {
        // A tab that failed or hung is never used again: closed (a browser that hangs may never answer
        // that either; close() ends it in any case), with a tab it was still opening.
        this.#discard(tab);
        const late = () => this.#discard(tab);
        work.then(late, late);
        if (!this.#gone && e instanceof RunError && e.message === tooLong() && ++this.#timeouts >= 2) this.#hung(e);
        throw this.#gone ?? e;
      }
      (tab as Page | null)?.off("error", crashed);
      this.#idle.push(tab!);
    } finally {
      this.#stoppers.delete(stop);
      this.#slots.give();
    }
    // Finished by darep while the tab prints the next report.
    const { finishPdf } = await import("./pdf-finish.js");
    return await finishPdf(printed.pdf, printed.facts);
  }

  /** Two prints in a row timed out: the browser is taken as hung, every print on it is stopped, and it is ended. */
  #hung(last: RunError): void {
    this.#gone = new RunError(`${last.message} It did so twice in a row, so darep ended that browser; a new one prints the reports after.`);
    for (const stop of this.#stoppers) stop(this.#gone);
    void this.close();
  }

  #discard(tab: Page | null): void {
    if (tab && !tab.isClosed()) within(tab.close(), CLOSE_MS, () => "").catch(() => undefined);
  }

  /** A tab set up once for every report it will print: no scripts, no requests, laid out for print. */
  async #openTab(): Promise<Page> {
    const page = await this.#browser!.newPage();
    page.setDefaultTimeout(this.#timeoutMs + LATER_MS);
    // The report is self-contained; anything it asks for is a mistake or an attack, never fetched.
    // (data: URLs are never intercepted, so embedded images still draw.)
    page.on("request", (request) => {
      this.#refused++;
      request.abort("blockedbyclient").catch(() => undefined);
    });
    // Laid out for print from the start, so that printing does not lay the page out afresh.
    await Promise.all([page.setJavaScriptEnabled(false), page.setRequestInterception(true), page.emulateMediaType("print")]);
    return page;
  }

  async #render(page: Page, html: string, title: string, marking: string | null): Promise<{ pdf: Uint8Array; facts: PdfFacts }> {
    // setContent replaces the whole document (text, title, styles) in about:blank: no file://
    // navigation, so the page can read no local files, and nothing of the tab's last report is left.
    // "load" comes as soon as the page is parsed: it has nothing to fetch, and its fonts are the system's.
    await page.setContent(this.marginBoxes ? withPageMargins(html, title, marking) : html, { waitUntil: "load" });
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
    // The footer and marking are the page's own margin boxes (see page-margins.ts), or templates in an older browser.
    const templates = this.marginBoxes ? {} : { displayHeaderFooter: true, ...pageTemplates(title, marking) };
    // No wait for web fonts: the report's fonts are the system's (its Content-Security-Policy loads none).
    const pdf = await page.pdf({ format: "A4", printBackground: true, tagged: true, outline: true, margin: PAGE_MARGIN, timeout: this.#timeoutMs + LATER_MS, waitForFonts: false, ...templates });
    return { pdf, facts };
  }

  /** Safe to call more than once and from every path; always ends the browser's process group and removes the profile. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      const browser = this.#browser;
      this.#browser = null;
      this.#idle = [];
      // Prints waiting for a tab are told at once that there will be none.
      this.#slots.release();
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

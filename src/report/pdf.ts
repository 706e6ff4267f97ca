// Printing the HTML report to a tagged, bookmarked A4 PDF with the user's own browser, one browser
// shared by every report in a run. The page is sealed off: no scripts, and no request ever leaves it.
import type { ChildProcess } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { RunError } from "../errors.js";
import { escapeHtml, formatNumber } from "../words/index.js";
import type { PdfFacts } from "./pdf-finish.js";

// Without the networking flags Chromium keeps trying to reach the (closed) network and slows start-up.
const FLAGS = [
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

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
  return String(e instanceof Error ? e.message : e).split("\n")[0]!.replace(/\s+/g, " ").trim();
}

/** SIGKILL every process whose command line names this profile folder (Linux: from /proc). */
function killProfileUsers(profile: string): void {
  if (process.platform !== "linux") return;
  let pids: string[] = [];
  try {
    pids = readdirSync("/proc").filter((p) => /^\d+$/.test(p));
  } catch {
    return;
  }
  for (const pid of pids) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(`--user-data-dir=${profile}`)) process.kill(Number(pid), "SIGKILL");
    } catch {
      // gone already, or not ours to read
    }
  }
}

export class PdfPrinter {
  #browser: Browser | null;
  #profile: string;
  #timeoutMs: number;
  #refused = 0;
  #closing: Promise<void> | null = null;
  #removeOnExit: () => void;

  private constructor(browser: Browser, profile: string, timeoutMs: number, removeOnExit: () => void) {
    this.#browser = browser;
    this.#profile = profile;
    this.#timeoutMs = timeoutMs;
    this.#removeOnExit = removeOnExit;
  }

  static async launch(executablePath: string, opts: { timeoutMs: number }): Promise<PdfPrinter> {
    // A fresh profile each run: nothing from the user's own browsing leaks in, nothing is left behind.
    const profile = await mkdtemp(join(tmpdir(), "darep-browser-"));
    // Chromium refuses to start as root with its sandbox on; everyone else keeps the sandbox.
    const args = process.getuid?.() === 0 ? [...FLAGS, "--no-sandbox"] : FLAGS;
    // If darep exits without close() (Ctrl-C, a crash), end the browser and remove the profile here:
    // puppeteer's own exit hook skips browsers when one process has launched more than one.
    let child: ChildProcess | null = null;
    const removeOnExit = () => {
      if (child?.pid && child.exitCode === null) {
        try {
          process.kill(process.platform === "win32" ? child.pid : -child.pid, "SIGKILL");
        } catch {
          child.kill("SIGKILL");
        }
      }
      rmSync(profile, { recursive: true, force: true });
    };
    process.once("exit", removeOnExit);
    try {
      const browser = await puppeteer.launch({
        executablePath,
        headless: /headless[-_]shell/i.test(basename(executablePath)) ? "shell" : true,
        args,
        userDataDir: profile,
        timeout: opts.timeoutMs,
      });
      child = browser.process();
      return new PdfPrinter(browser, profile, opts.timeoutMs, removeOnExit);
    } catch (e) {
      // A launch that timed out can leave the browser starting up with no handle to it: end every
      // process using this run's profile (unique to it), then remove the profile. The exit listener
      // stays, to remove the profile again should a straggler write to it.
      killProfileUsers(profile);
      await rm(profile, { recursive: true, force: true });
      throw new RunError(`The browser at ${executablePath} could not be started: ${firstLine(e)}`);
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
    const page = await browser.newPage();
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new RunError(`The browser took longer than ${formatNumber(this.#timeoutMs / 1000, 1)} s to print the PDF.`)),
        this.#timeoutMs,
      );
    });
    try {
      return await Promise.race([this.#render(page, html, opts.title, opts.marking ?? null), expired]);
    } finally {
      clearTimeout(timer);
      await page.close().catch(() => undefined);
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

  /** Safe to call more than once and from every path; always removes the temporary profile. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      const browser = this.#browser;
      this.#browser = null;
      try {
        await browser?.close();
      } catch {
        // A browser that already died still leaves its process to end and its profile to remove.
        browser?.process()?.kill("SIGKILL");
      } finally {
        await rm(this.#profile, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
        process.off("exit", this.#removeOnExit);
      }
    })();
    return this.#closing;
  }
}

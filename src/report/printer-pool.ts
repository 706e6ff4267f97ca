// The browser a run prints its PDFs with: found on the machine (darep never downloads one), started
// once on first use and shared by every report of the run (started again should it stop mid-run), and
// how many reports are printing at once.
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { RunError } from "../errors.js";
import { NotPrinted } from "./print-slots.js";
import type { PdfPrinter } from "./pdf.js";

/**
 * Reports printing at once, each on its own tab: one per core (a tab's layout and printing run on one
 * core, in its renderer), at most 4 (each tab's renderer holds some 100 MiB), at least 2 (so that
 * darep finishes one PDF while the browser prints the next).
 */
export function printSlots(cores = availableParallelism()): number {
  return Math.max(2, Math.min(cores, 4));
}

/** How often a run starts its browser again after it stopped: a browser that keeps crashing is not tried for ever. */
const RESTARTS = 2;

export interface PoolOptions {
  /** The Chrome, Chromium or Edge to use; else DAREP_BROWSER in `env`, else the usual install paths. */
  browser?: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}

/** How long the browser may take to start and to print one report: DAREP_BROWSER_TIMEOUT seconds, default 60. */
export function browserTimeoutMs(env: NodeJS.ProcessEnv): number {
  const text = env.DAREP_BROWSER_TIMEOUT;
  if (text === undefined || text === "") return 60_000;
  const seconds = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || seconds <= 0 || seconds > 3600)
    throw new RunError(`DAREP_BROWSER_TIMEOUT must be a number of seconds from 0.1 to 3600 (found "${text}"): unset it to keep the default of 60.`);
  return Math.max(100, Math.round(seconds * 1000));
}

export class PrinterPool {
  readonly #options: PoolOptions;
  readonly #timeoutMs: number;
  #launching: Promise<PdfPrinter> | null = null;
  #current: PdfPrinter | null = null;
  /** Printers whose browser stopped, closed (their process groups ended) with the pool. */
  #stopped: PdfPrinter[] = [];

  constructor(options: PoolOptions = {}) {
    this.#options = options;
    // Checked here, before any work, so that a mistyped setting is said at once.
    this.#timeoutMs = browserTimeoutMs(options.env ?? {});
  }

  /** Builds worth having in flight at once: one per print slot, and one more being read meanwhile. */
  readonly inFlight = printSlots() + 1;

  /**
   * The shared printer, started on the first call. One whose browser stopped mid-run (the reports it
   * was printing were told so) is replaced by a new one for the reports after, at most RESTARTS times.
   */
  printer(): Promise<PdfPrinter> {
    const current = this.#current;
    if (current && !current.alive && this.#stopped.length < RESTARTS) {
      this.#stopped.push(current);
      this.#current = null;
      this.#launching = null;
    }
    this.#launching ??= (async () => {
      const platform = this.#options.platform ?? process.platform;
      const { findBrowser, noBrowserMessage } = await import("./browser.js");
      const found = findBrowser({ browser: this.#options.browser, env: this.#options.env ?? {}, platform, exists: existsSync });
      if (!found) throw new RunError(noBrowserMessage(platform));
      const { PdfPrinter } = await import("./pdf.js");
      return (this.#current = await PdfPrinter.launch(found.path, { timeoutMs: this.#timeoutMs }));
    })();
    return this.#launching;
  }

  /** Start the browser now, so that it starts up while the returns are read; a failure is met at printer(). */
  warm(): void {
    this.printer().catch(() => undefined);
  }

  /** Close the browser, if one was started, and what is left of any that stopped. */
  async close(): Promise<void> {
    const printer = await this.#launching?.catch(() => null);
    await Promise.all([printer, ...this.#stopped].map((p) => p?.close()));
  }
}

/**
 * Print one report on the run's printer. A print that never began because that printer had stopped
 * (NotPrinted) goes once to the printer the run has now: the pool starts a new browser for it, a
 * limited number of times, so reports waiting for a tab are not lost with the browser.
 */
export async function printOnce(printer: () => Promise<Pick<PdfPrinter, "print">>, html: string, opts: { title: string; marking?: string | null }): Promise<Uint8Array> {
  try {
    return await (await printer()).print(html, opts);
  } catch (e) {
    if (!(e instanceof NotPrinted)) throw e;
    return await (await printer()).print(html, opts);
  }
}

// The browser a run prints its PDFs with: found on the machine (darep never downloads one), started
// once on first use and shared by every report of the run, and how many reports print at once.
import { existsSync } from "node:fs";
import { RunError } from "../errors.js";
import type { PdfPrinter } from "./pdf.js";

/** Reports printing at once while the next workspace is read: enough to keep both the browser and darep busy. */
export const PRINTS_AT_ONCE = 2;

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
  readonly printsAtOnce = PRINTS_AT_ONCE;
  readonly #options: PoolOptions;
  readonly #timeoutMs: number;
  #launching: Promise<PdfPrinter> | null = null;

  constructor(options: PoolOptions = {}) {
    this.#options = options;
    // Checked here, before any work, so that a mistyped setting is said at once.
    this.#timeoutMs = browserTimeoutMs(options.env ?? {});
  }

  /** The shared printer, started on the first call. */
  printer(): Promise<PdfPrinter> {
    this.#launching ??= (async () => {
      const platform = this.#options.platform ?? process.platform;
      const { findBrowser, noBrowserMessage } = await import("./browser.js");
      const found = findBrowser({ browser: this.#options.browser, env: this.#options.env ?? {}, platform, exists: existsSync });
      if (!found) throw new RunError(noBrowserMessage(platform));
      const { PdfPrinter } = await import("./pdf.js");
      return PdfPrinter.launch(found.path, { timeoutMs: this.#timeoutMs });
    })();
    return this.#launching;
  }

  /** Start the browser now, so that it starts up while the returns are read; a failure is met at printer(). */
  warm(): void {
    this.printer().catch(() => undefined);
  }

  /** Close the browser, if one was started. */
  async close(): Promise<void> {
    const printer = await this.#launching?.catch(() => null);
    await printer?.close();
  }
}

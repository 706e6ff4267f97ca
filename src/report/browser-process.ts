// The browser as a process darep owns: started in a process group of its own, spoken to over a pipe
// (no debugging port), watched by a tiny guard that ends the whole group and removes the profile when
// darep dies in any way, SIGKILL included. Nothing the browser (or a wrapper script and its children)
// holds open can keep darep running: darep never waits on the browser's output to end.
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { basename } from "node:path";
import type { Readable, Writable } from "node:stream";
import type { ConnectionTransport } from "puppeteer-core";

/**
 * The guard: a shell that reads its stdin, a pipe from darep, until it closes. That happens when darep
 * exits or is killed (the kernel closes a dead process's pipes), and then it kills the browser's process
 * group and removes the profile. Node cannot ask for PR_SET_PDEATHSIG, and this works on every POSIX
 * system. It ignores the terminal's signals so that Ctrl-C (sent to darep's whole group) cannot end it
 * before it has cleaned up. `kill -9 -PGID` is the spelling dash, bash and zsh all accept.
 */
const GUARD = `trap '' INT TERM HUP; while read -r _; do :; done; kill -9 "-$0" 2>/dev/null; rm -rf -- "$1"`;

/**
 * The command line: puppeteer's defaults for a browser it drives (as `defaultArgs()` gives them in
 * puppeteer-core 24), written out here so that the browser starts before puppeteer has even loaded.
 * The networking flags matter: without them Chromium keeps trying to reach the (closed) network.
 */
export function browserArgs(executablePath: string, profile: string, asRoot: boolean): string[] {
  // The headless shell is headless already; a full Chrome is told to be.
  const shell = /headless[-_]shell/i.test(basename(executablePath));
  return [
    "--allow-pre-commit-input",
    "--disable-background-networking",
    "--disable-background-timer-throttling",
    "--disable-backgrounding-occluded-windows",
    "--disable-breakpad",
    "--disable-client-side-phishing-detection",
    "--disable-component-extensions-with-background-pages",
    "--disable-component-update",
    "--disable-crash-reporter",
    "--disable-default-apps",
    "--disable-dev-shm-usage",
    "--disable-gpu",
    "--disable-hang-monitor",
    "--disable-infobars",
    "--disable-ipc-flooding-protection",
    "--disable-popup-blocking",
    "--disable-prompt-on-repost",
    "--disable-renderer-backgrounding",
    "--disable-search-engine-choice-screen",
    "--disable-sync",
    "--enable-automation",
    "--export-tagged-pdf",
    "--force-color-profile=srgb",
    "--generate-pdf-document-outline",
    "--metrics-recording-only",
    "--no-first-run",
    "--password-store=basic",
    "--use-mock-keychain",
    "--disable-features=Translate,AcceptCHFrame,MediaRouter,OptimizationHints,WebUIReloadButton,ProcessPerSiteUpToMainFrameThreshold,IsolateSandboxedIframes",
    "--enable-features=PdfOopif",
    `--user-data-dir=${profile}`,
    shell ? "--headless" : "--headless=new",
    // The headless shell then draws no frames of its own: nobody looks at the screen, and printing lays
    // out and paints the pages by itself. The same PDFs (text and pages at 40 dpi compared), and 15%
    // less of the browser's CPU (no GPU process at work; 6 pairs of the demo's PDFs: 4.1 -> 3.5 CPU-s).
    ...(shell ? ["--enable-begin-frame-control"] : []),
    "--hide-scrollbars",
    "--mute-audio",
    "--disable-extensions",
    // Chromium refuses to start as root with its sandbox on; everyone else keeps the sandbox.
    ...(asRoot ? ["--no-sandbox"] : []),
    // The CDP pipe instead of a port: no other process on the machine can connect to the browser.
    "--remote-debugging-pipe",
    "about:blank",
  ];
}

export interface BrowserProcess {
  /** The CDP connection, NUL-delimited JSON over the child's fds 3 (to it) and 4 (from it). */
  transport: ConnectionTransport;
  /** Resolves when the browser's own process has ended. */
  exited: Promise<void>;
  /** The last lines the browser wrote to stderr, for an error message. */
  stderrTail(): string;
  /** Ends the browser's whole process group now, stops listening to it and removes the profile. Sync and idempotent. */
  kill(): void;
  pid: number | undefined;
}

class PipeTransport implements ConnectionTransport {
  #onmessage?: (message: string) => void;
  #onclose?: () => void;
  #pending: Buffer[] = [];
  #early: string[] = [];
  #closed = false;

  // puppeteer connects once it has loaded, which may be after the browser spoke or (failing to start)
  // closed the pipe: what came before is handed over as soon as it listens.
  get onmessage(): ((message: string) => void) | undefined {
    return this.#onmessage;
  }
  set onmessage(listener: ((message: string) => void) | undefined) {
    this.#onmessage = listener;
    if (listener) for (const message of this.#early.splice(0)) setImmediate(() => listener(message));
  }
  get onclose(): (() => void) | undefined {
    return this.#onclose;
  }
  set onclose(listener: (() => void) | undefined) {
    this.#onclose = listener;
    if (listener && this.#closed) setImmediate(listener);
  }

  constructor(
    private readonly toBrowser: Writable,
    fromBrowser: Readable,
  ) {
    fromBrowser.on("data", (chunk: Buffer) => this.#dispatch(chunk));
    fromBrowser.on("close", () => this.#close());
    fromBrowser.on("error", () => this.#close());
    toBrowser.on("error", () => this.#close());
  }

  send(message: string): void {
    if (this.#closed) return;
    this.toBrowser.write(message);
    this.toBrowser.write("\0");
  }

  #dispatch(chunk: Buffer): void {
    let at = chunk.indexOf(0);
    if (at === -1) {
      this.#pending.push(chunk);
      return;
    }
    let rest = Buffer.concat([...this.#pending, chunk]);
    this.#pending = [];
    at = rest.indexOf(0);
    while (at !== -1) {
      const message = rest.toString("utf8", 0, at);
      // Puppeteer expects messages one task apart, as its own pipe transport delivers them.
      if (this.#onmessage) setImmediate(() => this.#onmessage?.(message));
      else this.#early.push(message);
      rest = rest.subarray(at + 1);
      at = rest.indexOf(0);
    }
    if (rest.length) this.#pending.push(rest);
  }

  #close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#onclose?.();
  }

  close(): void {
    this.#closed = true;
  }
}

function killGroup(child: ChildProcess): void {
  if (!child.pid) return;
  try {
    // The group, not the process: a wrapper script's children are in it too, even once the wrapper has exited.
    process.kill(process.platform === "win32" ? child.pid : -child.pid, "SIGKILL");
  } catch {
    try {
      child.kill("SIGKILL");
    } catch {
      // already gone
    }
  }
}

export function startBrowser(executablePath: string, args: string[], profile: string): BrowserProcess {
  const posix = process.platform !== "win32";
  // stdin and stdout go nowhere; stderr and the CDP pipe are read only until kill() lets go of them.
  const child = spawn(executablePath, args, { detached: posix, stdio: ["ignore", "ignore", "pipe", "pipe", "pipe"], windowsHide: true });
  // Started at once after the browser, in the same tick: from here on a killed darep takes the browser down.
  const guard = posix && child.pid ? spawn("/bin/sh", ["-c", GUARD, String(child.pid), profile], { detached: true, stdio: ["pipe", "ignore", "ignore"] }) : null;
  guard?.on("error", () => undefined);
  guard?.unref();
  // An idle pipe does not keep the event loop alive, but make sure of it.
  (guard?.stdin as unknown as { _handle?: { unref?: () => void } } | null)?._handle?.unref?.();

  let tail = "";
  const stderr = child.stderr!;
  stderr.setEncoding("utf8");
  stderr.on("data", (s: string) => (tail = (tail + s).slice(-4000)));
  stderr.on("error", () => undefined);
  const exited = new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.once("error", () => resolve());
  });
  const [toBrowser, fromBrowser] = [child.stdio[3] as Writable, child.stdio[4] as Readable];
  const transport = new PipeTransport(toBrowser, fromBrowser);

  let killed = false;
  const kill = () => {
    if (killed) return;
    killed = true;
    killGroup(child);
    // Let go of every stream: a child that escaped the group may still hold their other ends.
    for (const s of [stderr, toBrowser, fromBrowser]) s.destroy();
    child.unref();
    rmSync(profile, { recursive: true, force: true, maxRetries: 3, retryDelay: 50 });
    // The guard's work is done; ending it also ends its pipe.
    guard?.kill("SIGKILL");
  };
  child.once("error", () => undefined);
  return { transport, exited, stderrTail: () => tail, kill, pid: child.pid };
}

// A build killed half-way through writing leaves the previous report whole, and the next build removes
// what the killed one left behind. The kill point is exact, not timed: the "browser" darep is given is a
// wrapper that first makes darep's temporary PDF file a FIFO, then runs the real browser. darep writes
// report.json and the HTML to their temporary files, then blocks writing the PDF into the FIFO until
// this test reads from it; the test reads one chunk and kills darep with SIGKILL.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, existsSync, readdirSync } from "node:fs";
import { mkdir, mkdtemp, open, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/api/build.js";
import { findBrowser } from "../../src/report/browser.js";
import { PdfPrinter } from "../../src/report/pdf.js";
import { BIN, DEMO, ROOT } from "../helpers/cli.js";
import { eventually, processesMentioning, running } from "../safety/helpers.js";

const FILES = ["exception-report.html", "exception-report.pdf", "exception-report-appendix.pdf", "report.json"];
let dir = "";
let out = "";
let realBrowser = "";
let printer: PdfPrinter;
let browserPid = 0;

async function buildDemo(generatedAt: string): Promise<void> {
  const r = await build({ workspace: DEMO, cwd: ROOT, quarter: "Q2", year: "2026-27", today: "2026-11-25", generatedAt, formats: ["html", "pdf", "json"], out, printer: async () => printer });
  expect(r.pdfProblem).toBeNull();
}

/** Each output file's SHA-256 (comparing megabytes of bytes with toEqual takes vitest many seconds). */
const snapshot = async () =>
  Object.fromEntries(
    await Promise.all(
      FILES.map(
        async (f) =>
          [
            f,
            createHash("sha256")
              .update(await readFile(join(out, f)))
              .digest("hex"),
          ] as const,
      ),
    ),
  );

async function until<T>(what: string, check: () => T | undefined | false, failed: () => string | null): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = check();
    if (value) return value;
    const problem = failed();
    if (problem) throw new Error(`${what}: ${problem}`);
    if (Date.now() > deadline) throw new Error(`${what}: gave up after 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  const found = findBrowser({ env: process.env, platform: process.platform, exists: existsSync });
  if (!found) throw new Error("No Chrome, Chromium or Edge was found, so the atomic writing of the PDF cannot be checked: install one (Debian: apt-get install chromium) or set DAREP_BROWSER.");
  if (process.platform === "win32") throw new Error("This test needs a POSIX shell and mkfifo.");
  realBrowser = found.path;
  dir = await mkdtemp(join(tmpdir(), "darep-atomic-"));
  out = join(dir, "out");
  printer = await PdfPrinter.launch(realBrowser, { timeoutMs: 60_000 });
});

afterAll(async () => {
  await printer?.close();
  // The killed darep could not close its browser: end it (it leads its own process group) here.
  if (browserPid) {
    try {
      process.kill(-browserPid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("writing the report", () => {
  it("leaves the previous report whole when darep is killed half-way through writing it", async () => {
    await buildDemo("2026-11-18T11:06:40.000Z");
    const before = await snapshot();

    // Same basename as the real browser, so that darep starts it in the same headless mode.
    const wrapper = join(dir, "bin", basename(realBrowser));
    await mkdir(join(dir, "bin"));
    await writeFile(wrapper, `#!/bin/sh\n` + `echo $$ > '${join(dir, "browser.pid")}'\n` + `mkfifo '${out}/.exception-report.pdf.'$PPID'.tmp' || exit 1\n` + `exec '${realBrowser}' "$@"\n`);
    chmodSync(wrapper, 0o755);
    const tmp = join(dir, "tmp");
    await mkdir(tmp);

    const child = spawn(process.execPath, [BIN, "build", "Q2", "--year", "2026-27", "--workspace", DEMO, "--out", out, "--browser", wrapper], {
      cwd: ROOT,
      // A different date, so that a report that was replaced would not have the same bytes.
      env: { ...process.env, NO_COLOR: "1", DAREP_TODAY: "2026-11-25", SOURCE_DATE_EPOCH: "1795100000", TMPDIR: tmp },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on("exit", (code, signal) => resolve(signal ?? code)));
    let exitedEarly = false;
    void exited.then(() => (exitedEarly = true));

    const fifo = join(out, `.exception-report.pdf.${child.pid}.tmp`);
    await until(
      "waiting for the wrapper to start",
      () => existsSync(fifo),
      () => (exitedEarly ? `darep ended first: ${stderr}` : null),
    );
    browserPid = Number((await readFile(join(dir, "browser.pid"), "utf8")).trim());

    // Blocks until darep opens the FIFO to write the PDF, i.e. after the JSON and the HTML are staged.
    const reader = await open(fifo, "r");
    const chunk = Buffer.alloc(4096);
    const { bytesRead } = await reader.read(chunk, 0, chunk.length, null);
    expect(chunk.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(bytesRead).toBeGreaterThan(0);
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    await reader.close();

    // darep's guard takes the browser's whole process group down and removes its profile (issue 14):
    // waited for, never slept for, giving up after 20 s.
    expect(await eventually(() => !running(browserPid) && processesMentioning(tmp).length === 0)).toBe(true);
    expect(await eventually(() => readdirSync(tmp).length === 0)).toBe(true);

    // The report is exactly as it was; the killed run's staged files are all that changed.
    expect(await snapshot()).toEqual(before);
    const left = (await readdir(out)).sort();
    expect(left).toEqual([...FILES, `.exception-report.html.${child.pid}.tmp`, `.exception-report.pdf.${child.pid}.tmp`, `.report.json.${child.pid}.tmp`].sort());

    // The next build replaces the report and removes what the killed run left.
    await buildDemo("2026-11-19T09:00:00.000Z");
    expect((await readdir(out)).sort()).toEqual([...FILES].sort());
    expect(await readFile(join(out, "report.json"), "utf8")).toContain('"generatedAt": "2026-11-19T09:00:00.000Z"');
  });
});

// Prints with the REAL browser and checks the PDF with poppler: tagged, titled, numbered, and sealed
// off (no script runs, no request leaves the page). A machine without a browser fails here on purpose.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tool } from "../helpers/demo-pdf.js";
import { RunError } from "../../src/errors.js";
import { findBrowser } from "../../src/report/browser.js";
import { PdfPrinter } from "../../src/report/pdf.js";

const TITLE = "Northshire DA Partnership – 2025-26 Q2 exception report";

function page(port: number): string {
  const origin = `http://127.0.0.1:${port}`;
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>${TITLE}</title>
<link rel=stylesheet href=${origin}/s.css>
<style>body { font-family: sans-serif; background: url(${origin}/bg.png); } td, th { border: 1px solid #999; }</style>
</head><body>
<h1>Quarterly exception report</h1>
<h2>Exceptions for the board</h2>
<table><thead><tr><th scope="col">Indicator</th><th scope="col">Value</th></tr></thead>
<tbody><tr><td>Referrals to MARAC</td><td>42</td></tr><tr><td>Repeat referrals</td><td>31%</td></tr></tbody></table>
<img src="${origin}/x.png" alt="">
<p id="js">script-did-not-run</p>
<script>document.getElementById("js").textContent = "SCRIPT RAN"; fetch("${origin}/fetched");</script>
</body></html>`;
}

let server: Server;
let port = 0;
const hits: string[] = [];
let dir = "";
let printer: PdfPrinter;
let launchMs = 0;
let browserPath = "";

function readCmdline(pid: string): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return ""; // the process ended while we looked
  }
}

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? "");
    res.end("");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  dir = await mkdtemp(join(tmpdir(), "darep-pdf-test-"));
  const found = findBrowser({ env: process.env, platform: process.platform, exists: existsSync });
  if (!found) throw new Error("No Chrome, Chromium or Edge was found, so the PDF cannot be tested: install one (Debian: apt-get install chromium) or set DAREP_BROWSER.");
  browserPath = found.path;
  const t = performance.now();
  printer = await PdfPrinter.launch(found.path, { timeoutMs: 20_000 });
  launchMs = performance.now() - t;
  console.log(`launched ${found.path} (${found.source}) in ${launchMs.toFixed(0)} ms`);
});

afterAll(async () => {
  await printer?.close();
  await new Promise((resolve) => server?.close(resolve));
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("PdfPrinter", () => {
  it("prints a tagged, titled, numbered PDF without running scripts or fetching anything", async () => {
    const t = performance.now();
    const pdf = await printer.print(page(port), { title: TITLE });
    console.log(`printed in ${(performance.now() - t).toFixed(0)} ms`);
    const file = join(dir, "report.pdf");
    await writeFile(file, pdf);

    expect(hits).toEqual([]);
    // The page asks the server for its style sheet and an image (among others): each refused, none fetched.
    expect(printer.refusedRequests).toBeGreaterThan(0);

    const info = tool("pdfinfo", [file]);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info.match(/^Title:\s+(.*)$/m)?.[1]).toBe(TITLE);
    expect(Number(info.match(/^Pages:\s+(\d+)$/m)?.[1])).toBeGreaterThanOrEqual(1);

    const text = tool("pdftotext", ["-layout", file, "-"]);
    expect(text).toContain("Quarterly exception report");
    expect(text).toContain("Exceptions for the board");
    expect(text).toContain("Referrals to MARAC");
    expect(text).toContain("Page 1 of 1");
    expect(text).toContain("script-did-not-run");
    expect(text).not.toContain("SCRIPT RAN");
  });

  it("prints several reports at once on one browser", async () => {
    const t = performance.now();
    const pdfs = await Promise.all([1, 2, 3].map(() => printer.print(page(port), { title: TITLE })));
    console.log(`3 parallel prints in ${(performance.now() - t).toFixed(0)} ms`);
    for (const pdf of pdfs) expect(Buffer.from(pdf.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    expect(hits).toEqual([]);
  });

  it("closes idempotently, and refuses to print afterwards", async () => {
    const own = await PdfPrinter.launch(browserPath, { timeoutMs: 20_000 });
    await Promise.all([own.close(), own.close()]);
    await own.close();
    await expect(own.print("<title>x</title>", { title: "x" })).rejects.toThrow(RunError);
  });

  it("turns a browser that cannot start into a RunError naming its path", async () => {
    const bogus = join(dir, "not-a-browser");
    await writeFile(bogus, "");
    const failure = await PdfPrinter.launch(bogus, { timeoutMs: 5_000 }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RunError);
    expect((failure as RunError).message).toContain(`The browser at ${bogus} could not be started`);
  });

  it("leaves no browser and no profile behind when darep exits without closing it", async () => {
    // Runs the built dist/ (made by the global setup) in a child with its own TMPDIR to inspect after.
    // A launch that timed out comes first: it once made puppeteer's exit hook skip the second browser.
    const tmp = await mkdtemp(join(dir, "tmp-"));
    const pdfJs = pathToFileURL(join(import.meta.dirname, "..", "..", "dist", "report", "pdf.js")).href;
    const script = `const { PdfPrinter } = await import(${JSON.stringify(pdfJs)});
      await PdfPrinter.launch(${JSON.stringify(browserPath)}, { timeoutMs: 1 }).catch(() => {});
      await PdfPrinter.launch(${JSON.stringify(browserPath)}, { timeoutMs: 20000 });
      process.exit(0);`;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { env: { ...process.env, TMPDIR: tmp }, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(await readdir(tmp)).toEqual([]);
    if (process.platform === "linux") {
      // A SIGKILLed process leaves /proc once the kernel has reaped it: wait for that (not for a
      // set time), giving up after 10 s, when whatever is still there is a browser left behind.
      const alive = async () => (await readdir("/proc")).filter((pid) => /^\d+$/.test(pid) && existsSync(`/proc/${pid}/cmdline`) && readCmdline(pid).includes(tmp));
      const deadline = Date.now() + 10_000;
      while ((await alive()).length > 0 && Date.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
      expect(await alive()).toEqual([]);
    }
  });
});

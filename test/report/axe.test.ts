// axe-core, run in the REAL browser on the demo's HTML report: no WCAG 2.1 A or AA violation, on a
// desktop and on a phone-sized screen; and the page's own width measured there: a phone never scrolls
// the page sideways, and the printed page is never wider than A4 (Chromium would shrink every page to
// fit it). The report itself has no script; JavaScript is turned on for this test's page only, to run
// axe. Nothing is fetched: every request the page makes is refused.
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import puppeteer, { type Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findBrowser } from "../../src/report/browser.js";
import { darep, DEMO, ROOT } from "../helpers/cli.js";

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

let out = "";
let html = "";
let axeSource = "";
let browser: Browser | undefined;
const requests: string[] = [];

beforeAll(async () => {
  const found = findBrowser({ env: process.env, platform: process.platform, exists: existsSync });
  if (!found) throw new Error("No Chrome, Chromium or Edge was found, so the report's accessibility cannot be checked: install one (Debian: apt-get install chromium) or set DAREP_BROWSER.");
  axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  out = await mkdtemp(join(tmpdir(), "darep-axe-test-"));
  const r = await darep(["build", "Q2", "--year", "2026-27", "--workspace", DEMO, "--out", out, "--format", "html"], {
    cwd: ROOT,
    env: { DAREP_TODAY: "2026-11-25", SOURCE_DATE_EPOCH: "1795000000" },
  });
  expect(r.code).toBe(1);
  html = await readFile(join(out, "exception-report.html"), "utf8");
  browser = await puppeteer.launch({
    executablePath: found.path,
    headless: /headless[-_]shell/i.test(basename(found.path)) ? "shell" : true,
    args: ["--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", ...(process.getuid?.() === 0 ? ["--no-sandbox"] : [])],
  });
});

afterAll(async () => {
  await browser?.close();
  if (out) await rm(out, { recursive: true, force: true });
});

async function violations(viewport: { width: number; height: number }): Promise<AxeViolation[]> {
  const page = await browser!.newPage();
  try {
    await page.setViewport(viewport);
    // The report's own Content-Security-Policy forbids every script, axe's included; only here is it bypassed.
    await page.setBypassCSP(true);
    await page.setRequestInterception(true);
    page.on("request", (request) => {
      requests.push(request.url());
      request.abort("blockedbyclient").catch(() => undefined);
    });
    await page.setContent(html, { waitUntil: "load" });
    await page.evaluate(axeSource);
    return await page.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }, resultTypes: ["violations"] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
    });
  } finally {
    await page.close();
  }
}

/** The page's scrolling width at a screen width, on screen or as printed. */
async function pageWidth(width: number, media: "screen" | "print"): Promise<{ scrollWidth: number; clientWidth: number }> {
  const page = await browser!.newPage();
  try {
    await page.setViewport({ width, height: 800 });
    await page.emulateMediaType(media);
    await page.setRequestInterception(true);
    page.on("request", (request) => {
      requests.push(request.url());
      request.abort("blockedbyclient").catch(() => undefined);
    });
    await page.setContent(html, { waitUntil: "load" });
    return await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, clientWidth: document.scrollingElement!.clientWidth }));
  } finally {
    await page.close();
  }
}

const explain = (vs: AxeViolation[]) => vs.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(" ")}: ${n.failureSummary ?? ""}`).join("\n")}`).join("\n");

describe("the demo's HTML report under axe-core", () => {
  it("has no WCAG 2.1 A or AA violation on a desktop screen", async () => {
    const found = await violations({ width: 1280, height: 900 });
    expect(found, explain(found)).toEqual([]);
  });

  it("has no WCAG 2.1 A or AA violation on a phone", async () => {
    const found = await violations({ width: 390, height: 844 });
    expect(found, explain(found)).toEqual([]);
  });

  it("never scrolls the page sideways on a phone: wide tables scroll in their own box", async () => {
    for (const width of [390, 375]) expect((await pageWidth(width, "screen")).scrollWidth, `at ${width} px`).toBeLessThanOrEqual(width);
  });

  it("is no wider than A4 when printed, so the PDF prints at the stylesheet's own sizes", async () => {
    // A4 less the PDF's 15 mm side margins: 180 mm, 680 CSS pixels.
    const { scrollWidth } = await pageWidth(680, "print");
    expect(scrollWidth).toBeLessThanOrEqual(680);
  });

  it("asked for nothing from the network", () => {
    expect(requests).toEqual([]);
  });
});

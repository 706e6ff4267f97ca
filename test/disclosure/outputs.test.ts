// Every output made from a protected report says nothing withheld: the HTML's tables, sentences,
// charts' SVG text and text alternatives, and the PDF's text (printed by the real browser, read with
// pdftotext); and the protective marking is at the top and bottom of the HTML and of every PDF page.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markedSubject, protectReport } from "../../src/disclosure/index.js";
import { findBrowser } from "../../src/report/browser.js";
import { renderHtml } from "../../src/report/html.js";
import { PdfPrinter } from "../../src/report/pdf.js";
import { breakdown, report } from "./builders.js";

// Group A is 3 for four quarters (withheld, with Group B as its complement), then 20 and 40: a
// worsening figure whose card and chart are shown (the total is steady), over a record that holds
// the withheld 3s.
const judged = report(breakdown("PM7", [50, 50, 50, 50, 67, 67], [3, 3, 3, 3, 20, 40], [20, 20, 20, 20, 20, 12], [27, 27, 27, 27, 27, 15]));
const MARK = "OFFICIAL-SENSITIVE";
const published = protectReport(judged, { marking: MARK });
let tmp = "";
let html = "";
let openHtml = "";
let pdfPages: string[] = [];

const doc = (h: string) => parseHTML(h).document as unknown as Document;
const cardOf = (d: Document, label: string) => [...d.querySelectorAll("article.card")].find((c) => (c.querySelector(".subject")?.textContent ?? "").includes(label));
/** The figures a text says: not its quarters ("Q2 2026-27", "6 quarters") or references. */
const numbers = (s: string) => [...s.replace(/Q[1-4]\s*\d{4}-\d{2}|\d{4}-\d{2}|PM\d+|\d+ quarters?/g, " ").matchAll(/(?<![\d.])\d+(?![\d.])/g)].map((m) => Number(m[0]));

/** The chart's words other than its axes (quarters, years and the scale's ticks, drawn from what is shown). */
const dataTexts = (svg: Element) =>
  [...svg.querySelectorAll("text")]
    .filter((t) => !/^(Q[1-4]|\d{2}-\d{2})$/.test(t.textContent!) && !(t.getAttribute("font-size") === "9" && t.getAttribute("font-weight") !== "bold"))
    .map((t) => t.textContent!);

beforeAll(async () => {
  html = await renderHtml(published);
  openHtml = await renderHtml(judged);
  const found = findBrowser({ env: process.env, platform: process.platform, exists: existsSync });
  if (!found) throw new Error("No Chrome, Chromium or Edge was found: install one (Debian: apt-get install chromium) or set DAREP_BROWSER.");
  const printer = await PdfPrinter.launch(found.path, { timeoutMs: 60_000 });
  try {
    tmp = await mkdtemp(join(tmpdir(), "darep-disclosure-pdf-"));
    await writeFile(join(tmp, "r.pdf"), await printer.print(html, { title: "t", marking: published.marking }));
  } finally {
    await printer.close();
  }
  const r = spawnSync("pdftotext", ["-layout", join(tmp, "r.pdf"), "-"], { encoding: "utf8" });
  if (r.error) throw new Error(`pdftotext is needed to check the PDF (${r.error.message}): install poppler-utils.`);
  pdfPages = r.stdout.split("\f").filter((p) => p.trim());
}, 120_000);

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe("the HTML of a protected report", () => {
  it("shows the withheld quarters nowhere in the card: chart labels, SVG text, text alternative, sentence", () => {
    const open = cardOf(doc(openHtml), "Group A")!;
    const shut = cardOf(doc(html), "Group A")!;
    // The unprotected card does say 3 (so this test can fail).
    expect(numbers(open.querySelector("svg")!.getAttribute("aria-label")!)).toContain(3);
    const svg = shut.querySelector("svg")!;
    expect(dataTexts(svg)).toContain("40");
    expect(svg.getAttribute("aria-label")).toMatch(/; withheld for 4 quarters\.$/);
    for (const t of [svg.getAttribute("aria-label")!, svg.querySelector("title")!.textContent!, shut.querySelector(".sentence")!.textContent!, ...dataTexts(svg)])
      expect(
        numbers(t).filter((n) => n >= 1 && n <= 7),
        t,
      ).toEqual([]);
    // No process limits over withheld quarters: they would let them be worked out.
    expect(svg.textContent).not.toMatch(/Mean|limit/);
  });

  it("prints a withheld figure as [c] withheld in the table of every figure", () => {
    const rows = [...doc(html).querySelectorAll("table.indicators tr.cat")];
    const b = rows.find((tr) => tr.textContent!.includes("Group B"))!;
    expect(b).toBeDefined();
    const a = rows.find((tr) => tr.textContent!.includes("Group A"))!;
    expect([...a.querySelectorAll("td")].map((td) => td.textContent)).toContain("40");
  });

  it("puts the marking at the top and the bottom of the page, and the policy on the first page", () => {
    const d = doc(html);
    const marks = [...d.querySelectorAll("p.marking")];
    expect(marks.map((m) => m.textContent)).toEqual([MARK, MARK]);
    expect(d.body.firstElementChild).toBe(marks[0]);
    expect(d.body.lastElementChild).toBe(marks[1]);
    expect(d.querySelector("#summary .disclosure")!.textContent).toMatch(/^Small numbers: Counts in a breakdown/);
    expect(doc(openHtml).querySelector("p.marking")).toBeNull();
  });

  it("gives the marking for an email subject", () => {
    expect(markedSubject(published.marking, "Exception report")).toBe("OFFICIAL-SENSITIVE: Exception report");
    expect(markedSubject(null, "Exception report")).toBe("Exception report");
  });
});

describe("the PDF of a protected report", () => {
  it("has the marking at the top and the bottom of every page", () => {
    expect(pdfPages.length).toBeGreaterThan(0);
    for (const page of pdfPages) {
      const lines = page
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean);
      expect(lines[0]).toContain(MARK);
      expect(lines.at(-1)).toContain(MARK);
    }
  });

  it("says none of the withheld 3s", () => {
    const text = pdfPages.join("\n");
    expect(text).toContain("[c] withheld");
    // (less the rank of the figures that need attention, "2  PM7 People seen: Group A  40")
    for (const line of text.split("\n").filter((l) => l.includes("Group A")))
      expect(
        numbers(line.replace("Group A", "").replace(/^\s*\d+\.?\s/, " ")).filter((n) => n >= 1 && n <= 7),
        line,
      ).toEqual([]);
  });
});

// The demo's PDFs, printed by the REAL browser and read with poppler (pdfinfo, pdftotext, pdffonts,
// pdftohtml): tagged, titled, bookmarked, numbered, fonts embedded, small enough to email; the board's
// pack in 6 pages or fewer, the appendix of every action and figure apart. A machine
// without a browser or poppler fails here on purpose: the PDF is what the board receives.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findBrowser } from "../../src/report/browser.js";
import { darep, DEMO, ROOT } from "../helpers/cli.js";

const TITLE = "Doncaster Domestic Abuse Partnership: exception report, 2026-27 Q2";

function poppler(name: string, args: string[]): string {
  const r = spawnSync(name, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`${name} is needed to check the PDF and could not be run (${r.error.message}): install poppler-utils (Debian: apt-get install poppler-utils).`);
  if (r.status !== 0) throw new Error(`${name} ${args.join(" ")} failed: ${r.stderr}`);
  return r.stdout;
}

let out = "";
let pdf = "";
let info = "";
let text = "";
let appendix = "";
let appendixInfo = "";

beforeAll(async () => {
  for (const tool of ["pdfinfo", "pdftotext", "pdffonts", "pdftohtml"]) poppler(tool, ["-v"]);
  const found = findBrowser({ env: process.env, platform: process.platform, exists: existsSync });
  if (!found) throw new Error("No Chrome, Chromium or Edge was found, so the demo PDF cannot be checked: install one (Debian: apt-get install chromium) or set DAREP_BROWSER.");
  out = await mkdtemp(join(tmpdir(), "darep-pdf-demo-"));
  const r = await darep(["build", "Q2", "--year", "2026-27", "--workspace", DEMO, "--out", out, "--format", "pdf"], {
    cwd: ROOT,
    env: { ...process.env, DAREP_TODAY: "2026-11-25", SOURCE_DATE_EPOCH: "1795000000" },
  });
  expect(r.stderr).toBe("");
  expect(r.code).toBe(1); // the demo's planted missing and invalid returns
  pdf = join(out, "exception-report.pdf");
  info = poppler("pdfinfo", [pdf]);
  text = poppler("pdftotext", ["-layout", pdf, "-"]);
  appendix = poppler("pdftotext", ["-layout", join(out, "exception-report-appendix.pdf"), "-"]);
  appendixInfo = poppler("pdfinfo", [join(out, "exception-report-appendix.pdf")]);
});

afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

describe("the demo's PDF", () => {
  it("is the board's pack: 6 pages or fewer", () => {
    const pages = Number(info.match(/^Pages:\s+(\d+)$/m)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pages).toBeLessThanOrEqual(6);
  });

  it("has an appendix PDF: every action, every figure and the sources, titled as the appendix", () => {
    expect(appendixInfo).toMatch(/^Tagged:\s+yes$/m);
    expect(appendixInfo.match(/^Title:\s+(.*)$/m)?.[1]).toBe(`${TITLE}: appendix`);
    for (const heading of ["Action plan: every action", "All indicators", "Sources"]) expect(appendix).toContain(heading);
    for (const heading of ["All indicators", "Sources", "Every action"]) expect(text).not.toMatch(new RegExp(`^\\s*${heading}\\s*$`, "m"));
    expect(text).toContain("exception-report-appendix.pdf");
    const pages = Number(appendixInfo.match(/^Pages:\s+(\d+)$/m)?.[1]);
    expect(appendix).toContain(`Page ${pages} of ${pages}`);
  });

  it("is tagged, titled, A4, 3 to 25 pages and under 2 MB", async () => {
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info.match(/^Title:\s+(.*)$/m)?.[1]).toBe(TITLE);
    expect(info).toMatch(/^Page size:.*\(A4\)$/m);
    const pages = Number(info.match(/^Pages:\s+(\d+)$/m)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pages).toBeLessThanOrEqual(25);
    const { size } = await stat(pdf);
    expect(size).toBeLessThan(2 * 1024 * 1024);
    console.log(`demo PDF: ${pages} pages, ${(size / 1024).toFixed(0)} KB`);
  });

  it("has the sections, page numbers, the exceptions and the missing return in its text", () => {
    for (const heading of ["Summary", "Exceptions", "Data quality: the chase list", "Action plan", "Quality assurance"]) expect(text).toContain(heading);
    const pages = Number(info.match(/^Pages:\s+(\d+)$/m)?.[1]);
    expect(text).toContain(`Page 1 of ${pages}`);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(text).toContain("PM26 Homeless applications due to domestic abuse");
    expect(text).toMatch(/Worsening/);
    expect(text).toContain("Cranstoun");
    expect(text).toContain("St Leger Homes of Doncaster");
    // The hostile note is printed as the text it is.
    expect(text).toContain("<script>alert(1)</script>");
  });

  it("has a bookmark for each section, with the exceptions under theirs", () => {
    const xml = poppler("pdftohtml", ["-xml", "-i", "-stdout", "-q", "-f", "1", "-l", "1", pdf]);
    const outline = xml.slice(xml.indexOf("<outline>"));
    expect(outline, "the PDF has no outline (bookmarks)").toContain("<item");
    const items = [...outline.matchAll(/<item page="(\d+)">([^<]*)<\/item>/g)].map((m) => ({ page: Number(m[1]), title: m[2]! }));
    const titles = items.map((i) => i.title);
    const sections = ["Summary", "Exceptions", "Data quality: the chase list", "Action plan", "Quality assurance"];
    const where = sections.map((s) => titles.indexOf(s));
    expect(
      where.every((i) => i >= 0),
      titles.join(" | "),
    ).toBe(true);
    expect([...where].sort((a, b) => a - b)).toEqual(where);
    expect(titles[0]).toBe("Doncaster Domestic Abuse Partnership Exception report, Quarter 2 of 2026-27");
    expect(titles).toContain("2. PM26 Homeless applications due to domestic abuse");
    // A long title wraps on the page; its bookmark keeps the space where it wrapped.
    expect(titles).toContain("3. PM17 Number of people supported and move on data for people in refuge/dispersed");
    // Bookmarks lead to pages in order.
    const pages = items.map((i) => i.page);
    expect([...pages].sort((a, b) => a - b)).toEqual(pages);
  });

  it("embeds every font it uses", () => {
    const rows = poppler("pdffonts", [pdf])
      .split("\n")
      .slice(2)
      .filter((l) => l.trim());
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      // name type encoding emb sub uni object ID: "emb" is the fourth column from the right.
      const cols = row.trim().split(/\s+/);
      expect(cols[cols.length - 5], row).toBe("yes");
    }
  });
});

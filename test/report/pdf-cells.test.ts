// The PDFs hold every table cell the HTML holds: the text of each cell of the demo's HTML report must
// appear, whole and in order, in the text of its two PDFs (the board's and the appendix). A column cut at the page edge, or a cell that
// overflows its box, loses words and fails here.
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDemo, tool } from "../helpers/demo-pdf.js";

let out = "";
let cells: { table: string; text: string }[] = [];
let pdfText = "";

/** Whitespace means nothing here: a cell's words wrap onto new lines, and a long word may break anywhere. */
const squash = (s: string) => s.replace(/\s+/g, "");

beforeAll(async () => {
  out = await buildDemo("html,pdf", "darep-pdf-cells-");
  const { document } = parseHTML(await readFile(join(out, "exception-report.html"), "utf8"));
  // Words only a screen reader hears are not printed, so they are not looked for on paper.
  for (const hidden of document.querySelectorAll(".sr-only")) hidden.remove();
  // An icon in a cell is a drawing: its text alternative is read out, never printed as words.
  for (const icon of document.querySelectorAll("td svg, th svg")) icon.remove();
  cells = [...document.querySelectorAll("table")].flatMap((table) => {
    const name = table.querySelector("caption")?.textContent?.trim() ?? table.className;
    return [...table.querySelectorAll("th, td")].map((cell) => ({ table: name, text: cell.textContent ?? "" })).filter((c) => c.text.trim() !== "");
  });
  // -raw keeps the order the browser drew the text in, cell by cell; the default reading order mixes
  // the cells of a dense table.
  pdfText = ["exception-report.pdf", "exception-report-appendix.pdf"].map((f) => squash(tool("pdftotext", ["-raw", join(out, f), "-"]))).join("\n");
});

afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

describe("the demo's PDF against its HTML", () => {
  it("has every table cell's text", () => {
    expect(cells.length).toBeGreaterThan(500);
    const lost = cells.filter((c) => !pdfText.includes(squash(c.text)));
    expect(lost.map((c) => `${c.table}: ${c.text.replace(/\s+/g, " ").trim()}`)).toEqual([]);
  });

  it("has action P2.2's indicators, PM26 and PM29 among them", () => {
    const p22 = cells.find((c) => c.table.startsWith("Every action") && /PM26/.test(c.text) && /PM17/.test(c.text));
    expect(p22, "the HTML has no P2.2 row with PM17 and PM26").toBeDefined();
    expect(pdfText).toContain(squash(p22!.text));
  });
});

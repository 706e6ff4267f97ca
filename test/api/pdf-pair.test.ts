// The board pack and its appendix are written together or not at all: when the appendix cannot be
// printed, the board pack printed before it is not written alone (the folder holds one build's set).
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/api/build.js";
import { RunError } from "../../src/errors.js";
import type { PdfPrinter } from "../../src/report/pdf.js";
import { DEMO, ROOT } from "../helpers/cli.js";

describe("a build whose appendix cannot be printed", () => {
  it("writes the HTML and JSON, and neither PDF", async () => {
    const out = mkdtempSync(join(tmpdir(), "darep-pdf-pair-"));
    let prints = 0;
    const printer = {
      print: async () => {
        prints++;
        if (prints === 1) return new TextEncoder().encode("%PDF-1.7 board pack");
        throw new RunError("The browser took longer than 60 s to print the PDF.");
      },
    } as unknown as PdfPrinter;
    const r = await build({ workspace: DEMO, cwd: ROOT, quarter: "Q2", year: "2026-27", today: "2026-11-25", formats: ["html", "pdf", "json"], out, printer: async () => printer });
    expect(prints).toBe(2);
    expect(r.pdfProblem?.message).toBe("The browser took longer than 60 s to print the PDF.");
    expect(existsSync(join(out, "report.json"))).toBe(true);
    expect(existsSync(join(out, "exception-report.html"))).toBe(true);
    expect(existsSync(join(out, "exception-report.pdf"))).toBe(false);
    expect(existsSync(join(out, "exception-report-appendix.pdf"))).toBe(false);
    expect(r.written.some((f) => f.endsWith(".pdf"))).toBe(false);
  }, 60_000);

  it("lets a fault in darep's own code through as a fault, not as 'the PDF was not written'", async () => {
    const out = mkdtempSync(join(tmpdir(), "darep-pdf-pair-"));
    const printer = {
      print: async () => {
        throw new TypeError("x is undefined");
      },
    } as unknown as PdfPrinter;
    await expect(build({ workspace: DEMO, cwd: ROOT, quarter: "Q2", year: "2026-27", today: "2026-11-25", formats: ["html", "pdf", "json"], out, printer: async () => printer })).rejects.toThrow(
      TypeError,
    );
    expect(existsSync(join(out, "report.json"))).toBe(false);
  }, 60_000);
});

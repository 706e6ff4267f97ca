// Two builds of the same returns under SOURCE_DATE_EPOCH give the same bytes of HTML, JSON and PDF,
// however far apart they run: the report's dates come from SOURCE_DATE_EPOCH, never from the clock.
// The PDF test needs the real browser and poppler, and fails without them.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { darep, DEMO, ROOT } from "../helpers/cli.js";
import { tool } from "../helpers/demo-pdf.js";

const EPOCH = 1795000000; // 2026-11-18T11:06:40Z
let dir = "";

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "darep-reproducible-"));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

afterEach(() => {
  vi.useRealTimers();
});

/** Builds the demo with the clock set to `now`, so that any use of the clock would show in the output. */
async function buildAt(now: string, name: string): Promise<{ html: string; json: string }> {
  vi.useFakeTimers({ toFake: ["Date"], now: new Date(now) });
  const out = join(dir, name);
  const r = await darep(["build", "Q2", "--year", "2026-27", "--workspace", DEMO, "--out", out, "--format", "html,json", "--quiet"], {
    cwd: ROOT,
    env: { DAREP_TODAY: "2026-11-25", SOURCE_DATE_EPOCH: String(EPOCH) },
  });
  vi.useRealTimers();
  expect(r.stderr).toBe("");
  expect(r.code).toBe(1);
  return { html: await readFile(join(out, "exception-report.html"), "utf8"), json: await readFile(join(out, "report.json"), "utf8") };
}

describe("a build under SOURCE_DATE_EPOCH", () => {
  it("gives byte-identical HTML and JSON on different days, dated by SOURCE_DATE_EPOCH", async () => {
    // Clock dates that appear nowhere in the demo, a year apart.
    const a = await buildAt("2031-03-07T08:15:00Z", "a");
    const b = await buildAt("2032-06-21T19:45:00Z", "b");
    expect(b.html === a.html, "the HTML differs between the two builds").toBe(true);
    expect(b.json === a.json, "report.json differs between the two builds").toBe(true);

    const report = JSON.parse(a.json) as { generatedAt: string; sources: { readAt: string }[] };
    expect(report.generatedAt).toBe("2026-11-18T11:06:40.000Z");
    for (const s of report.sources) expect(s.readAt).toBe("2026-11-18T11:06:40.000Z");
    expect(a.html).toContain("Produced on 18 November 2026");
    for (const clock of ["2031-03", "2032-06", "March 2031", "June 2032"]) {
      expect(a.html).not.toContain(clock);
      expect(a.json).not.toContain(clock);
    }
  });

  it("gives a byte-identical PDF on different days, dated by SOURCE_DATE_EPOCH", async () => {
    const pdfAt = async (now: string, name: string) => {
      vi.useFakeTimers({ toFake: ["Date"], now: new Date(now) });
      const out = join(dir, name);
      const r = await darep(["build", "Q2", "--year", "2026-27", "--workspace", DEMO, "--out", out, "--format", "pdf", "--quiet"], {
        cwd: ROOT,
        env: { ...process.env, DAREP_TODAY: "2026-11-25", SOURCE_DATE_EPOCH: String(EPOCH) },
      });
      vi.useRealTimers();
      expect(r.stderr).toBe("");
      expect(r.code).toBe(1);
      return [join(out, "exception-report.pdf"), join(out, "exception-report-appendix.pdf")] as const;
    };
    // The browser prints with its own clock, seconds apart at least: that must not show either.
    const [a, appendixA] = await pdfAt("2031-03-07T08:15:00Z", "pdf-a");
    const [b, appendixB] = await pdfAt("2032-06-21T19:45:00Z", "pdf-b");
    expect((await readFile(b)).equals(await readFile(a)), "the PDF differs between the two builds").toBe(true);
    expect((await readFile(appendixB)).equals(await readFile(appendixA)), "the appendix PDF differs between the two builds").toBe(true);
    const info = tool("pdfinfo", ["-isodates", a]);
    expect(info).toMatch(/^CreationDate:\s+2026-11-18T11:06:40Z$/m);
    expect(info).toMatch(/^ModDate:\s+2026-11-18T11:06:40Z$/m);
  });

  it("refuses a SOURCE_DATE_EPOCH that is not whole seconds", async () => {
    const r = await darep(["build", "Q2", "--year", "2026-27", "--workspace", DEMO, "--out", join(dir, "bad"), "--format", "json"], {
      cwd: ROOT,
      env: { SOURCE_DATE_EPOCH: "yesterday" },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("SOURCE_DATE_EPOCH must be whole seconds");
  });
});

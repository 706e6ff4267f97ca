// darep as a library: build() called from code writes the PDF too (it starts and closes its own
// browser), and no call of the library face prints or exits. Needs a real browser: fails without one.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { build, buildMany, init, RunError, status, validate, writeTemplates } from "../../src/index.js";
import { ROOT } from "../helpers/cli.js";
import { AGENCIES, makeWorkspace } from "../helpers/workspace.js";

const RETURN = "indicator,measure,category,value\nPM20,incidents,,100\nPM20,incidents,crime,60\nPM20,incidents,non-crime,40\n";
const workspace = () =>
  makeWorkspace({
    config: { partnership: "Library Partnership", framework: "doncaster", agencies: [AGENCIES[1]] },
    files: { "returns/2026-27/Q2/south-yorkshire-police.csv": RETURN },
  });

/** Every write to the process's stdout and stderr during the test, and every attempt to exit. */
function watchProcess() {
  const out = vi.spyOn(process.stdout, "write");
  const err = vi.spyOn(process.stderr, "write");
  const exit = vi.spyOn(process, "exit").mockImplementation(() => {
    throw new Error("the library tried to exit");
  });
  return () => ({ stdout: out.mock.calls.length, stderr: err.mock.calls.length, exit: exit.mock.calls.length });
}

afterEach(() => void vi.restoreAllMocks());

describe("build() called from code", () => {
  it("writes report.json, the HTML and a PDF, printing nothing", async () => {
    const ws = workspace();
    const out = mkdtempSync(join(tmpdir(), "darep-lib-"));
    const watched = watchProcess();
    const r = await build({ workspace: ws, quarter: "2026-27 Q2", today: "2026-11-25", generatedAt: "2026-11-25T10:00:00.000Z", out });
    expect(watched()).toEqual({ stdout: 0, stderr: 0, exit: 0 });
    expect(r.pdfProblem).toBeNull();
    expect(r.written.map((p) => p.slice(out.length + 1)).sort()).toEqual(["exception-report-appendix.pdf", "exception-report.html", "exception-report.pdf", "report.json"]);
    const pdf = readFileSync(join(out, "exception-report.pdf"));
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = spawnSync("pdftotext", [join(out, "exception-report.pdf"), "-"], { encoding: "utf8" });
    expect(text.error).toBeUndefined();
    expect(text.stdout).toContain("Library Partnership");
    expect(JSON.parse(readFileSync(join(out, "report.json"), "utf8")).partnership).toBe("Library Partnership");
  });

  it("says why the PDF was not written when there is no browser, and still writes the rest", async () => {
    const ws = workspace();
    const out = mkdtempSync(join(tmpdir(), "darep-lib-"));
    const r = await build({ workspace: ws, quarter: "Q2", year: "2026-27", today: "2026-11-25", out, formats: ["json", "pdf"], browser: join(ws, "no-such-browser") });
    expect(r.pdfProblem).toBeInstanceOf(RunError);
    expect(r.written.map((p) => p.slice(out.length + 1))).toEqual(["report.json"]);
  });

  it("throws a RunError, never prints, for a quarter that is no quarter", async () => {
    const watched = watchProcess();
    await expect(build({ workspace: workspace(), quarter: "Q5" })).rejects.toThrow(RunError);
    expect(watched()).toEqual({ stdout: 0, stderr: 0, exit: 0 });
  });
});

describe("buildMany() called from code", () => {
  it("tells each workspace's outcome, and a broken one as an error without stopping the rest", async () => {
    const [good, other] = [workspace(), workspace()];
    const broken = makeWorkspace({ config: { partnership: "Broken" } });
    const told: string[] = [];
    const built = await buildMany({ workspaces: [good, broken, other], quarter: "Q2", year: "2026-27", today: "2026-11-25", formats: ["json"] }, (b) =>
      told.push(b.outcome ? `built ${b.outcome.outDir}` : `failed ${b.workspace}: ${b.error.message}`),
    );
    expect(built).toBe(2);
    // A failure is told at once, while the reports before it may still be printing.
    expect(told.filter((t) => t.startsWith("built")).sort()).toEqual([`built ${join(good, "reports", "2026-27-Q2")}`, `built ${join(other, "reports", "2026-27-Q2")}`].sort());
    expect(told.filter((t) => t.startsWith("failed"))).toEqual([expect.stringMatching(new RegExp(`^failed ${broken}: The workspace config .* has`))]);
  });
});

describe("the other calls of the library", () => {
  it("validate, status, writeTemplates and init return plain results and print nothing", async () => {
    const ws = workspace();
    const watched = watchProcess();
    const checked = await validate({ workspace: ws, targets: ["Q2"], year: "2026-27", today: "2026-11-25" });
    expect(checked.root).toBe(ws);
    expect(checked.result.summary).toEqual({ files: 1, valid: 1, invalid: 0, errors: 0, warnings: 0 });
    const chase = await status({ workspace: ws, quarter: "Q2", today: "2026-11-25" });
    expect(chase.list.summary.received).toBe(1);
    const out = mkdtempSync(join(tmpdir(), "darep-lib-"));
    const templates = await writeTemplates({ workspace: ws, quarter: "Q3", year: "2026-27", format: "csv", out });
    expect(templates.written.map((w) => [w.agency, w.name])).toEqual([["south-yorkshire-police", "South Yorkshire Police"]]);
    const made = await init({ dir: join(mkdtempSync(join(tmpdir(), "darep-lib-")), "new"), today: "2026-11-25" });
    expect(made.year).toBe("2026-27");
    expect(made.files).toContain("darep.config.json");
    expect(watched()).toEqual({ stdout: 0, stderr: 0, exit: 0 });
    expect(JSON.parse(JSON.stringify(checked))).toEqual(checked);
  });
});

describe("the package", () => {
  it("exports the library face by its name, with its types, from the built code", () => {
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", "const m = await import('darep'); console.log(Object.keys(m).sort().join(' '))"], { cwd: ROOT, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.stdout.trim().split(" ")).toEqual([
      "RunError",
      "UNPROTECTED_JSON",
      "VERSION",
      "build",
      "buildMany",
      "checkBuild",
      "exportFigures",
      "exportFramework",
      "importFramework",
      "importHistory",
      "init",
      "parseAgencyFlag",
      "parseQuarter",
      "send",
      "status",
      "statusWords",
      "validate",
      "validateAlone",
      "writeActionsTemplate",
      "writeFrameworkTemplate",
      "writeTemplates",
    ]);
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    expect(pkg.exports["."]).toEqual({ types: "./dist/index.d.ts", default: "./dist/index.js" });
    expect(readFileSync(join(ROOT, pkg.types), "utf8")).toMatch(/export declare function build\(req: BuildRequest\): Promise<BuildOutcome>;/);
  });
});

// .ci/summary.mjs: CI's closing line "N passed, N failed" sums every run (the machine's Node and Node
// 24), only that last line has that shape, and any failure, in any run, fails CI.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "darep-ci-summary-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function report(name: string, r: { passed: number; failed: number; files?: { status: string; assertionResults: unknown[] }[] }): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify({ numPassedTests: r.passed, numFailedTests: r.failed, numTotalTests: r.passed + r.failed, testResults: r.files ?? [] }));
  return file;
}

function summary(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, ".ci", "summary.mjs"), ...args], { encoding: "utf8" });
  const lines = r.stdout.trimEnd().split("\n");
  return { code: r.status, last: lines.at(-1), shaped: lines.filter((l) => /^\d+ passed, \d+ failed$/.test(l)) };
}

describe(".ci/summary.mjs", () => {
  it("sums both runs into one closing line, and passes when both pass", () => {
    const r = summary("Node v20", report("a", { passed: 815, failed: 0 }), "0", "Node v24", report("b", { passed: 815, failed: 0 }), "0");
    expect(r.last).toBe("1630 passed, 0 failed");
    expect(r.shaped).toEqual(["1630 passed, 0 failed"]);
    expect(r.code).toBe(0);
  });

  it("fails when either run fails, a run has no report, or vitest exited non-zero with nothing failed", () => {
    expect(summary("Node v20", report("c", { passed: 815, failed: 0 }), "0", "Node v24", report("d", { passed: 814, failed: 1 }), "1")).toMatchObject({ code: 1, last: "1629 passed, 1 failed" });
    expect(summary("Node v20", report("e", { passed: 815, failed: 0 }), "0", "Node 24", join(dir, "none.json"), "1")).toMatchObject({ code: 1, last: "815 passed, 1 failed" });
    expect(summary("Node v20", report("f", { passed: 815, failed: 0 }), "1")).toMatchObject({ code: 1, last: "815 passed, 1 failed" });
    const unloadable = report("g", { passed: 3, failed: 0, files: [{ status: "failed", assertionResults: [] }] });
    expect(summary("Node v20", unloadable, "1")).toMatchObject({ code: 1, last: "3 passed, 1 failed" });
    expect(summary()).toMatchObject({ code: 1, last: "0 passed, 1 failed" });
  });

  it("counts a skipped or to-do test as failed: a test that needs a tool fails, never skips", () => {
    const file = join(dir, "skipped.json");
    writeFileSync(file, JSON.stringify({ numPassedTests: 10, numFailedTests: 0, numPendingTests: 1, numTodoTests: 1, numTotalTests: 12, testResults: [] }));
    expect(summary("Node v20", file, "0")).toMatchObject({ code: 1, last: "10 passed, 2 failed" });
  });
});

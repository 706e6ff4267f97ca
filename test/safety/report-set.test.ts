// A report folder holds one build's set (issue 14, item 4): a PDF that fails beside an earlier report
// leaves that report whole and says which build it is from; a build of fewer formats removes the
// other formats an earlier build left, and says so.
import { createHash } from "node:crypto";
import { chmodSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { darepBin, ROOT } from "../helpers/cli.js";
import { demoCopy, inputHashes } from "./helpers.js";

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
const FILES = ["exception-report-appendix.pdf", "exception-report.html", "exception-report.pdf", "report.json"];

describe("one build's set in the report folder", () => {
  it("a failing PDF beside an earlier report: nothing written, the earlier set whole and dated; fewer formats remove the rest", () => {
    const { dir, root } = demoCopy();
    dirs.push(dir);
    const out = join(dir, "out");
    const args = ["build", "Q2", "--year", "2026-27", "--workspace", root, "--out", out];
    const first = darepBin(args, { cwd: ROOT, env: { SOURCE_DATE_EPOCH: "1795000000" } });
    expect(first.code, first.stderr).toBe(1);
    expect(readdirSync(out).sort()).toEqual(FILES);
    const hashes = () =>
      Object.fromEntries(
        readdirSync(out)
          .sort()
          .map((f) => [
            f,
            createHash("sha256")
              .update(readFileSync(join(out, f)))
              .digest("hex"),
          ]),
      );
    const before = hashes();
    const inputs = inputHashes(root);

    const broken = join(dir, "chromium");
    writeFileSync(broken, "#!/bin/sh\necho 'cannot open display' >&2\nexit 1\n");
    chmodSync(broken, 0o755);
    const failed = darepBin([...args, "--browser", broken], { cwd: ROOT, env: { SOURCE_DATE_EPOCH: "1795100000" } });
    expect(failed.code).toBe(2);
    // 1795000000 is 18 November 2026, 11:06:40 UTC.
    expect(failed.stderr).toBe(
      `darep: the PDF was not written: The browser at ${broken} could not be started: cannot open display\n` +
        `  So nothing was written: exception-report.html, exception-report.pdf, exception-report-appendix.pdf, report.json in ${out} are still the earlier build's, of 18 November 2026 at 11:06 GMT, whole. Use --format html,json to write the report without the PDF.\n`,
    );
    expect(failed.stdout).toContain("wrote nothing");
    expect(hashes()).toEqual(before);

    const smaller = darepBin([...args, "--format", "html,json"], { cwd: ROOT, env: { SOURCE_DATE_EPOCH: "1795100000" } });
    expect(smaller.code, smaller.stderr).toBe(1);
    expect(smaller.stdout).toContain("removed exception-report.pdf, exception-report-appendix.pdf, left from an earlier build: the folder holds this build's files only.");
    expect(readdirSync(out).sort()).toEqual(["exception-report.html", "report.json"]);
    expect(readFileSync(join(out, "report.json"), "utf8")).toContain('"generatedAt": "2026-11-19T');
    expect(inputHashes(root)).toEqual(inputs);
  });
});

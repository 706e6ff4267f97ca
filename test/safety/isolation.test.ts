// Parsing a workbook runs isolated (issue 14, item 2): in a worker thread the run can stop, so a
// workbook over the time limit is a limit-exceeded error naming that limit, and every other return is
// still read; darep then exits without waiting for the stopped read.
import { readFileSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { darepBin, ROOT } from "../helpers/cli.js";
import { demoCopy, inputHashes } from "./helpers.js";

const ws = demoCopy();
afterAll(async () => {
  await rm(ws.dir, { recursive: true, force: true });
});

describe("a workbook over the time limit", () => {
  it("is stopped and reported as limit-exceeded naming the limit; the CSV returns are still read", () => {
    const configFile = join(ws.root, "darep.config.json");
    const config = JSON.parse(readFileSync(configFile, "utf8"));
    config.options = { ...config.options, limits: { maxSecondsPerFile: 0.001 } };
    writeFileSync(configFile, JSON.stringify(config));
    const before = inputHashes(ws.root);
    const r = darepBin(["validate", "Q2", "--year", "2026-27", "--workspace", ws.root, "--format", "json", "--no-cache"], { cwd: ROOT });
    expect(r.code).toBe(1);
    const files = (JSON.parse(r.stdout) as { files: { file: string; status: string; issues: { code: string; message: string; expected?: string }[] }[] }).files;
    for (const name of ["riverside.xlsx", "dbth.xlsx"]) {
      const f = files.find((x) => x.file.endsWith(name))!;
      expect(f.status).toBe("invalid");
      expect(f.issues).toEqual([
        expect.objectContaining({
          code: "limit-exceeded",
          message: "Reading the file took longer than the limit of 0.001 s, so it was skipped.",
          expected: "read within 0.001 s (options.limits.maxSecondsPerFile)",
        }),
      ]);
    }
    const csv = files.find((x) => x.file.endsWith("south-yorkshire-police.csv"))!;
    expect(csv.issues.filter((i) => i.code === "limit-exceeded")).toEqual([]);
    expect(inputHashes(ws.root)).toEqual(before);
  });
});

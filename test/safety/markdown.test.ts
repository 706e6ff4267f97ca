// Cell text can never become a link or an image in what darep writes as markdown (issue 14, item 8):
// the GitHub step summary and `darep status --format markdown`, through the real binary.
import { readFileSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { darepBin, ROOT } from "../helpers/cli.js";
import { demoCopy } from "./helpers.js";

const ws = demoCopy();
afterAll(async () => {
  await rm(ws.dir, { recursive: true, force: true });
});
const file = join(ws.root, "returns", "2026-27", "Q2", "dcst.csv");
const rows = readFileSync(file, "utf8").trimEnd().split("\n");
const valueAt = rows[0]!.split(",").indexOf("value");
[
  ["[x](http://e)", 1],
  ["![i](http://e)", 2],
].forEach(([text, k]) => {
  const cells = rows[k as number]!.split(",");
  cells[valueAt] = text as string;
  rows[k as number] = cells.join(",");
});
writeFileSync(file, rows.join("\n") + "\n");

/** A link or image markdown would render: [text](target) whose brackets are not backslash-escaped. */
const LIVE = /(?<!\\)\[[^\]\n]*(?<!\\)\]\(/;

describe("markdown from cells", () => {
  it("the step summary shows [x](http://e) and ![i](http://e) as text", () => {
    const summary = join(ws.dir, "summary.md");
    const r = darepBin(["validate", file, "--workspace", ws.root, "--format", "github"], { cwd: ROOT, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(r.code).toBe(1);
    const md = readFileSync(summary, "utf8");
    expect(md).toContain("'\\[x\\](http\\://e)'");
    expect(md).toContain("'\\!\\[i\\](http\\://e)'");
    expect(md).not.toMatch(LIVE);
    expect(md).not.toContain("http://");
  });

  it("darep status --format markdown shows them as text", () => {
    const r = darepBin(["status", "Q2", "--year", "2026-27", "--workspace", ws.root, "--format", "markdown"], { cwd: ROOT });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("'\\!\\[i\\](http\\://e)'");
    expect(r.stdout).not.toMatch(LIVE);
    expect(r.stdout).not.toContain("http://");
  });
});

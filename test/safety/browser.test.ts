// A browser that hangs or leaves children cannot keep darep alive, and nothing of it is left: each
// "browser" here is a shell script given to the real darep binary with --browser.
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { darepBin, ROOT } from "../helpers/cli.js";
import { demoCopy, eventually, inputHashes, running } from "./helpers.js";

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

function wrapperRun(script: string) {
  const { dir, root } = demoCopy();
  dirs.push(dir);
  const tmp = join(dir, "tmp");
  mkdirSync(tmp);
  const wrapper = join(dir, "chromium");
  writeFileSync(wrapper, `#!/bin/sh\ncd '${dir}'\n${script}\n`);
  chmodSync(wrapper, 0o755);
  const before = inputHashes(root);
  const out = join(dir, "out");
  const r = darepBin(["build", "Q2", "--year", "2026-27", "--workspace", root, "--out", out, "--browser", wrapper], { cwd: ROOT, env: { TMPDIR: tmp, DAREP_BROWSER_TIMEOUT: "2" } });
  const pid = (name: string) => Number(readFileSync(join(dir, name), "utf8").trim());
  return { r, dir, root, out, tmp, before, pid };
}

describe("a browser wrapper that misbehaves", () => {
  it("hangs and leaves a child: darep ends in time with a named message, and kills both", async () => {
    const w = wrapperRun("sleep 1000 &\necho $! > child.pid\necho $$ > wrapper.pid\nsleep 1000");
    expect(w.r.code, w.r.stderr).toBe(2);
    expect(w.r.stderr).toContain(`The browser at ${join(w.dir, "chromium")} could not be started: it did not answer within 2 s`);
    expect(w.r.stderr).toContain("  The HTML and JSON were written.\n");
    expect(readdirSync(w.out).sort()).toEqual(["exception-report.html", "report.json"]);
    expect(await eventually(() => !running(w.pid("child.pid")) && !running(w.pid("wrapper.pid")))).toBe(true);
    expect(readdirSync(w.tmp)).toEqual([]);
    expect(inputHashes(w.root)).toEqual(w.before);
  });

  it("exits at once and leaves a child holding its output open: darep does not wait for the child", async () => {
    const w = wrapperRun("sleep 1000 &\necho $! > child.pid\necho 'no browser here' >&2\nexit 3");
    expect(w.r.code, w.r.stderr).toBe(2);
    expect(w.r.stderr).toContain("could not be started: no browser here");
    expect(await eventually(() => !running(w.pid("child.pid")))).toBe(true);
    expect(readdirSync(w.tmp)).toEqual([]);
    expect(inputHashes(w.root)).toEqual(w.before);
  });
});

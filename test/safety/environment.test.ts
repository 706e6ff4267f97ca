// The machine's failures are said as such (issue 14, item 6): a file-size limit (standing in for a
// full disk), an impossible SOURCE_DATE_EPOCH or an absurd limit in the config is one plain sentence
// with exit 2 and what to do, never "report them as a bug"; the previous report is left whole.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { environmentError } from "../../src/errors.js";
import { BIN, darepBin, ROOT } from "../helpers/cli.js";
import { demoCopy, inputHashes } from "./helpers.js";

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
const sha = (p: string) => createHash("sha256").update(readFileSync(p)).digest("hex");

describe("failures of the machine", () => {
  it("a file-size limit (ulimit -f) half-way through the writing: exit 2, the file named, the old report whole", () => {
    const { dir, root } = demoCopy();
    dirs.push(dir);
    const out = join(dir, "out");
    const args = ["build", "Q2", "--year", "2026-27", "--workspace", root, "--out", out, "--format", "html,json"];
    expect(darepBin(args, { cwd: ROOT }).code).toBe(1);
    const before = { html: sha(join(out, "exception-report.html")), json: sha(join(out, "report.json")), inputs: inputHashes(root) };
    // 100 blocks of 1 KiB: the report's files are bigger.
    const r = spawnSync("bash", ["-c", 'ulimit -f 100; exec "$0" "$@"', process.execPath, BIN, ...args], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", SOURCE_DATE_EPOCH: "1795100000" },
      timeout: 120_000,
    });
    expect(r.status).toBe(2);
    const named = r.stderr.match(
      /^darep: (.*) could not be written: it would be bigger than this system lets one file be \(a file-size limit such as ulimit -f\)\. Raise the limit, or write elsewhere with --out, then run darep again\.\n$/,
    )?.[1];
    expect([join(out, "report.json"), join(out, "exception-report.html")], r.stderr).toContain(named);
    expect(readdirSync(out).sort()).toEqual(["exception-report.html", "report.json"]);
    expect({ html: sha(join(out, "exception-report.html")), json: sha(join(out, "report.json")), inputs: inputHashes(root) }).toEqual(before);
  });

  it("SOURCE_DATE_EPOCH=99999999999999 is a plain error, exit 2", () => {
    const r = darepBin(["build", "Q2", "--workspace", join(ROOT, "fixtures", "demo"), "--format", "json", "--out", join(ROOT, "node_modules", ".never")], {
      cwd: ROOT,
      env: { SOURCE_DATE_EPOCH: "99999999999999" },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^darep: SOURCE_DATE_EPOCH must be whole seconds since 1970, before the year 10000 \(found "99999999999999"\)/);
    expect(r.stderr).not.toMatch(/bug/);
  });

  it("an output folder this system can never make is a plain error, exit 2, not a hang (Node's recursive mkdir loops on /proc/x)", () => {
    if (process.platform !== "linux") throw new Error("This test needs Linux's /proc.");
    const r = darepBin(["build", "Q2", "--year", "2026-27", "--workspace", join(ROOT, "fixtures", "demo"), "--format", "json", "--out", "/proc/darep-never/out"], { cwd: ROOT });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("darep: The folder /proc/darep-never cannot be made on this system: write elsewhere with --out, then run darep again.\n");
  });

  it("an absurd limit in darep.config.json is a config error, exit 2, before any return is read", () => {
    const { dir, root } = demoCopy();
    dirs.push(dir);
    const config = JSON.parse(readFileSync(join(root, "darep.config.json"), "utf8"));
    config.options = { ...config.options, limits: { maxSecondsPerFile: 10_000_000, maxFileBytes: 1e12 } };
    writeFileSync(join(root, "darep.config.json"), JSON.stringify(config));
    const r = darepBin(["validate", "Q2", "--workspace", root], { cwd: ROOT });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("options.limits.maxSecondsPerFile: must be at most 3600 (an hour)");
    expect(r.stderr).toContain("options.limits.maxFileBytes: must be at most 1073741824 (1 GiB)");
    expect(r.stderr).not.toMatch(/TimeoutOverflowWarning|bug/);
  });
});

describe("environmentError", () => {
  const err = (code: string, extra: Record<string, string> = {}) => Object.assign(new Error(`${code}: raw`), { code, ...extra });
  it("says each failure of the machine in a sentence with what to do", () => {
    expect(environmentError(err("ENOSPC", { path: "/r/report.json", syscall: "write" }))?.message).toBe(
      "There is no space left on the disk to write /r/report.json: free some space, or write elsewhere with --out, then run darep again.",
    );
    expect(environmentError(err("EDQUOT", { path: "/r/a" }))?.message).toMatch(/^Your disk quota is used up, so \/r\/a could not be written/);
    expect(environmentError(err("EACCES", { path: "/r", syscall: "mkdir" }))?.message).toBe(
      "darep is not allowed to write /r: check the permissions of the file and its folder, or write elsewhere with --out, then run darep again.",
    );
    expect(environmentError(err("EPERM", { path: "/w/returns", syscall: "scandir" }))?.message).toBe(
      "darep is not allowed to read /w/returns: check the permissions of the file and its folder, then run darep again.",
    );
    expect(environmentError(err("EEXIST", { path: "/r/x" }))?.message).toBe("/r/x already exists and is in darep's way: move or delete it, then run darep again.");
    expect(environmentError(err("EROFS", { path: "/r" }))?.message).toMatch(/read-only disk/);
  });
  it("leaves everything else to be reported as an internal failure", () => {
    expect(environmentError(new TypeError("x is undefined"))).toBeNull();
    expect(environmentError(err("ERR_SOMETHING"))).toBeNull();
    expect(environmentError("text")).toBeNull();
    expect(environmentError(null)).toBeNull();
  });
});

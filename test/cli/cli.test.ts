// The command line's contract: help, version, exit codes and plain one-sentence failures.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { VERSION } from "../../src/version.js";
import { darep, darepBin } from "../helpers/cli.js";
import { makeWorkspace } from "../helpers/workspace.js";

const empty = () => mkdtempSync(join(tmpdir(), "darep-empty-"));

describe("darep's command line", () => {
  it("prints help listing the commands, exit 0", async () => {
    const r = await darep(["--help"], { cwd: empty() });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/validate/);
    expect(r.stdout).toMatch(/build/);
    expect(r.stdout).toMatch(/Exit codes: 0/);
  });

  it("prints help for one command", async () => {
    const r = await darep(["help", "validate"], { cwd: empty() });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--format <format>/);
  });

  it("prints its version", async () => {
    const r = await darep(["--version"], { cwd: empty() });
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(VERSION);
  });

  it("exits 2 on an unknown option or command", async () => {
    expect((await darep(["validate", "--nope"], { cwd: empty() })).code).toBe(2);
    expect((await darep(["frobnicate"], { cwd: empty() })).code).toBe(2);
  });

  it("exits 2 with one plain sentence when there is no config, without a stack trace", () => {
    const r = darepBin(["validate", "Q2"], { cwd: empty() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^darep: No darep\.config\.json found in .* or any folder above it/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("names the field of every mistake in the config, exit 2", async () => {
    const root = makeWorkspace({ config: { partnership: "", framework: "doncaster", agencies: [{ id: "Bad Id", name: "X", indicators: ["PM99"], emial: "x" }] } });
    const r = await darep(["validate", "Q2"], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/darep\.config\.json: partnership: must not be empty/);
    expect(r.stderr).toMatch(/agencies\[0\]\.id: must be lower-case/);
    expect(r.stderr).toMatch(/agencies\[0\]: unknown field 'emial'/);
  });

  it("reports broken JSON in the config by line and column", async () => {
    const root = makeWorkspace();
    writeFileSync(join(root, "darep.config.json"), '{\n  "partnership": "X",\n  oops\n}');
    const r = await darep(["validate"], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not valid JSON at line 3, column 3/);
  });

  it("names an agency's indicator that the framework lacks", async () => {
    const root = makeWorkspace({ config: { partnership: "X", framework: "doncaster", agencies: [{ id: "police", name: "Police", indicators: ["PM99"] }] } });
    const r = await darep(["validate"], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/agencies\[0\]\.indicators\[0\]: PM99 is not in the doncaster framework/);
  });

  it("rejects a quarter that is not one", async () => {
    const r = await darep(["build", "Q5"], { cwd: makeWorkspace() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/'Q5' is not a quarter/);
  });
});

// Nothing is read from outside the workspace, and nothing hangs (issue 14, item 1): returns that are
// a symlink to a secret outside, a symlink to /dev/zero, a FIFO and a folder named like a return each
// become a named error about that file, count as received but invalid (never missing), and the run
// ends; the secret never appears in any output, the step summary included.
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { darepBin, ROOT } from "../helpers/cli.js";
import { demoCopy, inputHashes } from "./helpers.js";

const ws = demoCopy();
const Q2 = join(ws.root, "returns", "2026-27", "Q2");
const secret = join(ws.dir, "credentials.csv");
const HOSTILE = { "st-leger-homes": "a symbolic link", dcst: "a symbolic link", "public-health": "not a regular file", "doncaster-council": "a folder" } as const;
let before: Record<string, string>;
const secretHash = () => createHash("sha256").update(readFileSync(secret)).digest("hex");
let secretBefore = "";

beforeAll(() => {
  writeFileSync(secret, "indicator,value\nPM1,SECRET-4f9a\n");
  secretBefore = secretHash();
  for (const a of Object.keys(HOSTILE)) rmSync(join(Q2, `${a}.csv`), { force: true });
  symlinkSync(secret, join(Q2, "st-leger-homes.csv"));
  symlinkSync("/dev/zero", join(Q2, "dcst.csv"));
  execFileSync("mkfifo", [join(Q2, "public-health.csv")]);
  mkdirSync(join(Q2, "doncaster-council.csv"));
  before = inputHashes(ws.root);
});
afterAll(async () => {
  await rm(ws.dir, { recursive: true, force: true });
});

describe("returns that are not files", () => {
  it("darep validate --format github names each one, never reads the secret, and ends", () => {
    const summary = join(ws.dir, "summary.md");
    const r = darepBin(["validate", "Q2", "--year", "2026-27", "--workspace", ws.root, "--format", "github"], { cwd: ROOT, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(r.code).toBe(1);
    const out = r.stdout + r.stderr + readFileSync(summary, "utf8");
    expect(out).not.toContain("SECRET");
    expect(r.stdout).toMatch(/st-leger-homes\.csv,title=darep unreadable-file::This is a symbolic link; darep never follows links/);
    expect(r.stdout).toMatch(/dcst\.csv,title=darep unreadable-file::This is a symbolic link/);
    expect(r.stdout).toMatch(/public-health\.csv,title=darep unreadable-file::This is not a regular file \(a FIFO, a device or a socket\)/);
    expect(r.stdout).toMatch(/doncaster-council\.csv,title=darep unreadable-file::This is a folder, not a file/);
    expect(inputHashes(ws.root)).toEqual(before);
    expect(secretHash()).toBe(secretBefore);
  });

  it("darep status counts each as received but invalid, never missing, so the chase list does not chase it as missing", () => {
    const r = darepBin(["status", "Q2", "--year", "2026-27", "--workspace", ws.root, "--format", "json"], { cwd: ROOT });
    expect(r.code).toBe(1);
    const status = JSON.parse(r.stdout) as { agencies: { agency: string; status: string; file: string | null }[] };
    for (const agency of Object.keys(HOSTILE)) {
      const row = status.agencies.find((a) => a.agency === agency)!;
      expect({ agency, status: row.status, file: row.file }).toEqual({ agency, status: "invalid", file: `returns/2026-27/Q2/${agency}.csv` });
    }
    expect(r.stdout).not.toContain("SECRET");
  });

  it("darep build reports them and writes a report without the secret", () => {
    const out = join(ws.dir, "out");
    const r = darepBin(["build", "Q2", "--year", "2026-27", "--workspace", ws.root, "--out", out, "--format", "json"], { cwd: ROOT });
    expect(r.code, r.stderr).toBe(1);
    const report = readFileSync(join(out, "report.json"), "utf8");
    expect(report).not.toContain("SECRET");
    expect(report).toContain("This is a symbolic link; darep never follows links");
    expect(inputHashes(ws.root)).toEqual(before);
  });
});

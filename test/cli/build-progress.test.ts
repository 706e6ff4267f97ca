// `darep build` shows its steps on a terminal only: never in a pipe or a CI log, and never with --quiet.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { darep, DEMO, ROOT } from "../helpers/cli.js";

let dir = "";
const STEPS = ["Loading the workspace", "Reading and checking returns up to 2026-27 Q2", "Judging every figure", "Writing the HTML report"];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "darep-progress-"));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const build = (name: string, isTTY: boolean, extra: string[] = []) =>
  darep(["build", "Q2", "--year", "2026-27", "--workspace", DEMO, "--out", join(dir, name), "--format", "html,json", ...extra], { cwd: ROOT, isTTY, env: {} });

describe("darep build's progress", () => {
  it("shows each step on a terminal, in order, on stderr", async () => {
    const r = await build("tty", true);
    expect(r.code).toBe(1);
    const plain = r.stderr.replace(/\u001b\[[0-9;]*m/g, "");
    const at = STEPS.map((s) => plain.indexOf(`${s}…`));
    expect(
      at.every((i) => i >= 0),
      plain,
    ).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // The result goes to stdout, the steps do not.
    expect(r.stdout).toContain("wrote");
    expect(r.stdout).not.toContain("Loading the workspace");
  });

  it("shows no step when the output is not a terminal", async () => {
    const r = await build("pipe", false);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("wrote");
  });

  it("shows nothing on a terminal with --quiet", async () => {
    const r = await build("quiet", true, ["--quiet"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("");
  });

  it("shows no colour codes on a terminal when NO_COLOR is set", async () => {
    const r = await darep(["build", "Q2", "--year", "2026-27", "--workspace", DEMO, "--out", join(dir, "nocolor"), "--format", "json"], { cwd: ROOT, isTTY: true, env: { NO_COLOR: "1" } });
    expect(r.stderr).toContain("Loading the workspace…");
    expect(r.stderr).not.toMatch(/\u001b\[/);
  });
});

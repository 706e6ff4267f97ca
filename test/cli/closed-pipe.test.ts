// A reader that stops early (`darep build Q2 | head -1`) closes darep's stdout: the build still
// finishes and writes its report, exits with its usual code, and prints no stack trace.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { BIN, DEMO } from "../helpers/cli.js";

const out = mkdtempSync(join(tmpdir(), "darep-pipe-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

it("finishes the build quietly when its output pipe is closed", async () => {
  const child = spawn(process.execPath, [BIN, "build", "Q2", "--year", "2026-27", "--workspace", DEMO, "--format", "json", "--out", out, "--no-cache"], {
    env: { ...process.env, NO_COLOR: "1", DAREP_TODAY: "2026-11-25" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Close the reading end before darep has written anything: every write it makes meets EPIPE.
  child.stdout.destroy();
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const code = await new Promise<number | null>((done) => child.on("close", done));
  expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
  expect(code).toBe(1); // the demo's planted missing and invalid returns, as without the pipe
  expect(existsSync(join(out, "report.json"))).toBe(true);
});

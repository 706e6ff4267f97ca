// The demo's report built with the REAL browser for the PDF tests, and the poppler/qpdf tools that read
// it. A machine without a browser, poppler or qpdf fails these tests on purpose: the PDF is what the
// board receives.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { findBrowser } from "../../src/report/browser.js";
import { darep, DEMO, ROOT } from "./cli.js";

export const EPOCH = "1795000000"; // 2026-11-18T11:06:40Z

/** Runs a command-line tool and returns its output; a missing tool is an error that says what to install. */
export function tool(name: string, args: string[], install = "poppler-utils"): string {
  const r = spawnSync(name, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`${name} is needed to check the PDF and could not be run (${r.error.message}): install ${install} (Debian: apt-get install ${install}).`);
  if (r.status !== 0) throw new Error(`${name} ${args.join(" ")} failed: ${r.stderr}`);
  return r.stdout;
}

/** Builds the demo's Q2 2026-27 report into a new temporary folder and returns the folder. */
export async function buildDemo(formats: string, prefix: string): Promise<string> {
  const found = findBrowser({ env: process.env, platform: process.platform, exists: existsSync });
  if (!found) throw new Error("No Chrome, Chromium or Edge was found, so the demo PDF cannot be checked: install one (Debian: apt-get install chromium) or set DAREP_BROWSER.");
  const out = await mkdtemp(join(tmpdir(), prefix));
  const r = await darep(["build", "Q2", "--year", "2026-27", "--workspace", DEMO, "--out", out, "--format", formats, "--quiet"], {
    cwd: ROOT,
    env: { ...process.env, DAREP_TODAY: "2026-11-25", SOURCE_DATE_EPOCH: EPOCH },
  });
  expect(r.stderr).toBe("");
  expect(r.code).toBe(1); // the demo's planted missing and invalid returns
  return out;
}

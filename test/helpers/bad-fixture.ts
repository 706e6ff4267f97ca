// Check one fixture of fixtures/bad/ through the real binary: copied into a copy of the demo's
// config as an agency's 2026-27 Q2 return, then `darep validate <file> --format json`.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Issue } from "../../src/types.js";
import { darepBin, DEMO } from "./cli.js";

export const BAD = join(DEMO, "..", "bad");

export interface CheckedFile {
  file: string;
  status: string;
  figures: number;
  issues: Issue[];
}

/** Validate `fixture` (a name in fixtures/bad/, or a path) as `as` (e.g. "probation-service.csv"). */
/** The fixture placed as in checkBad, and `darep validate <file> ...args` run on it as it is; stdout and code. */
export function runBad(fixture: string, as: string, args: string[], extra: Record<string, string> = {}): { code: number; file: string; stdout: string } {
  const root = mkdtempSync(join(tmpdir(), "darep-bad-cli-"));
  writeFileSync(join(root, "darep.config.json"), readFileSync(join(DEMO, "darep.config.json")));
  for (const [path, text] of Object.entries(extra)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const file = `returns/2026-27/Q2/${as}`;
  mkdirSync(dirname(join(root, file)), { recursive: true });
  copyFileSync(fixture.includes("/") ? fixture : join(BAD, fixture), join(root, file));
  const r = darepBin(["validate", file, "--no-cache", ...args], { cwd: root });
  if (r.code === 2) throw new Error(`darep failed: ${r.stderr}`);
  return { code: r.code, file, stdout: r.stdout };
}

/** Validate `fixture` (a name in fixtures/bad/, or a path) as `as` (e.g. "probation-service.csv"), as JSON. */
export function checkBad(fixture: string, as: string, extraArgs: string[] = [], extra: Record<string, string> = {}): { code: number; file: string; check: CheckedFile; stdout: string } {
  const r = runBad(fixture, as, ["--format", "json", ...extraArgs], extra);
  const result = JSON.parse(r.stdout) as { files: CheckedFile[] };
  return { code: r.code, file: r.file, check: result.files[0]!, stdout: r.stdout };
}

/** The parts of an issue a test pins down. */
export const pinned = (i: Issue) => ({ code: i.code, severity: i.severity, row: i.row, cell: i.cell, column: i.column });

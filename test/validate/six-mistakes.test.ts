// The six ordinary mistakes in one return (a typo'd indicator, 0.74 for a percentage, an unquoted
// thousands separator, a breakdown that does not add up, a blank, an extra header column) through
// the real binary's text output: every error on screen in the first 20 lines, the 61 warnings the
// extra column causes as one entry, and none of them with --errors-only.
import { describe, expect, it } from "vitest";
import { runBad } from "../helpers/bad-fixture.js";

const AS = "doncaster-council.csv";

describe("darep validate on the six-mistake return", () => {
  it("prints every error in the first 20 lines, errors before warnings", () => {
    const { code, stdout } = runBad("six-mistakes.csv", AS, []);
    expect(code).toBe(1);
    const lines = stdout.split("\n");
    const errorLines = lines.map((l, n) => [l, n] as const).filter(([l]) => /^ {2}error /.test(l));
    const codes = errorLines.map(([l]) => /\[([a-z-]+)\]$/.exec(l)?.[1]);
    expect(codes.sort()).toEqual(["blank-value", "categories-do-not-add-up", "missing-indicator", "percent-as-fraction", "unknown-indicator", "unquoted-thousands"]);
    expect(Math.max(...errorLines.map(([, n]) => n))).toBeLessThan(20);
    const firstWarning = lines.findIndex((l) => /^ {2}warning /.test(l));
    expect(firstWarning).toBeGreaterThan(Math.max(...errorLines.map(([, n]) => n)));
    expect(lines[0]).toBe("returns/2026-27/Q2/doncaster-council.csv  ✗ invalid (6 errors, 62 warnings), 49 figures read");
    expect(stdout).toContain("Did you mean PM3?");
    expect(stdout).toContain("Did you mean 1,032?");
    expect(stdout).toContain("Did you mean 74%?");
  });

  it("groups a finding repeated on many rows into one entry", () => {
    const { stdout } = runBad("six-mistakes.csv", AS, []);
    const missing = stdout.split("\n").filter((l) => l.includes("[missing-cell]"));
    expect(missing).toEqual(["  warning rows 2-27, 29-63 (checked): 61 times, e.g. Row 2 has 5 cells but the header row has 6 columns; the missing cells were read as blank. [missing-cell]"]);
  });

  it("--errors-only leaves the warnings out, and still counts them", () => {
    const { stdout } = runBad("six-mistakes.csv", AS, ["--errors-only"]);
    expect(stdout).not.toMatch(/^ {2}warning /m);
    expect(stdout.split("\n").filter((l) => /^ {2}error /.test(l))).toHaveLength(6);
    expect(stdout).toContain("6 errors, 62 warnings");
  });

  it("--errors-only in GitHub annotations: errors only", () => {
    const { stdout } = runBad("six-mistakes.csv", AS, ["--errors-only", "--format", "github"]);
    expect(stdout.split("\n").filter((l) => l.startsWith("::"))).toHaveLength(6);
    expect(stdout).not.toContain("::warning");
  });
});

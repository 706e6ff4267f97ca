// `darep validate <file> --framework <name-or-folder>`: a data officer with no workspace checks one
// return, through the real binary; whose it is and its quarter come from the About sheet or the name.
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BAD } from "../helpers/bad-fixture.js";
import { darepBin, ROOT } from "../helpers/cli.js";

/** A folder with no workspace in it or above it, holding `files` (name there -> fixture name). */
function folderWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "darep-alone-"));
  for (const [name, fixture] of Object.entries(files)) copyFileSync(join(BAD, fixture), join(dir, name));
  return dir;
}

describe("darep validate <file> --framework", () => {
  it("checks a CSV named after its agency and quarter, and lists its errors", () => {
    const dir = folderWith({ "doncaster-council-2026-27-Q2.csv": "six-mistakes.csv" });
    const r = darepBin(["validate", "doncaster-council-2026-27-Q2.csv", "--framework", "doncaster", "--format", "json"], { cwd: dir });
    expect(r.code).toBe(1);
    const [file] = JSON.parse(r.stdout).files;
    expect(file).toMatchObject({ file: "doncaster-council-2026-27-Q2.csv", agency: "doncaster-council", year: "2026-27", quarter: "Q2", status: "invalid" });
    const codes = file.issues.filter((i: { severity: string }) => i.severity === "error").map((i: { code: string }) => i.code);
    expect(codes).toEqual(["categories-do-not-add-up", "unknown-indicator", "blank-value", "unquoted-thousands", "percent-as-fraction"]);
  });

  it("takes the agency and the quarter from a workbook's About sheet, and accepts a framework folder", () => {
    const dir = folderWith({ "my return.xlsx": "about-submitted.xlsx" });
    const r = darepBin(["validate", "my return.xlsx", "--framework", join(ROOT, "schemas", "doncaster"), "--format", "json"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files[0]).toMatchObject({ agency: "probation-service", year: "2026-27", quarter: "Q2", status: "valid", figures: 2 });
  });

  it("says in one sentence when it cannot tell the quarter (exit 2)", () => {
    const dir = folderWith({ "return.csv": "percent-as-fraction.csv" });
    const r = darepBin(["validate", "return.csv", "--framework", "doncaster"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot tell which quarter return\.csv is for: .*name the file like return-2026-27-Q2\.csv/);
  });

  it("names an unknown framework (exit 2)", () => {
    const r = darepBin(["validate", "x.csv", "--framework", "atlantis"], { cwd: folderWith({ "x.csv": "percent-as-fraction.csv" }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no framework 'atlantis'/);
  });
});

// darep import history: rows that cannot be placed are named by row and cell; a return with an error
// is not written, the others are.
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { darep } from "../helpers/cli.js";
import { openWorkspace, previousFigures } from "../../src/workspace/index.js";

describe("darep import history", () => {
  it("names bad rows by cell and writes only the returns that check clean", async () => {
    const dir = mkdtempSync(join(tmpdir(), "darep-hist-"));
    const init = await darep(["init", "ws", "--name", "Leeds DA Partnership", "--framework", "blank", "--agency", "police:Police"], { cwd: dir });
    expect(init.code).toBe(0);
    const ws = join(dir, "ws");
    writeFileSync(
      join(ws, "history.csv"),
      [
        "year,quarter,agency,indicator,measure,category,value",
        "2025-26,Q1,police,EX1,referrals,,10",
        "2025/26,2,police,EX1,referrals,,12",
        "2025-26,Q3,police,EX1,referrals,,lots",
        "2025-26,Q5,police,EX1,referrals,,3",
        "2025-26,Q4,nobody,EX1,referrals,,3",
      ].join("\n"),
    );
    const r = await darep(["import", "history", "history.csv"], { cwd: ws });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/row 5, cell B5 \(quarter\): history\.csv: Q5 is not a quarter \(Q1 to Q4\)\. \[history-invalid-row\]/);
    expect(r.stdout).toMatch(/row 6, cell C6 \(agency\): history\.csv: nobody is not an agency's id/);
    // The return's own check, placed back on the history's row and cell.
    expect(r.stdout).toMatch(/row 4, cell G4 \(value\): history\.csv: In 2025-26 Q3 for police: 'lots' is not a number/);
    expect(r.stdout).toMatch(/Wrote 2 returns/);
    expect(existsSync(join(ws, "returns", "2025-26", "Q1", "police.csv"))).toBe(true);
    expect(existsSync(join(ws, "returns", "2025-26", "Q2", "police.csv"))).toBe(true);
    expect(existsSync(join(ws, "returns", "2025-26", "Q3", "police.csv"))).toBe(false);
  });
});

describe("darep import history: a figure with a thousands comma", () => {
  it("imports '1,234' and writes a return that reads back as 1234", async () => {
    const dir = mkdtempSync(join(tmpdir(), "darep-hist-"));
    const init = await darep(["init", "ws", "--name", "Leeds DA Partnership", "--framework", "blank", "--agency", "police:Police"], { cwd: dir });
    expect(init.code).toBe(0);
    const ws = join(dir, "ws");
    writeFileSync(join(ws, "history.csv"), ["year,quarter,agency,indicator,measure,category,value", '2025-26,Q1,police,EX1,referrals,,"1,234"'].join("\n"));
    const r = await darep(["import", "history", "history.csv"], { cwd: ws });
    expect(r.stdout).not.toMatch(/unquoted-thousands/);
    expect(r.stdout).toMatch(/Wrote 1 return/);
    const figures = await previousFigures(await openWorkspace({ cwd: ws }), "police", { year: "2025-26", quarter: "Q2" });
    expect(figures.map((f) => f.value)).toEqual([1234]);
  });
});

describe("darep import history: a history file that cannot be opened", () => {
  it.each([
    ["does not exist", "nope.csv", /there is no such file/],
    ["is a folder", "returns", /a folder, not a file/],
  ])("is an error about the run (exit 2) naming the file when it %s, not an agency's return to resend", async (_, file, why) => {
    const dir = mkdtempSync(join(tmpdir(), "darep-hist-"));
    const init = await darep(["init", "ws", "--name", "Leeds DA Partnership", "--framework", "blank", "--agency", "police:Police"], { cwd: dir });
    expect(init.code).toBe(0);
    const ws = join(dir, "ws");
    const r = await darep(["import", "history", file], { cwd: ws });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`The history file ${file} cannot be read:`);
    expect(r.stderr).toMatch(why);
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/resend/);
  });
});

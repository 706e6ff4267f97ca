// `darep validate <folder>` checks every file in it, and still says when two files claim one return.
import { describe, expect, it } from "vitest";
import type { ValidationResult } from "../../src/api/validate.js";
import { darep } from "../helpers/cli.js";
import { makeWorkspace } from "../helpers/workspace.js";

const POLICE =
  "indicator,measure,category,value,note\nPM20,incidents,,100,\nPM20,incidents,crime,60,\nPM20,incidents,non-crime,40,\nPM20,incidents-by-district,,100,\nPM20,incidents-by-district,barnsley,25,\nPM20,incidents-by-district,doncaster,25,\nPM20,incidents-by-district,rotherham,25,\nPM20,incidents-by-district,sheffield,25,\n";

describe("darep validate on a folder", () => {
  it("checks both files of an ambiguous pair, reports the pair once, and exits 1", async () => {
    const ws = makeWorkspace({ files: { "returns/2026-27/Q2/south-yorkshire-police.csv": POLICE, "returns/2026-27/Q2/south-yorkshire-police.xlsx": "not really a workbook" } });
    const r = await darep(["validate", "returns/2026-27/Q2", "--format", "json"], { cwd: ws });
    const result = JSON.parse(r.stdout) as ValidationResult;
    expect(r.code).toBe(1);
    expect(result.files.map((f) => f.file)).toEqual(["returns/2026-27/Q2/south-yorkshire-police.csv", "returns/2026-27/Q2/south-yorkshire-police.xlsx"]);
    expect(result.files[0]!.status).toBe("valid");
    expect(result.issues.filter((i) => i.code === "ambiguous-return")).toEqual([
      expect.objectContaining({ file: "returns/2026-27/Q2/south-yorkshire-police.csv and south-yorkshire-police.xlsx", severity: "error" }),
    ]);
  });

  it("has no such finding for one file a return", async () => {
    const ws = makeWorkspace({ files: { "returns/2026-27/Q2/south-yorkshire-police.csv": POLICE } });
    const r = await darep(["validate", "returns/2026-27/Q2"], { cwd: ws });
    expect(r.stdout).not.toContain("ambiguous-return");
    expect(r.code).toBe(0);
  });
});

// The safety limits are options a partnership sets in darep.config.json, each with a safe default,
// and exceeding one stops that file only.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ValidationResult } from "../../src/api/validate.js";
import { DEMO, darep } from "../helpers/cli.js";
import { AGENCIES, makeWorkspace } from "../helpers/workspace.js";

const POLICE =
  "indicator,measure,category,value,note\nPM20,incidents,,100,\nPM20,incidents,crime,60,\nPM20,incidents,non-crime,40,\nPM20,incidents-by-district,,100,\nPM20,incidents-by-district,barnsley,25,\nPM20,incidents-by-district,doncaster,25,\nPM20,incidents-by-district,rotherham,25,\nPM20,incidents-by-district,sheffield,25,\n";
const config = (limits: Record<string, number>) => ({ partnership: "Test Partnership", framework: "doncaster", agencies: AGENCIES, options: { limits } });

async function check(limits: Record<string, number>, files: Record<string, string | Uint8Array>): Promise<{ code: number; result: ValidationResult }> {
  const ws = makeWorkspace({ config: config(limits), files });
  const r = await darep(["validate", "2026-27 Q2", "--format", "json"], { cwd: ws });
  return { code: r.code, result: JSON.parse(r.stdout) as ValidationResult };
}

describe("limits set in darep.config.json", () => {
  it("refuse a file with more rows than options.limits.maxRows, and check the other files", async () => {
    const { code, result } = await check(
      { maxRows: 5 },
      {
        "returns/2026-27/Q2/south-yorkshire-police.csv": POLICE,
        "returns/2026-27/Q2/riverside.csv": "indicator,measure,category,value,note\nPM18,referrals,,12,\n",
      },
    );
    expect(code).toBe(1);
    const police = result.files.find((f) => f.agency === "south-yorkshire-police")!;
    expect(police.issues.map((i) => i.code)).toEqual(["limit-exceeded"]);
    expect(result.files.find((f) => f.agency === "riverside")!.issues.map((i) => i.code)).not.toContain("limit-exceeded");
  });

  it("give up on a file that takes longer than options.limits.maxSecondsPerFile to read", async () => {
    // No workbook is read in a microsecond (loading exceljs alone takes far longer).
    const xlsx = readFileSync(join(DEMO, "returns", "2026-27", "Q2", "riverside.xlsx"));
    const { result } = await check({ maxSecondsPerFile: 0.000001 }, { "returns/2026-27/Q2/riverside.xlsx": xlsx });
    const [issue] = result.files[0]!.issues;
    expect(issue).toMatchObject({ code: "limit-exceeded", severity: "error", file: "returns/2026-27/Q2/riverside.xlsx" });
    expect(issue!.message).toBe("Reading the file took longer than the limit of 0.000001 s, so it was skipped.");
  });

  it("are checked like the rest of the config: a bad one is exit 2 naming the field", async () => {
    const ws = makeWorkspace({ config: config({ maxRows: -1, maxSeconds: 3 }) });
    const r = await darep(["validate", "Q2"], { cwd: ws });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("darep.config.json: options.limits.maxRows: must be more than 0 (found -1)");
    expect(r.stderr).toMatch(/options\.limits: unknown field 'maxSeconds'/);
  });
});

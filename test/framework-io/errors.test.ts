// A framework spreadsheet's mistakes are named by row, cell and column, and nothing is written.
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importFramework } from "../../src/api/framework.js";
import { HEADERS } from "../../src/framework-io/index.js";

const at = (h: string) => HEADERS.indexOf(h);
function csv(rows: Record<string, string>[]): string {
  return [HEADERS.join(","), ...rows.map((r) => HEADERS.map((h) => r[h] ?? "").join(","))].join("\n");
}
const good = {
  reference: "SH1",
  title: "Referrals",
  theme: "Hub",
  owner: "police",
  "what it tells us": "Demand",
  "measure id": "referrals",
  measure: "Referrals",
  unit: "count",
  direction: "up",
  "reason for the direction": "More reporting",
};

describe("darep framework import's checks", () => {
  it("names the row, cell and column of each mistake", async () => {
    const dir = mkdtempSync(join(tmpdir(), "darep-fw-"));
    writeFileSync(
      join(dir, "ours.csv"),
      csv([
        good,
        { ...good, "measure id": "rate", unit: "percentage" },
        { ...good, reference: "SH2", "measure id": "x", direction: "sideways", title: "" },
        { ...good, reference: "SH1", "measure id": "other", title: "Another title" },
      ]),
    );
    const r = await importFramework({ file: "ours.csv", cwd: dir });
    const seen = r.issues.map((i) => `${i.code} ${i.cell} ${i.column}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        `framework-invalid-cell ${String.fromCharCode(65 + at("unit"))}3 unit`,
        `framework-invalid-cell ${String.fromCharCode(65 + at("direction"))}4 direction`,
        `framework-conflict B5 title`,
      ]),
    );
    expect(r.issues.find((i) => i.column === "unit")?.message).toMatch(/must be one of count, percent/);
    expect(r.folder).toBeNull();
    expect(existsSync(join(dir, "schemas"))).toBe(false);
  });

  it("names a missing column", async () => {
    const dir = mkdtempSync(join(tmpdir(), "darep-fw-"));
    writeFileSync(join(dir, "ours.csv"), "reference,title\nSH1,Referrals\n");
    const r = await importFramework({ file: "ours.csv", cwd: dir });
    expect(r.issues.filter((i) => i.code === "framework-missing-column").map((i) => i.column)).toContain("unit");
  });

  it("refuses a decimal comma rather than read 7,5 as 75, and points a target's problem at a target cell", async () => {
    const dir = mkdtempSync(join(tmpdir(), "darep-fw-"));
    const target = { ...good, direction: "target", "reason for the direction": "Commissioned" };
    writeFileSync(
      join(dir, "ours.csv"),
      csv([
        { ...target, "target level": '"7,5"' },
        { ...good, reference: "SH2", "measure id": "b", "target to be confirmed": "yes" },
      ]),
    );
    const r = await importFramework({ file: "ours.csv", cwd: dir });
    expect(r.issues.find((i) => i.column === "target level")?.message).toBe("'target level' must be a number with a decimal point: write 7.5, not 7,5 (found 7,5).");
    // A target on an 'up' measure: the fix is in the direction or target columns, never the JSON column.
    const sh2 = r.issues.find((i) => i.indicator === "SH2");
    expect(sh2?.column).not.toMatch(/JSON/);
    expect(r.folder).toBeNull();
  });

  it("names a field given both in its column and in the JSON column, rather than letting one win", async () => {
    const dir = mkdtempSync(join(tmpdir(), "darep-fw-"));
    const json = JSON.stringify({ comparators: [{ value: 2, label: "B", source: "S", period: "P" }] }).replace(/"/g, '""');
    writeFileSync(join(dir, "ours.csv"), csv([{ ...good, comparators: "1 | A | S | P", "measure: more (JSON)": `"${json}"` }]));
    const r = await importFramework({ file: "ours.csv", cwd: dir });
    expect(r.issues.map((i) => [i.code, i.column, i.message])).toEqual([
      ["framework-conflict", "measure: more (JSON)", "'measure: more (JSON)' gives comparators again, which the 'comparators' column already gives; give it in one place."],
    ]);
    expect(r.folder).toBeNull();
  });

  it("refuses a JSON cell that would reach the prototype of every object, and leaves Object.prototype alone", async () => {
    const dir = mkdtempSync(join(tmpdir(), "darep-fw-"));
    const json = '{"__proto__": {"polluted": 1}}'.replace(/"/g, '""');
    writeFileSync(join(dir, "ours.csv"), csv([{ ...good, "measure: more (JSON)": `"${json}"` }]));
    const r = await importFramework({ file: "ours.csv", cwd: dir });
    expect(r.issues.map((i) => [i.column, i.message])).toEqual([["measure: more (JSON)", expect.stringMatching(/must not use the key "__proto__"/)]]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses a lowest possible value above the highest, naming the cell", async () => {
    const dir = mkdtempSync(join(tmpdir(), "darep-fw-"));
    writeFileSync(join(dir, "ours.csv"), csv([{ ...good, "lowest possible": "10", "highest possible": "5" }]));
    const r = await importFramework({ file: "ours.csv", cwd: dir });
    expect(r.issues.map((i) => [i.column, i.message])).toEqual([["lowest possible", "'lowest possible': the lowest possible value (10) is above the highest (5), so no figure could be right."]]);
  });
});

// A framework exported to a spreadsheet and imported again is the same framework, for every bundled one.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { exportFramework, importFramework } from "../../src/api/framework.js";
import { loadFramework } from "../../src/workspace/index.js";
import { ROOT } from "../helpers/cli.js";

const bundled = readdirSync(join(ROOT, "schemas"));

describe("framework export then import", () => {
  it("has the bundled frameworks to check", () => expect(bundled).toEqual(expect.arrayContaining(["doncaster", "rotherham", "portsmouth"])));

  for (const name of bundled)
    for (const format of ["xlsx", "csv"] as const)
      it(`gives the same ${name} framework through ${format}`, async () => {
        const dir = mkdtempSync(join(tmpdir(), "darep-roundtrip-"));
        const out = `${name}.${format}`;
        const exported = await exportFramework({ framework: name, cwd: dir, out });
        const imported = await importFramework({ file: out, name: "again", cwd: dir });
        expect(imported.issues).toEqual([]);
        expect(imported.indicators).toBe(exported.indicators);
        const before = await loadFramework(join(ROOT, "schemas", name));
        const after = await loadFramework(join(dir, "schemas", "again"));
        expect(after.indicators).toEqual(before.indicators);
        // A CSV has no About sheet: the name is the one given, the themes in the rows' order.
        if (format === "xlsx") expect(after.info).toEqual(before.info);
        else expect(after.info.themes.every((t) => before.info.themes.includes(t))).toBe(true);
      }, 60_000);

  it("writes every field of Rotherham and Portsmouth in a column of its own, none as JSON", async () => {
    const dir = mkdtempSync(join(tmpdir(), "darep-roundtrip-"));
    const rows: Record<string, string>[] = [];
    for (const name of ["rotherham", "portsmouth"]) {
      await exportFramework({ framework: name, cwd: dir, out: `${name}.csv` });
      rows.push(...(parse(readFileSync(join(dir, `${name}.csv`)), { columns: true, bom: true }) as Record<string, string>[]));
    }
    expect(rows.filter((r) => r["measure: more (JSON)"] || r["indicator: more (JSON)"])).toEqual([]);
    expect(rows.find((r) => r.reference === "RO3" && r.comparators)?.comparators).toMatch(/^31 \| .+ \| SafeLives Marac national dataset \| .+ \| percent$/);
    expect(rows.filter((r) => r["target level"] !== "").length).toBeGreaterThan(0);
  }, 60_000);
});

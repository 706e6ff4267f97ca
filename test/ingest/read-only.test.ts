// Reading never changes a file, and reading a CSV never loads exceljs.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { readReturn } from "../../src/ingest/index.js";
import { FIXTURES, fixture } from "./helpers.js";

const sha256 = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

describe("reading leaves files alone", () => {
  const names = readdirSync(FIXTURES).filter((n) => !n.endsWith(".mjs") && statSync(join(FIXTURES, n)).isFile());

  it("has the fixtures to check", () => {
    expect(names.length).toBeGreaterThanOrEqual(30);
  });

  it.each(names)("%s is byte-for-byte unchanged after reading", async (name) => {
    const path = fixture(name);
    const before = { hash: sha256(path), mtime: statSync(path).mtimeMs };
    const r = await readReturn(path);
    expect(r.issues.every((i) => i.file === path)).toBe(true);
    expect({ hash: sha256(path), mtime: statSync(path).mtimeMs }).toEqual(before);
  });
});

describe("loading exceljs", () => {
  it("happens only when a workbook is read", () => {
    // A fresh process on the built code (test/global-setup.ts builds dist/ before the tests).
    const ingest = pathToFileURL(join(FIXTURES, "..", "..", "dist", "ingest", "index.js")).href;
    const script = `
      import { createRequire } from "node:module";
      const { readReturn } = await import(${JSON.stringify(ingest)});
      const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes("exceljs"));
      await readReturn(${JSON.stringify(fixture("utf8-bom.csv"))});
      const afterCsv = loaded();
      await readReturn(${JSON.stringify(fixture("merged-cells.xlsx"))});
      console.log(JSON.stringify({ afterCsv, afterXlsx: loaded() }));`;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({ afterCsv: false, afterXlsx: true });
  });
});

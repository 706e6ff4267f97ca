// scripts/bundle.mjs never changes or deletes a file a running darep may still load: each build goes
// into a folder of its own named by its content, dist/bundle/index.js is switched to it in one rename,
// and an earlier build's folder stays for an hour after it was replaced.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { darep, darepBin, ROOT } from "../helpers/cli.js";
import { AGENCIES, makeWorkspace } from "../helpers/workspace.js";

const POINTER = /"\.\.\/(bundle-[0-9a-f]{16})\/index\.js"/;

function bundleInto(out: string): void {
  const r = spawnSync(process.execPath, [join(ROOT, "scripts", "bundle.mjs")], { env: { ...process.env, DAREP_BUNDLE_OUT: out }, encoding: "utf8", timeout: 120_000 });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
}

const current = (out: string) => POINTER.exec(readFileSync(join(out, "bundle", "index.js"), "utf8"))?.[1];

describe("the bundle's build", () => {
  it("points dist/bundle/index.js at a whole build, and the real binary runs it", () => {
    const built = current(join(ROOT, "dist"));
    expect(built).toBeDefined();
    expect(readdirSync(join(ROOT, "dist", "bundle"))).toEqual(["index.js"]);
    expect(existsSync(join(ROOT, "dist", built ?? "", "index.js"))).toBe(true);
  });

  it("keeps the build a run may still be using, and removes those replaced over an hour ago", () => {
    const out = mkdtempSync(join(tmpdir(), "darep-bundle-"));
    // A build replaced just now (still pointed at), one replaced long ago, and the older flat layout.
    const recent = "bundle-aaaaaaaaaaaaaaaa";
    const old = "bundle-bbbbbbbbbbbbbbbb";
    for (const g of [recent, old]) {
      mkdirSync(join(out, g));
      writeFileSync(join(out, g, "index.js"), "export const run = async () => 0;\n");
    }
    const hoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(join(out, old), hoursAgo, hoursAgo);
    mkdirSync(join(out, "bundle"));
    writeFileSync(join(out, "bundle", "index.js"), `export * from "../${recent}/index.js";\n`);
    writeFileSync(join(out, "bundle", "chunk-OLDLAYOUT.js"), "export {};\n");

    bundleInto(out);
    const now = current(out);
    expect(now).toBeDefined();
    expect(now).not.toBe(recent);
    expect(readFileSync(join(out, now ?? "", "index.js"), "utf8")).toContain("run");
    expect(existsSync(join(out, recent, "index.js")), "the build just replaced is kept").toBe(true);
    expect(existsSync(join(out, old)), "a build replaced two hours ago is removed").toBe(false);
    expect(readdirSync(join(out, "bundle"))).toEqual(["index.js"]);

    // The same code again: the same folder, untouched, and nothing half-written left about.
    const files = readdirSync(join(out, now ?? ""));
    bundleInto(out);
    expect(current(out)).toBe(now);
    expect(readdirSync(join(out, now ?? ""))).toEqual(files);
    expect(readdirSync(out).filter((n) => n.startsWith("."))).toEqual([]);
  });

  it("holds the worker that workbooks are read in, beside the code that starts it", () => {
    const dir = join(ROOT, "dist", current(join(ROOT, "dist")) ?? "");
    const starter = readdirSync(dir).filter((n) => readFileSync(join(dir, n), "utf8").includes('"./parse-worker.js"'));
    expect(starter.length).toBeGreaterThan(0);
    expect(existsSync(join(dir, "parse-worker.js"))).toBe(true);
  });

  it("gives pdf-lib Node's zlib to deflate with, not fflate's JavaScript", () => {
    const dir = join(ROOT, "dist", current(join(ROOT, "dist")) ?? "");
    const finishing = readdirSync(dir).filter((n) => n.startsWith("pdf-finish-"));
    expect(finishing).toHaveLength(1);
    const code = readFileSync(join(dir, finishing[0] ?? ""), "utf8");
    expect(code).toMatch(/from\s*"node:zlib"/);
    // fflate's deflate (its function dflt), which the xlsx chunk holds for writing a repaired zip.
    expect(code).not.toMatch(/\bdflt\b/);
    const xlsx = readdirSync(dir).filter((n) => n.startsWith("xlsx-"));
    expect(readFileSync(join(dir, xlsx[0] ?? ""), "utf8")).toMatch(/\bdflt\b/);
  });

  it("checks a config with the same zod, and the same words, as the modules (the bundle imports zod's parts by name)", async () => {
    const config = {
      partnership: "",
      framework: "doncaster",
      financialYearStartMonth: 13,
      agencies: [
        { ...AGENCIES[0], contact: { name: "Officer", email: "not an address" } },
        { id: "Bad Id", name: "X", indicators: ["PM20"] },
      ],
      extra: true,
    };
    const ws = makeWorkspace({ config, files: { "returns/2026-27/Q2/riverside.csv": "indicator,measure,category,value\n" } });
    const bundled = darepBin(["validate", "--no-cache"], { cwd: ws });
    const modules = await darep(["validate", "--no-cache"], { cwd: ws });
    expect(bundled.code).toBe(2);
    expect(bundled.stderr).toContain("email");
    expect(bundled.stderr).toBe(modules.stderr);
  });
});

// The cache of checked returns and workspaces: it never changes a result, notices every change, ignores
// what it cannot trust, and never writes to the files it reads.
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { build } from "../../src/api/build.js";
import { parseReturn } from "../../src/ingest/index.js";
import { validateReturns } from "../../src/api/validate.js";
import { cacheKey } from "../../src/workspace/cache/key.js";
import { CacheStore, type CacheSetting } from "../../src/workspace/cache/store.js";
import { loadWorkspace } from "../../src/workspace/load.js";
import { DEMO, darep } from "../helpers/cli.js";
import { AGENCIES, makeWorkspace } from "../helpers/workspace.js";

// Count the files actually parsed, to see the cache at work.
vi.mock("../../src/ingest/index.js", async (original) => {
  const real = await original<typeof import("../../src/ingest/index.js")>();
  return { ...real, parseReturn: vi.fn(real.parseReturn) };
});
const reads = () =>
  vi
    .mocked(parseReturn)
    .mock.calls.map(([, path]) => relative(tmpdir(), path))
    .filter((p) => /[\\/]returns[\\/]/.test(p));

const ON: CacheSetting = { enabled: true };
const OFF: CacheSetting = { enabled: false };

/** A copy of the demo workspace, with the returns' modification times (git does not keep them) copied too. */
function demoCopy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), "darep-cache-")), "demo");
  cpSync(DEMO, dir, { recursive: true, preserveTimestamps: true, filter: (src) => !/[\\/](reports|\.darep-cache)$/.test(src) });
  return dir;
}

async function reportJson(workspace: string, cache: CacheSetting): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), "darep-out-"));
  await build({ workspace, cwd: workspace, quarter: "Q2", year: "2026-27", today: "2026-11-25", generatedAt: "2026-11-25T10:00:00.000Z", formats: ["json"], out, cache });
  return readFileSync(join(out, "report.json"), "utf8");
}

async function validation(workspace: string, cache: CacheSetting, targets = ["Q2"]) {
  return (await validateReturns({ workspace, cwd: workspace, targets, today: "2026-11-25", year: "2026-27", cache })).result;
}

function entries(dir: string, kind = "returns"): string[] {
  const folder = join(dir, ".darep-cache", kind);
  return existsSync(folder) ? readdirSync(folder).map((n) => join(folder, n)) : [];
}

/** Every file in the workspace outside the cache and the reports, with its hash and modification time. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(d.parentPath, d.name);
    const rel = relative(dir, path);
    if (!d.isFile() || /^(\.darep-cache|reports)/.test(rel)) continue;
    out[rel] = `${createHash("sha256").update(readFileSync(path)).digest("hex")} ${statSync(path).mtimeMs}`;
  }
  return out;
}

describe("the cache of checked returns", () => {
  it("gives a byte-identical report.json, cold and warm, to a build without it", async () => {
    const ws = demoCopy();
    const without = await reportJson(ws, OFF);
    expect(existsSync(join(ws, ".darep-cache"))).toBe(false);
    const cold = await reportJson(ws, ON);
    expect(entries(ws).length).toBeGreaterThan(100);
    vi.mocked(parseReturn).mockClear();
    const warm = await reportJson(ws, ON);
    expect(reads()).toEqual([]);
    expect(cold).toBe(without);
    expect(warm).toBe(without);
  });

  it("gives the same validation, cross-quarter warnings included, warm as without", async () => {
    const ws = demoCopy();
    const without = await validation(ws, OFF);
    await validation(ws, ON);
    const warm = await validation(ws, ON);
    expect(warm).toEqual(without);
    expect(JSON.stringify(warm)).toBe(JSON.stringify(without));
  });

  it("has every earlier quarter ready after last quarter's build, so that a build reads only the new quarter", async () => {
    const ws = demoCopy();
    const out = mkdtempSync(join(tmpdir(), "darep-out-"));
    await build({ workspace: ws, cwd: ws, quarter: "Q1", year: "2026-27", today: "2026-11-25", generatedAt: "2026-11-25T10:00:00.000Z", formats: ["json"], out, cache: ON });
    const before = new Set(entries(ws));
    await reportJson(ws, ON);
    // The nine 2026-27 Q2 returns, each checked against the quarter before and (for next quarter) alone.
    expect(entries(ws).filter((e) => !before.has(e))).toHaveLength(18);
  });

  it("reads a changed file again", async () => {
    const csv = (value: string) => `indicator,measure,category,value\nPM20,incidents,,${value}\nPM20,incidents,crime,60\nPM20,incidents,non-crime,40\n`;
    const ws = makeWorkspace({ files: { "returns/2026-27/Q2/south-yorkshire-police.csv": csv("100") } });
    const file = join(ws, "returns/2026-27/Q2/south-yorkshire-police.csv");
    const first = await validation(ws, ON, [file]);
    expect(first.summary.errors).toBe(0);
    writeFileSync(file, csv("101")); // the categories no longer add up
    vi.mocked(parseReturn).mockClear();
    const second = await validation(ws, ON, [file]);
    expect(reads()).toHaveLength(1);
    expect(second.files[0]!.issues.map((i) => i.code)).toContain("categories-do-not-add-up");
    expect(second).toEqual(await validation(ws, OFF, [file]));
  });

  it("ignores a corrupt, torn, edited or foreign entry, and puts a good one back", async () => {
    const ws = demoCopy();
    const without = await reportJson(ws, OFF);
    await reportJson(ws, ON);
    const files = entries(ws);
    files.forEach((f, i) => {
      const text = readFileSync(f, "utf8");
      const [head, body] = [text.slice(0, text.indexOf("\n")), text.slice(text.indexOf("\n") + 1)];
      const broken = [
        "not json at all",
        text.slice(0, text.length >> 1), // torn
        `${head}\n${body.replace(/"value":(\d)/, '"value":9$1')}`, // edited: the body no longer matches its hash
        `${head.replace('"format":2', '"format":99')}\n${body}`, // another format
        `${head.replace(/"key":"[0-9a-f]+"/, `"key":"${"0".repeat(64)}"`)}\n${body}`, // another key's entry
        "",
      ][i % 6]!;
      writeFileSync(f, broken);
    });
    expect(await reportJson(ws, ON)).toBe(without);
    // Each entry was rewritten whole.
    const store = new CacheStore(join(ws, ".darep-cache"), cacheKey(undefined)!);
    for (const f of files.slice(0, 12)) {
      const key = f.slice(f.lastIndexOf("/") + 1, -".json".length);
      expect(await store.get("returns", key)).not.toBeNull();
    }
  });

  it("ignores an entry whose body is sound JSON of the wrong shape", async () => {
    const ws = demoCopy();
    const without = await reportJson(ws, OFF);
    await reportJson(ws, ON);
    const store = new CacheStore(join(ws, ".darep-cache"), cacheKey(undefined)!);
    for (const f of entries(ws)) {
      const key = f.slice(f.lastIndexOf("/") + 1, -".json".length);
      await store.put("returns", key, { status: "received", figures: [{ nonsense: true }], issues: [] });
    }
    expect(await reportJson(ws, ON)).toBe(without);
  });

  it("does not keep a return that took longer than the time limit to read (that says how busy the machine was)", async () => {
    const csv = "indicator,measure,category,value\nPM20,incidents,,100\nPM20,incidents,crime,60\nPM20,incidents,non-crime,40\n";
    const config = { partnership: "Test Partnership", framework: "doncaster", agencies: AGENCIES, options: { limits: { maxSecondsPerFile: 0.05 } } };
    const ws = makeWorkspace({ config, files: { "returns/2026-27/Q2/south-yorkshire-police.csv": csv } });
    vi.mocked(parseReturn).mockImplementationOnce(() => new Promise(() => {})); // a read that never ends
    const r = await validation(ws, ON, [join(ws, "returns/2026-27/Q2/south-yorkshire-police.csv")]);
    expect(r.files[0]!.issues.map((i) => i.code)).toContain("limit-exceeded");
    expect(entries(ws)).toEqual([]);
  });

  it("never writes to the workspace's own files", async () => {
    const ws = demoCopy();
    const before = snapshot(ws);
    await reportJson(ws, ON);
    await reportJson(ws, ON);
    await validation(ws, ON);
    expect(snapshot(ws)).toEqual(before);
  });

  it("keeps out of git: the cache folder ignores itself", async () => {
    const ws = demoCopy();
    await validation(ws, ON);
    expect(readFileSync(join(ws, ".darep-cache", ".gitignore"), "utf8")).toMatch(/^\*$/m);
  });
});

describe("the cache of checked workspaces", () => {
  it("gives the same config and framework as loading them afresh", async () => {
    const ws = demoCopy();
    const fresh = await loadWorkspace({ workspace: ws, cwd: ws });
    await loadWorkspace({ workspace: ws, cwd: ws, cache: ON });
    expect(entries(ws, "workspace")).toHaveLength(1);
    const cached = await loadWorkspace({ workspace: ws, cwd: ws, cache: ON });
    expect(cached).toEqual(fresh);
    expect(cached.framework.byRef.get("PM20")).toBe(cached.framework.indicators.find((i) => i.ref === "PM20"));
  });

  it("checks a changed config again, mistakes and all", async () => {
    const ws = makeWorkspace();
    await loadWorkspace({ workspace: ws, cwd: ws, cache: ON });
    const config = JSON.parse(readFileSync(join(ws, "darep.config.json"), "utf8"));
    config.agencies[0].indicators.push("PM99");
    writeFileSync(join(ws, "darep.config.json"), JSON.stringify(config));
    await expect(loadWorkspace({ workspace: ws, cwd: ws, cache: ON })).rejects.toThrow(/mistakes/);
  });

  it("checks a changed framework again", async () => {
    const ws = makeWorkspace();
    cpSync(join(DEMO, "..", "..", "schemas", "doncaster"), join(ws, "schemas", "doncaster"), { recursive: true });
    await loadWorkspace({ workspace: ws, cwd: ws, cache: ON });
    const pm20 = join(ws, "schemas", "doncaster", "PM20.json");
    writeFileSync(pm20, readFileSync(pm20, "utf8").replace(/"ref": "PM20"/, '"ref": "PM2O"'));
    await expect(loadWorkspace({ workspace: ws, cwd: ws, cache: ON })).rejects.toThrow(/framework/);
  });
});

describe("the cache from the command line", () => {
  it("is kept in <workspace>/.darep-cache, elsewhere with --cache-dir or DAREP_CACHE_DIR, and not at all with --no-cache", async () => {
    const ws = demoCopy();
    const file = "returns/2026-27/Q2/south-yorkshire-police.csv";
    const none = await darep(["validate", file, "--no-cache"], { cwd: ws });
    expect(existsSync(join(ws, ".darep-cache"))).toBe(false);
    const elsewhere = mkdtempSync(join(tmpdir(), "darep-cachedir-"));
    await darep(["validate", file, "--cache-dir", elsewhere], { cwd: ws });
    expect(readdirSync(join(elsewhere, "returns")).length).toBeGreaterThan(0);
    const byEnv = mkdtempSync(join(tmpdir(), "darep-cachedir-"));
    await darep(["validate", file], { cwd: ws, env: { DAREP_CACHE_DIR: byEnv } });
    expect(readdirSync(join(byEnv, "returns")).length).toBeGreaterThan(0);
    expect(existsSync(join(ws, ".darep-cache"))).toBe(false);
    const cold = await darep(["validate", file], { cwd: ws });
    const warm = await darep(["validate", file], { cwd: ws });
    expect(entries(ws).length).toBeGreaterThan(0);
    expect(cold).toEqual(none);
    expect(warm).toEqual(none);
  });

  it("is left alone by build --no-cache", async () => {
    const ws = demoCopy();
    const r = await darep(["build", "Q2", "--year", "2026-27", "--format", "json", "--no-cache", "--quiet"], { cwd: ws });
    expect(r.code).toBe(1);
    expect(existsSync(join(ws, ".darep-cache"))).toBe(false);
  });

  it("survives a cache folder that cannot be written", async () => {
    const ws = demoCopy();
    const blocked = join(ws, "blocked");
    writeFileSync(blocked, "a file where the cache folder would be");
    const r = await darep(["validate", "Q2", "--year", "2026-27", "--cache-dir", blocked, "--format", "json"], { cwd: ws });
    const none = await darep(["validate", "Q2", "--year", "2026-27", "--no-cache", "--format", "json"], { cwd: ws });
    expect(r).toEqual(none);
  });
});

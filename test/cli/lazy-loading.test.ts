// Each command loads only what it needs: checking a CSV return never loads the spreadsheet, template
// or browser libraries, and a report without a PDF never loads the browser's. Checked in a fresh
// process, which records every module it loads (ES modules through a resolve hook, CommonJS ones from
// require's cache at exit): on darep's modules (dist/cli/), where each module and package can be
// seen, and on the real binary, which runs the bundle (dist/bundle/) with the same lazy imports.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { DAREP_ROOT } from "../../src/framework/workspace.js";
import { BIN, ROOT } from "../helpers/cli.js";
import { makeWorkspace } from "../helpers/workspace.js";

const dir = mkdtempSync(join(tmpdir(), "darep-loaded-"));
const hooks = join(dir, "hooks.mjs");
writeFileSync(
  hooks,
  `import { appendFileSync } from "node:fs";
export async function resolve(specifier, context, next) {
  const found = await next(specifier, context);
  if (process.env.DAREP_LOADED_FILE) appendFileSync(process.env.DAREP_LOADED_FILE, found.url + "\\n");
  return found;
}
`,
);
const register = join(dir, "register.mjs");
writeFileSync(
  register,
  `import { appendFileSync } from "node:fs";
import { createRequire, register } from "node:module";
register(${JSON.stringify(pathToFileURL(hooks).href)});
process.on("exit", () => {
  const cjs = Object.keys(createRequire(import.meta.url).cache);
  if (process.env.DAREP_LOADED_FILE) appendFileSync(process.env.DAREP_LOADED_FILE, cjs.join("\\n") + "\\n");
});
`,
);

/** bin/darep.js's run, on the modules rather than the bundle. */
const MODULES = join(dir, "modules.mjs");
writeFileSync(
  MODULES,
  `const cli = await import(${JSON.stringify(pathToFileURL(join(ROOT, "dist", "cli", "index.js")).href)});
process.exitCode = await cli.run(process.argv.slice(2), { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), env: process.env, cwd: process.cwd(), isTTY: false });
`,
);

/** The npm packages (and darep's own modules) a run of `entry` (default the modules; BIN for the bundle) loaded. */
function packagesLoaded(argv: string[], cwd: string, entry = MODULES): { code: number | null; packages: string[]; own: string[]; urls: string[] } {
  const file = join(mkdtempSync(join(tmpdir(), "darep-loaded-")), "loaded.txt");
  writeFileSync(file, "");
  const r = spawnSync(process.execPath, ["--import", register, entry, ...argv], {
    cwd,
    env: { ...process.env, DAREP_LOADED_FILE: file, DAREP_TODAY: "2026-11-25", NO_COLOR: "1" },
    encoding: "utf8",
    timeout: 60_000,
  });
  const urls = readFileSync(file, "utf8")
    .split("\n")
    .map((u) => decodeURIComponent(u));
  // darep's own modules, as paths under dist/, e.g. "workspace/load-framework.js"
  const own = urls
    .filter((u) => !/node_modules/.test(u))
    .map((u) => /[\\/]dist[\\/](.+\.js)$/.exec(u)?.[1]?.replaceAll("\\", "/"))
    .filter((n): n is string => Boolean(n));
  const names = urls.map((u) => /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(u)?.[1]?.replace("\\", "/")).filter((n): n is string => Boolean(n));
  return { code: r.status, packages: [...new Set(names)].sort(), own: [...new Set(own)], urls };
}

const RETURN = "returns/2026-27/Q2/riverside.csv";
const csv = "indicator,measure,category,value\nPM17,people-supported,,61\n";

describe("what each command loads", () => {
  it("checks a CSV return without the spreadsheet, template or browser libraries", () => {
    const ws = makeWorkspace({ files: { [RETURN]: csv } });
    const cold = packagesLoaded(["validate", RETURN], ws);
    expect(cold.code).toBe(1); // PM18 and PM19 are missing
    expect(cold.packages).toEqual(expect.arrayContaining(["commander", "csv-parse", "zod"]));
    for (const heavy of ["exceljs", "yauzl", "handlebars", "puppeteer", "puppeteer-core", "iconv-lite"]) expect(cold.packages).not.toContain(heavy);
  });

  it("keeps the same lazy loading in the bundle that the real binary runs", () => {
    const ws = makeWorkspace({ files: { [RETURN]: csv } });
    const cold = packagesLoaded(["validate", RETURN, "--no-cache"], ws, BIN);
    expect(cold.code).toBe(1);
    expect(cold.own).toContain("bundle/index.js");
    expect(cold.own.filter((f) => !/^bundle(-[0-9a-f]{16})?\//.test(f))).toEqual([]);
    for (const heavy of ["exceljs", "yauzl", "handlebars", "puppeteer", "puppeteer-core", "iconv-lite", "chalk"]) expect(cold.packages).not.toContain(heavy);
    const html = packagesLoaded(["build", "Q2", "--year", "2026-27", "--format", "html,json", "--quiet"], ws, BIN);
    expect(html.code).toBe(1);
    expect(html.packages).toContain("handlebars");
    for (const heavy of ["exceljs", "puppeteer", "puppeteer-core", "source-map"]) expect(html.packages).not.toContain(heavy);
  });

  it("takes darep's own framework as checked when darep was built, and checks a workspace's own framework", () => {
    const bundled = packagesLoaded(["validate", RETURN, "--no-cache"], makeWorkspace({ files: { [RETURN]: csv } }));
    expect(bundled.code).toBe(1);
    expect(bundled.own).toContain("workspace/checked-framework.js");
    expect(bundled.own).not.toContain("workspace/load-framework.js");
    const ws = makeWorkspace({ files: { [RETURN]: csv } });
    cpSync(join(DAREP_ROOT, "schemas", "doncaster"), join(ws, "schemas", "doncaster"), { recursive: true });
    const own = packagesLoaded(["validate", RETURN, "--no-cache"], ws);
    expect(own.code).toBe(1);
    expect(own.own).toContain("workspace/load-framework.js");
  });

  it("checks a CSV return in an unchanged workspace without zod either (the checked config is cached)", () => {
    const ws = makeWorkspace({ files: { [RETURN]: csv } });
    packagesLoaded(["validate", RETURN], ws);
    const warm = packagesLoaded(["validate", RETURN], ws);
    expect(warm.code).toBe(1);
    for (const heavy of ["zod", "exceljs", "yauzl", "handlebars", "puppeteer", "puppeteer-core"]) expect(warm.packages).not.toContain(heavy);
  });

  it("builds report.json and the HTML without the browser library, and report.json without handlebars", () => {
    const ws = makeWorkspace({ files: { [RETURN]: csv } });
    const json = packagesLoaded(["build", "Q2", "--year", "2026-27", "--format", "json", "--quiet"], ws);
    expect(json.code).toBe(1);
    for (const heavy of ["exceljs", "handlebars", "puppeteer", "puppeteer-core"]) expect(json.packages).not.toContain(heavy);
    const html = packagesLoaded(["build", "Q2", "--year", "2026-27", "--format", "html,json", "--quiet"], ws);
    expect(html.code).toBe(1);
    expect(html.packages).toContain("handlebars");
    // The templates were precompiled when darep was built: only Handlebars' runtime is loaded.
    expect(html.packages).not.toContain("source-map");
    expect(html.urls.some((u) => /handlebars[\\/]dist[\\/]cjs[\\/]handlebars\.runtime\.js/.test(u))).toBe(true);
    expect(html.urls.filter((u) => /handlebars[\\/].*compiler/.test(u))).toEqual([]);
    for (const heavy of ["exceljs", "puppeteer", "puppeteer-core"]) expect(html.packages).not.toContain(heavy);
  });
});

// The arrows of README's "Code layout": cli -> library face (src/index.ts, src/api) -> stages -> base
// (framework, issues, words, the report contract). Every import in src/ (static, dynamic, type-only
// and re-exports) is checked against the table below, and the pure rooms import no Node module.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";

const SRC = join(ROOT, "src");

type Layer = "cli" | "face" | "stage" | "base";

/** Each folder of src/ (or top-level file, without .ts) and its layer. A new folder must be added here and to README. */
const ROOMS: Record<string, Layer> = {
  cli: "cli",
  index: "face",
  api: "face",
  ingest: "stage",
  validate: "stage",
  trends: "stage",
  disclosure: "stage",
  report: "stage",
  template: "stage",
  actions: "stage",
  status: "stage",
  init: "stage",
  "framework-io": "stage",
  history: "stage",
  send: "stage",
  export: "stage",
  workspace: "stage",
  // The cache is the workspace reader's private detail: only workspace/ may import it.
  cache: "stage",
  framework: "base",
  issues: "base",
  words: "base",
  "report-contract": "base",
  types: "base",
  errors: "base",
  version: "base",
};

/** What each layer may import besides its own room. */
const MAY_IMPORT: Record<Layer, Layer[]> = {
  cli: ["face", "base"],
  face: ["face", "stage", "base"],
  stage: ["base"],
  base: ["base"],
};

/** Stages one other stage may call: the workspace reader runs the readers of returns and action plans. */
const ALSO: Record<string, string[]> = { workspace: ["ingest", "validate", "actions"] };

/** Rooms that neither read nor write anything: no `node:` module at all (they take everything as arguments). */
const PURE = new Set([
  "export",
  "trends",
  "disclosure",
  "validate",
  "actions",
  "status",
  "init",
  "template",
  "framework-io",
  "history",
  "framework",
  "issues",
  "words",
  "report-contract",
  "types",
  "errors",
  "version",
]);

/**
 * The wrong-way imports on record, "file -> room", each to be removed by the work named. The test fails
 * on any other, and on an entry here that no longer happens (delete it: the list only shrinks).
 */
const KNOWN: Record<string, string> = {
  // Issue 11 item 1: the workspace reader takes over reading files and the cache; framework/ becomes pure.
  "framework/workspace.ts -> node:": "item 1",
  // Disclosure control (landed with the small-numbers work) reuses the trend engine's comparison and the
  // action plan's headline status: both belong where the two stages can share them (base), or the
  // disclosure step is called from the library face with their results.
  "disclosure/index.ts -> actions": "disclosure's shared rules to base",
  "disclosure/results.ts -> trends": "disclosure's shared rules to base",
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith(".ts") ? [p] : [];
  });
}

/** The room of a path under src/: its first folder, or a top-level file's name without extension. */
const roomOf = (path: string) =>
  relative(SRC, path)
    .split("/")[0]!
    .replace(/\.(ts|js)$/, "");

/** Every module a source imports: static, dynamic, type-only and re-exports. */
function importsOf(source: string): string[] {
  return [...source.matchAll(/(?:^|[\s;}])(?:import|export)\s[^"';]*?from\s*["']([^"']+)["']|import\s*\(\s*["']([^"']+)["']\s*\)|^\s*import\s*["']([^"']+)["']/gm)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

/** The rule an import of `spec` from `file` breaks, or null. */
function wrongWay(file: string, spec: string): string | null {
  const from = roomOf(file);
  if (spec.startsWith("node:")) return PURE.has(from) ? "node:" : null;
  if (!spec.startsWith(".")) return null;
  const to = roomOf(resolve(dirname(file), spec));
  if (to === from) return null;
  if (to === "cache") return from === "workspace" ? null : to;
  const fromLayer = ROOMS[from];
  const toLayer = ROOMS[to];
  if (!fromLayer || !toLayer) return to;
  if (ALSO[from]?.includes(to)) return null;
  return MAY_IMPORT[fromLayer].includes(toLayer) ? null : to;
}

function violations(): Set<string> {
  const found = new Set<string>();
  for (const file of sources(SRC)) {
    for (const spec of importsOf(readFileSync(file, "utf8"))) {
      const broken = wrongWay(file, spec);
      if (broken) found.add(`${relative(SRC, file)} -> ${broken}`);
    }
  }
  return found;
}

describe("imports in src/", () => {
  it("every folder of src/ has a place in the layout", () => {
    const rooms = new Set(sources(SRC).map(roomOf));
    expect(
      [...rooms].filter((r) => !(r in ROOMS)),
      "add the folder to ROOMS here and to README's Code layout",
    ).toEqual([]);
  });

  it("run one way: cli -> library face -> stages -> base, and the pure rooms do no I/O", () => {
    const found = violations();
    expect([...found].filter((v) => !(v in KNOWN)).sort(), "an import that runs the wrong way").toEqual([]);
    expect(
      Object.keys(KNOWN).filter((v) => !found.has(v)),
      "no longer happens: delete it from KNOWN",
    ).toEqual([]);
  });

  it("the scanner sees every form of import", () => {
    const source = [
      'import { a } from "../a.js";',
      'import type { B } from "../b.js";',
      'export { c } from "../c.js";',
      'export type { D } from "../d.js";',
      'const e = await import("../e.js");',
      'import "../f.js";',
      "import {\n  g,\n  h,\n} from '../g.js';",
    ].join("\n");
    expect(importsOf(source)).toEqual(["../a.js", "../b.js", "../c.js", "../d.js", "../e.js", "../f.js", "../g.js"]);
  });

  it("the rules catch a stage importing the CLI or the library face, the base importing a stage, and I/O in the trend engine", () => {
    const at = (path: string) => join(SRC, path);
    expect(wrongWay(at("trends/judge.ts"), "../cli/index.js")).toBe("cli");
    expect(wrongWay(at("report/html.ts"), "../api/build.js")).toBe("api");
    expect(wrongWay(at("trends/judge.ts"), "../report/format.js")).toBe("report");
    expect(wrongWay(at("trends/judge.ts"), "../workspace/index.js")).toBe("workspace");
    expect(wrongWay(at("trends/judge.ts"), "node:fs")).toBe("node:");
    expect(wrongWay(at("framework/period.ts"), "../trends/index.js")).toBe("trends");
    expect(wrongWay(at("issues/catalogue.ts"), "../validate/index.js")).toBe("validate");
    expect(wrongWay(at("api/build.ts"), "../cli/index.js")).toBe("cli");
    expect(wrongWay(at("validate/row.ts"), "../cache/store.js")).toBe("cache");
    expect(wrongWay(at("newroom/x.ts"), "../types.js")).toBe("types");
    // And lets the right ways through.
    expect(wrongWay(at("cli/commands/build.ts"), "../../api/build.js")).toBeNull();
    expect(wrongWay(at("cli/index.ts"), "../index.js")).toBeNull();
    expect(wrongWay(at("api/build.ts"), "../trends/index.js")).toBeNull();
    expect(wrongWay(at("trends/judge.ts"), "../words/numbers.js")).toBeNull();
    expect(wrongWay(at("trends/judge.ts"), "../report-contract/schema.js")).toBeNull();
    expect(wrongWay(at("workspace/read.ts"), "../cache/store.js")).toBeNull();
    expect(wrongWay(at("workspace/gather.ts"), "../validate/index.js")).toBeNull();
    expect(wrongWay(at("workspace/gather.ts"), "../trends/index.js")).toBe("trends");
    expect(wrongWay(at("report/pdf.ts"), "node:fs")).toBeNull();
  });
});

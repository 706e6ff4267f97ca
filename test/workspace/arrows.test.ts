// The arrows of src/workspace: it is the only reader of a workspace, its cache is private to it, the
// CLI reaches it only through the library face, and framework/ reads no file at all.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "src");
const files = (readdirSync(SRC, { recursive: true }) as string[]).filter((f) => f.endsWith(".ts")).map((f) => f.split(sep).join("/"));
const source = (f: string) => readFileSync(join(SRC, f), "utf8");

/** Every module a file imports (statically, dynamically or for types), as a path under src/ or a package name. */
function importsOf(file: string): string[] {
  const out: string[] = [];
  for (const m of source(file).matchAll(/(?:from|import\()\s*"([^"]+)"/g)) {
    const spec = m[1]!;
    out.push(
      spec.startsWith(".")
        ? relative(SRC, resolve(SRC, dirname(file), spec))
            .split(sep)
            .join("/")
            .replace(/\.js$/, ".ts")
        : spec,
    );
  }
  return out;
}

const outside = (folder: string) => files.filter((f) => !f.startsWith(`${folder}/`));

describe("src/workspace", () => {
  it("has the modules to check", () => {
    expect(files).toContain("workspace/index.ts");
    expect(files).toContain("workspace/cache/returns.ts");
    expect(files.length).toBeGreaterThan(50);
    expect(importsOf("workspace/load.ts")).toEqual(expect.arrayContaining(["workspace/cache/store.ts", "framework/types.ts", "node:path"]));
  });

  it("keeps its cache to itself: no module outside src/workspace imports the cache", () => {
    const offenders = outside("workspace").flatMap((f) =>
      importsOf(f)
        .filter((i) => i.startsWith("workspace/cache/"))
        .map((i) => `${f} -> ${i}`),
    );
    expect(offenders).toEqual([]);
  });

  it("is entered only by its front door (index.ts, and the pure quarter resolver)", () => {
    const door = new Set(["workspace/index.ts", "workspace/quarter.ts"]);
    const offenders = outside("workspace").flatMap((f) =>
      importsOf(f)
        .filter((i) => i.startsWith("workspace/") && !door.has(i))
        .map((i) => `${f} -> ${i}`),
    );
    expect(offenders).toEqual([]);
  });

  it("imports no command line and no library face", () => {
    const offenders = files
      .filter((f) => f.startsWith("workspace/"))
      .flatMap((f) =>
        importsOf(f)
          .filter((i) => /^(cli|api)\//.test(i) || i === "index.ts")
          .map((i) => `${f} -> ${i}`),
      );
    expect(offenders).toEqual([]);
  });

  it("is the only reader of files besides darep's own templates, the browser and the writers of outputs", () => {
    // Each of these touches the file system for something that is not a workspace input.
    const allowed: Record<string, string> = {
      "ingest/index.ts": "readReturn, for callers that hold a path rather than bytes (the workspace passes bytes to parseReturn)",
      "report/html.ts": "darep's own handlebars templates and CSS",
      "report/template-sources.ts": "darep's own handlebars templates, read for the build's precompilation and its hash",
      "report/pdf.ts": "the browser's temporary profile",
      "report/browser-process.ts": "removing the browser's temporary profile",
      "report/output-guard.ts": "the real place of an output folder (realpath), before anything is written",
      "report/report-set.ts": "what an earlier build left in the report folder (its outputs, never an input)",
      "report/printer-pool.ts": "whether a browser is installed at a path",
      "api/write-atomic.ts": "writing the outputs",
      "cli/commands/validate.ts": "appending to GITHUB_STEP_SUMMARY",
    };
    const readers = outside("workspace").filter((f) => importsOf(f).some((i) => /^(node:)?fs(\/promises)?$/.test(i)));
    expect(readers.sort()).toEqual(Object.keys(allowed).sort());
  });
});

describe("openInput, the one door", () => {
  it("is the only place in src/workspace that opens, lists or stats a file (the code fingerprint reads darep's own code)", () => {
    const READS = /^(open|openSync|readFile|readFileSync|readdir|readdirSync|stat|statSync|lstat|lstatSync|existsSync|createReadStream|opendir|opendirSync|access|accessSync)$/;
    const readers = files
      .filter((f) => f.startsWith("workspace/"))
      .filter((f) => [...source(f).matchAll(/import\s*\{([^}]*)\}\s*from\s*"node:fs(?:\/promises)?"/g)].some((m) => m[1]!.split(",").some((name) => READS.test(name.trim().split(/\s+as\s+/)[0]!))));
    expect(readers.sort()).toEqual(["workspace/cache/fingerprint.ts", "workspace/input.ts"]);
  });
});

describe("src/framework", () => {
  it("reads no file and imports nothing above it", () => {
    const offenders = files
      .filter((f) => f.startsWith("framework/"))
      .flatMap((f) =>
        importsOf(f)
          .filter((i) => /^(node:)?fs(\/promises)?$/.test(i) || /^(workspace|api|cli|report|trends|ingest|validate)\//.test(i) || i === "index.ts")
          .map((i) => `${f} -> ${i}`),
      );
    expect(offenders).toEqual([]);
  });
});

describe("src/cli", () => {
  it("calls the library face only: never src/api or src/workspace directly", () => {
    const offenders = files
      .filter((f) => f.startsWith("cli/"))
      .flatMap((f) =>
        importsOf(f)
          .filter((i) => /^(api|workspace)\//.test(i))
          .map((i) => `${f} -> ${i}`),
      );
    expect(offenders).toEqual([]);
  });
});

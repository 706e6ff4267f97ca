// Part of `npm run build`: darep's own modules and its small libraries (commander, csv-parse, zod,
// fflate, pdf-lib) bundled into dist/bundle/, which bin/darep.js runs: one file to load at start-up
// instead of some 160 (Node resolves, opens and compiles each), split at every lazy import so that a
// command still loads only what it needs. The large libraries stay outside, loaded from node_modules
// when a command needs them. Measured: a cold `darep validate --no-cache` of one CSV, 0.22 -> 0.17
// CPU-s (Node: 0.06); pdf-lib in the bundle loads in 0.06 CPU-s instead of 0.25 from its 190 modules.
//
// A run may start, or load a lazy chunk, while this writes. So a build never changes or deletes a file
// a run may be reading: each build's files go into a folder of their own, named by their content
// (dist/bundle-<hash>/, beside dist/bundle/ so that the code finds darep's folder at the same depth;
// written under a temporary name and renamed into place whole), and only then is dist/bundle/index.js,
// which points at it, replaced (written aside and renamed, so it is never half written). An earlier
// build's folder is deleted an hour after it was replaced, when no run can still be using it.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
// DAREP_BUNDLE_OUT: another folder to write into instead of dist/ (for the tests).
const dist = process.env.DAREP_BUNDLE_OUT ?? join(root, "dist");
const pointerDir = join(dist, "bundle");
const KEEP_MS = 60 * 60 * 1000;

/** pdf-lib deflates with fflate's JavaScript; in the bundle it gets Node's zlib (scripts/bundle-zlib.mjs). */
const pdfLibZlib = {
  name: "pdf-lib-zlib",
  setup(b) {
    b.onResolve({ filter: /^fflate$/ }, (args) => (/[\\/]@cantoo[\\/]pdf-lib[\\/]/.test(args.importer) ? { path: join(root, "scripts", "bundle-zlib.mjs") } : undefined));
  },
};

/**
 * exceljs's writer (darep template, export) stays outside; the Workbook module that reading a return
 * loads is bundled: 278 CommonJS modules to find and compile were 0.10 CPU-s, one file is 0.04.
 */
const excelWriterOutside = {
  name: "exceljs-writer-outside",
  setup(b) {
    b.onResolve({ filter: /^exceljs$/ }, () => ({ path: "exceljs", external: true }));
    // The Workbook also requires exceljs's CSV reader and writer (fast-csv, some 25 modules, 9 ms to
    // load), which darep never uses: it reads CSV with csv-parse. Left out, and loud if ever reached.
    b.onResolve({ filter: /^\.\.\/csv\/csv$/ }, (args) => (/[\\/]exceljs[\\/]lib[\\/]doc[\\/]workbook\.js$/.test(args.importer) ? { path: "exceljs-csv", namespace: "darep-left-out" } : undefined));
    b.onLoad({ filter: /.*/, namespace: "darep-left-out" }, () => ({
      contents: "module.exports = class CSV { constructor() { throw new Error(\"exceljs's CSV support is not in darep's bundle\"); } };",
      loader: "js",
    }));
  },
};

/** darep's `import { z } from "zod"` gets scripts/bundle-zod.mjs, which zod can be tree-shaken behind. */
const zodShim = join(root, "scripts", "bundle-zod.mjs");
const zodNamed = {
  name: "zod-named",
  setup(b) {
    b.onResolve({ filter: /^zod$/ }, (args) => (args.importer === zodShim ? undefined : { path: zodShim }));
    b.onLoad({ filter: /\.js$/ }, (args) => {
      if (!args.path.startsWith(join(root, "dist"))) return undefined;
      const code = readFileSync(args.path, "utf8");
      if (!/from\s*"zod"/.test(code)) return undefined;
      const bare = code.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
      const missing = [...new Set([...bare.matchAll(/\bz\.(\w+)/g)].map((m) => m[1]))].filter((n) => !(n in zodExports));
      if (missing.length) throw new Error(`${args.path} uses z.${missing.join(", z.")}: add it to scripts/bundle-zod.mjs`);
      return { contents: code, loader: "js" };
    });
  },
};
const { z: zodExports } = await import(pathToFileURL(zodShim).href);

const result = await build({
  // The worker a workbook is read in (src/workspace/parse-isolated.ts looks for it beside its own code):
  // without it here, a run from the bundle read workbooks on the main thread, with no memory cap.
  entryPoints: { index: join(root, "dist", "cli", "index.js"), "parse-worker": join(root, "dist", "workspace", "parse-worker.js") },
  outdir: pointerDir,
  write: false,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // Kept outside: loaded only by the commands that need them, and best left as their authors ship them.
  external: ["handlebars", "handlebars/*", "puppeteer-core", "nodemailer", "nodemailer/*", "yauzl", "iconv-lite", "chalk"],
  plugins: [pdfLibZlib, excelWriterOutside, zodNamed],
  minifyWhitespace: true,
  minifySyntax: true,
  // commander is CommonJS and requires Node's modules; an ES module has no `require` of its own.
  banner: { js: 'import { createRequire as __darepRequire } from "node:module"; const require = __darepRequire(import.meta.url);' },
  logLevel: "warning",
});

const files = result.outputFiles.map((f) => ({ name: relative(pointerDir, f.path), contents: f.contents })).sort((a, b) => (a.name < b.name ? -1 : 1));
const hash = createHash("sha256");
for (const f of files) hash.update(`${f.name}\0${f.contents.length}\0`).update(f.contents);
const generation = `bundle-${hash.digest("hex").slice(0, 16)}`;
const GENERATION = /^\.?bundle-[0-9a-f]{16}/;

const target = join(dist, generation);
if (!existsSync(target)) {
  const temp = join(dist, `.${generation}-${process.pid}`);
  for (const f of files) {
    mkdirSync(dirname(join(temp, f.name)), { recursive: true });
    writeFileSync(join(temp, f.name), f.contents);
  }
  try {
    renameSync(temp, target);
  } catch (e) {
    // Another build wrote the same folder first: the same bytes, so its copy stands.
    rmSync(temp, { recursive: true, force: true });
    if (!existsSync(join(target, "index.js"))) throw e;
  }
}

// The build being replaced: its folder's time says when it stopped being current.
const index = join(pointerDir, "index.js");
const previous = /"\.\.\/(bundle-[0-9a-f]{16})\/index\.js"/.exec(existsSync(index) ? readFileSync(index, "utf8") : "")?.[1];
if (previous && previous !== generation && existsSync(join(dist, previous))) utimesSync(join(dist, previous), new Date(), new Date());
mkdirSync(pointerDir, { recursive: true });
const aside = join(pointerDir, `.index-${process.pid}.js`);
writeFileSync(aside, `// Written by scripts/bundle.mjs: the current build of the bundle.\nexport * from "../${generation}/index.js";\n`);
renameSync(aside, index);
// The bundle as laid out before (its files in dist/bundle/ itself) is removed once nothing points at it.
for (const name of readdirSync(pointerDir)) if (name !== "index.js" && !name.startsWith(".index-")) rmSync(join(pointerDir, name), { recursive: true, force: true });

for (const name of readdirSync(dist)) {
  const path = join(dist, name);
  if (name !== generation && GENERATION.test(name) && Date.now() - statSync(path).mtimeMs > KEEP_MS) rmSync(path, { recursive: true, force: true });
}

// Part of `npm run build`: darep's own modules and its small libraries (commander, csv-parse, zod,
// fflate) bundled into dist/bundle/, which bin/darep.js runs: one file to load at start-up instead of
// some 160 (Node resolves, opens and compiles each), split at every lazy import so that a command still
// loads only what it needs. The large libraries stay outside, loaded from node_modules when a command
// needs them. Measured: a cold `darep validate --no-cache` of one CSV, 0.22 -> 0.17 CPU-s (Node: 0.06).
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const outdir = `${root}dist/bundle`;
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [`${root}dist/cli/index.js`],
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // Kept outside: loaded only by the commands that need them, and best left as their authors ship them.
  external: ["exceljs", "exceljs/*", "handlebars", "handlebars/*", "puppeteer-core", "@cantoo/pdf-lib", "nodemailer", "nodemailer/*", "yauzl", "iconv-lite", "chalk"],
  // commander is CommonJS and requires Node's modules; an ES module has no `require` of its own.
  banner: { js: 'import { createRequire as __darepRequire } from "node:module"; const require = __darepRequire(import.meta.url);' },
  logLevel: "warning",
});

#!/usr/bin/env node
// The only file that touches the process: run the built CLI and exit with its code. The bundle
// (dist/bundle/, written by `npm run build`) starts faster; the modules are run instead when they are
// newer (a `tsc` alone since the last build), so an edit is never hidden behind an old bundle.
import { statSync } from "node:fs";

const built = (path) => statSync(new URL(path, import.meta.url), { throwIfNoEntry: false })?.mtimeMs ?? -1;
const entry = built("../dist/bundle/index.js") >= built("../dist/cli/index.js") && built("../dist/bundle/index.js") > 0 ? "../dist/bundle/index.js" : "../dist/cli/index.js";
let cli;
try {
  cli = await import(entry);
} catch (e) {
  if (e?.code !== "ERR_MODULE_NOT_FOUND") throw e;
  process.stderr.write("darep: darep is not built yet: run 'npm install' (or 'npm run build') in darep's folder first.\n");
  process.exit(2);
}
const code = await cli.run(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  env: process.env,
  cwd: process.cwd(),
  isTTY: Boolean(process.stdout.isTTY),
});
process.exitCode = code;

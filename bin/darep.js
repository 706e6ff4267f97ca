#!/usr/bin/env node
// The only file that touches the process: run the built CLI and exit with its code. The bundle
// (dist/bundle/, written by `npm run build`) starts faster; the modules are run instead when they are
// newer (a `tsc` alone since the last build), so an edit is never hidden behind an old bundle.
import { existsSync, mkdirSync, statSync } from "node:fs";
import module from "node:module";
import { homedir } from "node:os";
import { dirname, join } from "node:path";

// Node 22 and later can keep darep's compiled code between runs: about 10 ms less CPU a cold run on
// Node 24. It is kept in the user's own cache folder (never the shared temporary folder, where another
// user could plant code), made private; NODE_DISABLE_COMPILE_CACHE=1 turns it off. Node 20 has no such
// cache, and goes on as before. Any failure here only means no cache.
if (module.enableCompileCache && !process.env.NODE_DISABLE_COMPILE_CACHE) {
  try {
    const dir = join(process.env.XDG_CACHE_HOME || join(homedir(), ".cache"), "darep", "node-compile-cache");
    // One level at a time: Node's recursive mkdir loops for ever on a path it can never make.
    const missing = [];
    for (let at = dir; !existsSync(at) && dirname(at) !== at; at = dirname(at)) missing.unshift(at);
    for (const level of missing) mkdirSync(level, { mode: 0o700 });
    module.enableCompileCache(dir);
  } catch {
    // No cache folder: darep runs as before.
  }
}

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
// A reader that stops early (`darep build Q2 | head -1`) closes the pipe. The work goes on and is
// written as usual; only the words nobody reads any more are dropped, never a stack trace.
const closed = new Set();
for (const stream of [process.stdout, process.stderr])
  stream.on("error", (e) => {
    if (e?.code !== "EPIPE") throw e;
    closed.add(stream);
  });
const writer = (stream) => (t) => {
  if (!closed.has(stream)) stream.write(t);
};
const code = await cli.run(process.argv.slice(2), {
  stdout: writer(process.stdout),
  stderr: writer(process.stderr),
  env: process.env,
  cwd: process.cwd(),
  isTTY: Boolean(process.stdout.isTTY),
  // Questions only on a terminal (darep init asks for what its flags left out).
  ask:
    process.stdin.isTTY && process.stdout.isTTY
      ? async (question) => {
          const rl = (await import("node:readline/promises")).createInterface({ input: process.stdin, output: process.stdout });
          try {
            return await rl.question(question);
          } finally {
            rl.close();
          }
        }
      : undefined,
});
process.exitCode = code;

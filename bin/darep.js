#!/usr/bin/env node
// The only file that touches the process: run the built CLI and exit with its code.
let cli;
try {
  cli = await import("../dist/cli/index.js");
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

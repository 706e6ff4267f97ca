// Build dist/ (the modules, the bundle, the checked frameworks, the templates) once before the tests, so end-to-end tests run the real bin/darep.js on current code.
// Type errors do not stop the build (tsc still emits); `npm run typecheck` is where they fail.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export default function setup(): void {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..");
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
  const r = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.json")], { encoding: "utf8" });
  if (r.error) throw r.error;
  // The build's other steps: the bundle, the bundled frameworks checked and the templates precompiled, as a run uses them.
  for (const step of ["bundle.mjs", "check-frameworks.mjs", "precompile-templates.mjs"]) {
    const done = spawnSync(process.execPath, [join(root, "scripts", step)], { encoding: "utf8" });
    if (done.error) throw done.error;
  }
}

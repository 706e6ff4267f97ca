// Part of `npm run build`: load and check each of darep's own frameworks (schemas/<name>/) with zod,
// and write dist/frameworks/<name>.checked.json, which a run trusts while the files hash the same.
// A framework with a mistake fails the build, naming every problem.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DAREP_ROOT } from "../dist/framework/workspace.js";
import { CHECKED_DIR, checkedFile, folderHash } from "../dist/workspace/checked-framework.js";
import { bundleFingerprint, codeFingerprint } from "../dist/workspace/cache/fingerprint.js";
import { FrameworkError, loadFramework } from "../dist/workspace/load-framework.js";

// Trusted by the modules (dist/) and by the bundle (the build dist/bundle/index.js points at, written
// just before this step by scripts/bundle.mjs).
const pointer = join(DAREP_ROOT, "dist", "bundle", "index.js");
const current = existsSync(pointer) ? /"\.\.\/(bundle-[0-9a-f]{16})\/index\.js"/.exec(readFileSync(pointer, "utf8"))?.[1] : undefined;
const codes = [codeFingerprint(), ...(current ? [bundleFingerprint(join(DAREP_ROOT, "dist", current))] : [])];

mkdirSync(CHECKED_DIR, { recursive: true });
let failed = false;
for (const name of readdirSync(join(DAREP_ROOT, "schemas")).sort()) {
  const dir = join(DAREP_ROOT, "schemas", name);
  try {
    const framework = await loadFramework(dir);
    writeFileSync(join(CHECKED_DIR, `${name}.checked.json`), checkedFile(framework, folderHash(dir), codes));
  } catch (e) {
    if (!(e instanceof FrameworkError)) throw e;
    failed = true;
    console.error(`${e.message}\n${e.problems.map((p) => `  ${p}`).join("\n")}`);
  }
}
if (failed) process.exit(1);
